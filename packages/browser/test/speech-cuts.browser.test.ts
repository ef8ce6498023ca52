import { speechChunks, wavPcmBlocks, type PcmBlock } from '@scribe/core/internal';
import { afterAll, beforeAll, expect, test } from 'vitest';
import committed from '../../core/test/fixtures/speech-cuts.json';
import { loadBrowserSileroModel, type BrowserSileroModel } from '../src/vad/browser-silero';
import { fetchRepositoryFile, TEST_ASSET_BASE_URL } from './support/test-assets';

// The key proof that the browser cuts what Node cuts: the same WAV bytes, core's decoder and pipeline, Silero on
// onnxruntime-web in Chromium, against the boundaries Node's onnxruntime-node produced (scripts/generate-speech-cuts.mjs).

let model: BrowserSileroModel;
beforeAll(async () => {
  model = await loadBrowserSileroModel({ assetBaseUrl: TEST_ASSET_BASE_URL });
});
afterAll(() => model?.dispose());

async function* blocksOf(files: readonly string[]): AsyncGenerator<PcmBlock> {
  for (const file of files) yield* wavPcmBlocks(await fetchRepositoryFile(file));
}

test('the committed fixture covers speech, resampling, a long input, forced cuts and no speech', () => {
  expect(committed.inputs.map((input) => input.name)).toEqual([
    'speech',
    'speech-44100-stereo',
    'chest-pain-consultation',
    'five-consultations',
    'diabetes-review-max-4s',
    'silence',
    'pink-noise',
  ]);
  expect(committed.inputs.reduce((sum, input) => sum + input.chunkCount, 0)).toBe(33);
});

test('the browser loads the very model file Node ships (SHA-256 of the served dist copy and of packages/node/models)', async () => {
  const digest = async (bytes: Uint8Array<ArrayBuffer>) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  const served = new Uint8Array(await (await fetch(`${TEST_ASSET_BASE_URL}silero_vad_v5.onnx`)).arrayBuffer());
  const node = await fetchRepositoryFile('packages/node/models/silero_vad_v5.onnx');
  expect(served.length).toBe(2327524);
  expect(await digest(served)).toBe(await digest(node));
});

test.each(committed.inputs.map((input) => [input.name, input] as const))('%s: sample-exact chunk boundaries', async (_name, input) => {
  const vad = model.createDetector();
  const chunks = [];
  try {
    const options = 'options' in input ? (input.options as { maxChunkSeconds?: number }) : committed.options;
    for await (const chunk of speechChunks(blocksOf(input.files), { ...options, vad })) {
      chunks.push({
        index: chunk.index,
        startSample: chunk.startSample,
        endSample: chunk.endSample,
        reason: chunk.reason,
        spans: chunk.spans.map((span) => [span.startSample, span.endSample]),
      });
    }
  } finally {
    await vad.dispose();
  }
  expect(chunks).toEqual(input.chunks);
  expect(chunks).toHaveLength(input.chunkCount);
});
