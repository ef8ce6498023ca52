import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio, loadSileroModel, type SileroModel } from '../../src/audio';
import { CONSULTATION_WAV, FIXTURES, VAD_FRAME, collectMono, flagsText, speechFlags, speechProbabilities, speechRegions } from './support/audio-test-helpers';

// The WebAssembly fallback (onnxruntime-web) that runs Silero when onnxruntime-node was left out of an install
// (docs/install.md). scripts/pack-install-check.mjs proves the fallback is taken in a real registry-only install;
// here it is held to the same detections as the native runtime, on the same model and audio.
let wasm: SileroModel;
let native: SileroModel;
beforeAll(async () => {
  [wasm, native] = await Promise.all([loadSileroModel({ runtime: 'wasm' }), loadSileroModel({ runtime: 'native' })]);
});
afterAll(async () => {
  await Promise.all([wasm.dispose(), native.dispose()]);
});

async function wavSamples(path: string): Promise<Float32Array> {
  return (await collectMono(decodeAudio(path))).samples;
}

describe('Silero VAD v5 on the WebAssembly fallback', () => {
  it('reports which runtime it took', () => {
    expect(wasm.inference).toBe('wasm');
    expect(native.inference).toBe('direct');
  });

  it('finds the five utterances of the consultation and gives the native probabilities to within 0.001', async () => {
    const samples = await wavSamples(CONSULTATION_WAV);
    const [fromWasm, fromNative] = [await speechProbabilities(wasm, samples), await speechProbabilities(native, samples)];
    expect(fromWasm.length).toBe(fromNative.length);
    expect(fromWasm.length).toBeGreaterThan(600);
    const worst = Math.max(...fromWasm.map((probability, index) => Math.abs(probability - (fromNative[index] ?? Number.NaN))));
    expect(worst).toBeLessThan(0.001);
    const flags = speechFlags(fromWasm);
    expect(speechRegions(flags).length, flagsText(flags)).toBe(5);
  });

  it('finds the three sentences of the speech fixture and nothing in pink noise', async () => {
    const speech = speechFlags(await speechProbabilities(wasm, await wavSamples(join(FIXTURES, 'speech.wav'))));
    expect(speechRegions(speech).length, flagsText(speech)).toBe(3);
    const noise = await speechProbabilities(wasm, await wavSamples(join(FIXTURES, 'pink-noise.wav')));
    expect(Math.max(...noise)).toBeLessThan(0.6);
  });

  it('keeps state per detector when two streams share the model and their frames interleave', async () => {
    const speech = await wavSamples(join(FIXTURES, 'speech.wav'));
    const a = speech.subarray(0, 40 * VAD_FRAME);
    const b = speech.subarray(100 * VAD_FRAME, 140 * VAD_FRAME);
    const [aloneA, aloneB] = [await speechProbabilities(wasm, a), await speechProbabilities(wasm, b)];
    const [detectorA, detectorB] = [wasm.createDetector(), wasm.createDetector()];
    const together = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        Promise.all([
          detectorA.process(a.subarray(index * VAD_FRAME, (index + 1) * VAD_FRAME)),
          detectorB.process(b.subarray(index * VAD_FRAME, (index + 1) * VAD_FRAME)),
        ]),
      ),
    );
    expect(together.map(([p]) => p)).toEqual(aloneA);
    expect(together.map(([, p]) => p)).toEqual(aloneB);
    await Promise.all([detectorA.dispose(), detectorB.dispose()]);
  });

  it('fails runs after dispose with a config error', async () => {
    const model = await loadSileroModel({ runtime: 'wasm' });
    const detector = model.createDetector();
    await model.dispose();
    await expect(detector.process(new Float32Array(VAD_FRAME))).rejects.toMatchObject({ code: 'config_error' });
  });
});
