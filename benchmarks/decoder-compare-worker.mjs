// One decoder on one file, in this process: the SDK's own path (`scribe`: decodeAudio, the hand-written FLAC decoder
// or the Ogg page reader with opus-decoder / ogv's libvorbis) or a wasm-audio-decoders library fed the file's bytes in
// 64 KiB reads (`library`). Prints one JSON line: { cpu, wall, samples, sampleRate, maxRssMb, liveMb }. `exact`
// decodes the file both ways and compares the first channels: { samples: [sdk, library], maxDifference }.
//   node decoder-compare-worker.mjs <scribe|library|exact> <flac|vorbis|opus> <file> <library module directory>
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { maxRssMb, measure } from './lib/common.mjs';

const [variant, codec, file, libraries] = process.argv.slice(2);
const LIBRARY = { flac: ['@wasm-audio-decoders/flac', 'FLACDecoder'], vorbis: ['@wasm-audio-decoders/ogg-vorbis', 'OggVorbisDecoder'], opus: ['ogg-opus-decoder', 'OggOpusDecoder'] };
let liveMb = 0;
// Live JS memory (heap in use + ArrayBuffers) after a full GC, sampled every 64 reads or blocks, only when run with
// --expose-gc (the GCs cost CPU, so timed runs go without): flat when decoding streams.
const sampleLive = () => {
  if (!globalThis.gc) return;
  globalThis.gc();
  const usage = process.memoryUsage();
  liveMb = Math.max(liveMb, (usage.heapUsed + usage.arrayBuffers) / 2 ** 20);
};

// Modules are imported before the clock starts (a one-off for a process); codec set-up (wasm instances) is timed.
const { node } = variant === 'library' ? {} : await import('./lib/modules.mjs');
const [name, exported] = LIBRARY[codec];
const module = variant !== 'scribe' ? await import(pathToFileURL(createRequire(join(libraries, 'package.json')).resolve(name)).href) : undefined;

async function scribe() {
  let samples = 0;
  let sampleRate = 0;
  let blocks = 0;
  for await (const block of node.decodeAudio(file)) {
    samples += block.channels[0].length;
    sampleRate = block.sampleRate;
    if (++blocks % 64 === 0) sampleLive();
  }
  return { samples, sampleRate };
}

async function library() {
  // Opus at 16 kHz, as the SDK decodes it for a 16 kHz pipeline (libopus resamples internally).
  const decoder = new module[exported](codec === 'opus' ? { sampleRate: 16000 } : {});
  await decoder.ready;
  let samples = 0;
  let sampleRate = 0;
  let errors = 0;
  let reads = 0;
  const take = (result) => {
    samples += result.samplesDecoded;
    if (result.samplesDecoded > 0) sampleRate = result.sampleRate;
    errors += result.errors.length;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    take(await decoder.decode(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    if (++reads % 64 === 0) sampleLive();
  }
  take(await decoder.flush());
  decoder.free();
  return { samples, sampleRate, errors };
}

// The first channel of the whole file, both ways (fixture-sized files only).
async function exact() {
  const sdk = [];
  for await (const block of node.decodeAudio(file)) sdk.push(block.channels[0]);
  const decoder = new module[exported](codec === 'opus' ? { sampleRate: 16000 } : {});
  await decoder.ready;
  const library = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) library.push((await decoder.decode(new Uint8Array(chunk))).channelData[0]);
  library.push((await decoder.flush()).channelData[0]);
  decoder.free();
  const [a, b] = [concat(sdk), concat(library.filter(Boolean))];
  let maxDifference = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) maxDifference = Math.max(maxDifference, Math.abs(a[i] - b[i]));
  return { samples: [a.length, b.length], maxDifference };
}

function concat(planes) {
  const all = new Float32Array(planes.reduce((sum, plane) => sum + plane.length, 0));
  let at = 0;
  for (const plane of planes) {
    all.set(plane, at);
    at += plane.length;
  }
  return all;
}

if (variant === 'exact') {
  console.log(JSON.stringify({ variant, codec, ...(await exact()) }));
  process.exit(0);
}
const { wall, cpu, outcome } = await measure(variant === 'scribe' ? scribe : library);
sampleLive();
console.log(JSON.stringify({ variant, codec, wall, cpu, ...outcome, maxRssMb: maxRssMb(), liveMb }));
