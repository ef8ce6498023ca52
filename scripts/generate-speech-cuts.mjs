#!/usr/bin/env node
// Writes packages/core/test/fixtures/speech-cuts.json: the exact chunk boundaries that core's `speechChunks`, with the
// Silero detector of @scribe/node and default options, cuts from a few committed recordings. Node's tests assert
// these numbers after any change to the Silero code, and the browser adapter must reproduce them in Chromium, so
// every input is a WAV file in this repository, decoded by core's own `wavPcmBlocks` (default blocks of 16384
// frames) and, for the long input, several files played one after another.
//   node scripts/generate-speech-cuts.mjs           (after `pnpm build`)
//   node scripts/generate-speech-cuts.mjs --check   (exit 1 when today's code cuts differently)
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const output = join(root, 'packages', 'core', 'test', 'fixtures', 'speech-cuts.json');
const core = await import(join(root, 'packages', 'core', 'dist', 'internal.js'));
const node = await import(join(root, 'packages', 'node', 'dist', 'index.js'));

const samples = (name) => `examples/samples/${name}/${name}.wav`;
const fixture = (name) => `packages/node/test/fixtures/audio/${name}`;
const INPUTS = [
  { name: 'speech', files: [fixture('speech.wav')], what: 'three flite sentences, 16 kHz mono, 8.2 s' },
  { name: 'speech-44100-stereo', files: [fixture('speech-44100-stereo.wav')], what: 'one sentence onset at 44.1 kHz stereo: the resampler in the path' },
  { name: 'chest-pain-consultation', files: [samples('chest-pain-consultation')], what: 'a flite consultation, 22.7 s' },
  {
    name: 'five-consultations',
    files: ['asthma-wheezing', 'chest-pain-consultation', 'diabetes-review', 'fever-sore-throat', 'stomach-pain'].map(samples),
    what: 'the five example consultations played one after another, 172 s: cuts at pauses near the preferred 10 s',
  },
  {
    name: 'diabetes-review-max-4s',
    files: [samples('diabetes-review')],
    options: { maxChunkSeconds: 4 },
    what: 'a 42.6 s consultation with a 4 s maximum: cuts forced inside speech',
  },
  { name: 'silence', files: [fixture('silence.wav')], what: '1.5 s of digital silence: no speech' },
  { name: 'pink-noise', files: [fixture('pink-noise.wav')], what: '1.5 s of pink noise at about -20 dBFS: no speech' },
];
// speechChunks' defaults (what the Node client passes against a service advertising 20 s or more), unless an input
// names its own.
const OPTIONS = {};

async function* blocksOf(files) {
  for (const file of files) yield* core.wavPcmBlocks(new Uint8Array(await readFile(join(root, file))));
}

async function cutsOf(model, input) {
  const vad = model.createDetector();
  try {
    const chunks = [];
    for await (const chunk of core.speechChunks(blocksOf(input.files), { ...(input.options ?? OPTIONS), vad })) {
      chunks.push({
        index: chunk.index,
        startSample: chunk.startSample,
        endSample: chunk.endSample,
        reason: chunk.reason,
        spans: chunk.spans.map((span) => [span.startSample, span.endSample]),
      });
    }
    return chunks;
  } finally {
    await vad.dispose();
  }
}

const model = await node.loadSileroModel();
const result = {
  about: 'Chunk boundaries in 16 kHz samples of the input timeline (end exclusive) from scripts/generate-speech-cuts.mjs; spans are [start, end) pairs.',
  detector: { model: 'silero_vad_v5.onnx', sampleRate: 16000, frameSamples: 512, inference: model.inference },
  options: OPTIONS,
  decoder: 'core wavPcmBlocks(bytes of each file in turn), default maxBlockFrames 16384',
  inputs: [],
};
try {
  for (const input of INPUTS) {
    const chunks = await cutsOf(model, input);
    result.inputs.push({ ...input, chunkCount: chunks.length, chunks });
  }
} finally {
  await model.dispose();
}
// One chunk per line: short enough to read, and a change shows as a one-line diff.
const text = `${JSON.stringify(result, null, 2).replace(/\{\s+"index": [^}]+\}/g, (chunk) => JSON.stringify(JSON.parse(chunk)))}\n`;
if (process.argv.includes('--check')) {
  const committed = await readFile(output, 'utf8');
  if (committed !== text) {
    console.error(`${output} differs from what today's code cuts: run node scripts/generate-speech-cuts.mjs and review the diff.`);
    process.exit(1);
  }
  console.log('speech cuts unchanged');
} else {
  await writeFile(output, text);
  for (const input of result.inputs) console.log(`${input.name}: ${input.chunkCount} chunks`);
}
