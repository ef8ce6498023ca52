import { createSileroDetector, decodeWav, SILERO_FRAME_SAMPLES } from '@scribe/core/internal';
import { expect, test } from 'vitest';
import { resolveAssets } from '../src/vad/assets';
import { loadWebOnnxRunner } from '../src/vad/onnx-web-runner';
import { CONSULTATION_WAV } from './support/speech-audio';
import { fetchRepositoryFile, TEST_ASSET_BASE_URL } from './support/test-assets';

// Core's ONNX-runner port on onnxruntime-web: asynchronous runs, one session shared by several detectors.

async function loadRunner() {
  const { modelUrl, wasmPaths } = resolveAssets(TEST_ASSET_BASE_URL);
  return loadWebOnnxRunner(modelUrl, { wasmPaths });
}

async function speechFrames(count: number): Promise<Float32Array[]> {
  const samples = decodeWav(await fetchRepositoryFile(CONSULTATION_WAV)).channels[0]!;
  return Array.from({ length: count }, (_, i) => samples.slice(i * SILERO_FRAME_SAMPLES, (i + 1) * SILERO_FRAME_SAMPLES));
}

test('two detectors on one runner, frames interleaved without awaiting: the same probabilities as each alone', async () => {
  const runner = await loadRunner();
  const frames = await speechFrames(120);
  const alone = createSileroDetector({ runner });
  const expected: number[] = [];
  for (const frame of frames) expected.push(await alone.process(frame));
  await alone.dispose();
  // The runner queues runs in call order, so the two recurrent states never mix.
  const a = createSileroDetector({ runner });
  const b = createSileroDetector({ runner });
  const [fromA, fromB] = await Promise.all([Promise.all(frames.map((frame) => a.process(frame))), Promise.all(frames.map((frame) => b.process(frame)))]);
  expect(fromA).toEqual(expected);
  expect(fromB).toEqual(expected);
  expect(Math.max(...expected)).toBeGreaterThan(0.9);
  expect(Math.min(...expected)).toBeLessThan(0.1);
  expect(runner.bind({}, {}).sync).toBe(false);
  await Promise.all([a.dispose(), b.dispose()]);
  await runner.dispose();
});

test('dispose waits for queued runs, is idempotent, and later runs fail with ConfigError', async () => {
  const runner = await loadRunner();
  const detector = createSileroDetector({ runner });
  const frames = await speechFrames(10);
  const pending = frames.map((frame) => detector.process(frame));
  await runner.dispose();
  await runner.dispose();
  expect(runner.disposed).toBe(true);
  // Frames queued before the dispose either finished or failed with the detector's own message; none hangs.
  const settled = await Promise.allSettled(pending);
  expect(settled).toHaveLength(10);
  await expect(detector.process(frames[0]!)).rejects.toMatchObject({ code: 'config_error' });
});
