import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSileroVad, decodeAudio, loadSileroModel, resolveSileroModelPath, type SileroModel } from '../../src/audio';
import { CONSULTATION_WAV, FIXTURES, VAD_FRAME, collectMono, flagsText, speechFlags, speechProbabilities, speechRegions } from './support/audio-test-helpers';

/** The checksum models/README.md states for the shipped file. */
const SILERO_V5_SHA256 = '2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f';

let model: SileroModel;
beforeAll(async () => {
  model = await loadSileroModel();
});
afterAll(async () => {
  await model.dispose();
});

async function wavSamples(path: string): Promise<Float32Array> {
  return (await collectMono(decodeAudio(path))).samples;
}

function whiteNoise(seconds: number, amplitude: number): Float32Array {
  const samples = new Float32Array(seconds * 16000);
  let seed = 42;
  for (let i = 0; i < samples.length; i += 1) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    samples[i] = (seed / 0x80000000 - 1) * amplitude;
  }
  return samples;
}

describe('Silero VAD v5 on onnxruntime-node', () => {
  it('loads the model shipped in @scribe/node (models/, checksum as documented) and reports 512-sample frames at 16 kHz', async () => {
    expect(resolveSileroModelPath()).toBe(join(import.meta.dirname, '..', '..', 'models', 'silero_vad_v5.onnx'));
    expect(model.modelPath).toBe(resolveSileroModelPath());
    const digest = createHash('sha256').update(await readFile(resolveSileroModelPath())).digest('hex');
    expect(digest).toBe(SILERO_V5_SHA256);
    expect(await readFile(join(import.meta.dirname, '..', '..', 'models', 'LICENSE-silero-vad.txt'), 'utf8')).toContain('Silero Team');
    const detector = model.createDetector();
    expect(detector.sampleRate).toBe(16000);
    expect(detector.frameSamples).toBe(512);
  });

  it('finds each utterance of the flite consultation, separated by its 0.7 s gaps', async () => {
    const flags = speechFlags(await speechProbabilities(model, await wavSamples(CONSULTATION_WAV)));
    // Five utterances; a long one may dip for a frame or two at a breath, so gaps under 0.3 s do not count.
    expect(speechRegions(flags).length, flagsText(flags)).toBe(5);
    expect(flags.filter(Boolean).length / flags.length).toBeGreaterThan(0.5);
    // The recording starts with 0.7 s of silence: no speech in its first 0.5 s.
    expect(flags.slice(0, 15).some(Boolean)).toBe(false);
  });

  it('finds the three sentences of the speech fixture', async () => {
    const flags = speechFlags(await speechProbabilities(model, await wavSamples(join(FIXTURES, 'speech.wav'))));
    expect(speechRegions(flags).length, flagsText(flags)).toBe(3);
  });

  it('gives low probabilities on digital silence, pink noise and white noise', async () => {
    const inputs = {
      silence: new Float32Array(3 * 16000),
      'pink noise': await wavSamples(join(FIXTURES, 'pink-noise.wav')),
      'white noise': whiteNoise(3, 0.3),
    };
    for (const [name, samples] of Object.entries(inputs)) {
      const probabilities = await speechProbabilities(model, samples);
      const speech = probabilities.filter((probability) => probability >= 0.5).length;
      expect(speech, `${name}: ${probabilities.map((p) => p.toFixed(2)).join(' ')}`).toBeLessThanOrEqual(1);
      expect(Math.max(...probabilities), name).toBeLessThan(0.6);
    }
  });

  it('gives identical probabilities when a stream is replayed after reset()', async () => {
    const samples = (await wavSamples(join(FIXTURES, 'speech.wav'))).subarray(0, 100 * VAD_FRAME);
    const detector = model.createDetector();
    const run = async () => {
      const out: number[] = [];
      for (let at = 0; at + VAD_FRAME <= samples.length; at += VAD_FRAME) out.push(await detector.process(samples.subarray(at, at + VAD_FRAME)));
      return out;
    };
    const first = await run();
    detector.reset();
    expect(await run()).toEqual(first);
    await detector.dispose();
  });

  it('keeps state per detector: interleaved streams on one model match separate runs', async () => {
    const speech = await wavSamples(join(FIXTURES, 'speech.wav'));
    const a = speech.subarray(0, 60 * VAD_FRAME);
    const b = speech.subarray(100 * VAD_FRAME, 160 * VAD_FRAME);
    const [aloneA, aloneB] = [await speechProbabilities(model, a), await speechProbabilities(model, b)];
    const [detectorA, detectorB] = [model.createDetector(), model.createDetector()];
    const together = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        Promise.all([
          detectorA.process(a.subarray(index * VAD_FRAME, (index + 1) * VAD_FRAME)),
          detectorB.process(b.subarray(index * VAD_FRAME, (index + 1) * VAD_FRAME)),
        ]),
      ),
    );
    expect(together.map(([p]) => p)).toEqual(aloneA);
    expect(together.map(([, p]) => p)).toEqual(aloneB);
  });

  it('runs overlapping process() calls in order, even when the caller reuses its frame buffer', async () => {
    const speech = (await wavSamples(join(FIXTURES, 'speech.wav'))).subarray(0, 40 * VAD_FRAME);
    const expected = await speechProbabilities(model, speech);
    const detector = model.createDetector();
    const frame = new Float32Array(VAD_FRAME);
    const pending: Promise<number>[] = [];
    for (let index = 0; index < 40; index += 1) {
      frame.set(speech.subarray(index * VAD_FRAME, (index + 1) * VAD_FRAME));
      pending.push(detector.process(frame));
    }
    expect(await Promise.all(pending)).toEqual(expected);
  });

  it('rejects frames of the wrong length and use after dispose', async () => {
    const detector = await createSileroVad();
    await expect(detector.process(new Float32Array(480))).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('512') });
    await detector.dispose();
    await expect(detector.process(new Float32Array(512))).rejects.toMatchObject({ code: 'config_error' });
  });

  it('says which file is missing when the model path is wrong', async () => {
    await expect(loadSileroModel({ modelPath: '/nonexistent/silero.onnx' })).rejects.toMatchObject({
      code: 'config_error',
      message: expect.stringContaining('/nonexistent/silero.onnx'),
    });
  });

  it('the direct native session and the public InferenceSession give the same probabilities, frame for frame', async () => {
    expect(model.inference).toBe('direct');
    const viaSession = await loadSileroModel({ directSession: false });
    try {
      expect(viaSession.inference).toBe('session');
      const samples = await wavSamples(CONSULTATION_WAV);
      const direct = await speechProbabilities(model, samples);
      const session = await speechProbabilities(viaSession, samples);
      expect(direct.length).toBeGreaterThan(600);
      expect(direct).toEqual(session);
    } finally {
      await viaSession.dispose();
    }
  });
});
