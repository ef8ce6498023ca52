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
