import { speechChunks, wavPcmBlocks } from '@scribe/core/internal';
import { expect, test } from 'vitest';
import { loadBrowserSileroModel } from '../src/vad/browser-silero';
import { CONSULTATION_WAV } from './support/speech-audio';
import { fetchRepositoryFile, TEST_ASSET_BASE_URL } from './support/test-assets';

// The figures in docs/browser.md "Measured": model load (fetch + compile + first frame) and the cost of one 32 ms
// frame on onnxruntime-web, one thread, in headless Chromium. Noisy on a shared 2-core machine; the bounds are loose.

test('ORT-web model load time and per-frame inference cost', async () => {
  const first = await loadBrowserSileroModel({ assetBaseUrl: TEST_ASSET_BASE_URL });
  const second = await loadBrowserSileroModel({ assetBaseUrl: TEST_ASSET_BASE_URL });
  const detector = second.createDetector();
  const { channels } = (await import('@scribe/core/internal')).decodeWav(await fetchRepositoryFile(CONSULTATION_WAV));
  const samples = channels[0]!;
  const frames = Math.floor(samples.length / 512);
  // Warm-up, then every frame of the 22.7 s consultation, one after another.
  for (let i = 0; i < 20; i += 1) await detector.process(samples.subarray(i * 512, (i + 1) * 512));
  detector.reset();
  const started = performance.now();
  for (let i = 0; i < frames; i += 1) await detector.process(samples.subarray(i * 512, (i + 1) * 512));
  const perFrameMs = (performance.now() - started) / frames;
  // The whole pipeline (decode, frame, detect, cut) on the same file, for the real-time factor.
  const vad = second.createDetector();
  const pipelineStarted = performance.now();
  let chunks = 0;
  for await (const _chunk of speechChunks(wavPcmBlocks(await fetchRepositoryFile(CONSULTATION_WAV)), { vad })) chunks += 1;
  const pipelineMs = performance.now() - pipelineStarted;
  await Promise.all([detector.dispose(), vad.dispose()]);
  await Promise.all([first.dispose(), second.dispose()]);
  const audioSeconds = samples.length / 16000;
  console.log(
    `[measured] ORT-web ${navigator.hardwareConcurrency} cores: model load first ${first.loadMs.toFixed(0)} ms, again ${second.loadMs.toFixed(0)} ms; ` +
      `${frames} frames at ${perFrameMs.toFixed(3)} ms/frame (real-time factor ${(perFrameMs / 32).toFixed(4)}); ` +
      `pipeline ${pipelineMs.toFixed(0)} ms for ${audioSeconds.toFixed(1)} s of audio (${chunks} chunks, RTF ${(pipelineMs / 1000 / audioSeconds).toFixed(4)})`,
  );
  expect(chunks).toBe(2);
  // Far below real time even on a loaded machine: a 32 ms frame must cost well under 32 ms.
  expect(perFrameMs).toBeLessThan(16);
  expect(first.loadMs).toBeLessThan(30_000);
});
