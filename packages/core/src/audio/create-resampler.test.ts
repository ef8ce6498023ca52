import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createResampler, resample, type ResamplerBackend } from './create-resampler';

// Every test runs on both backends; create-resampler-backends.test.ts compares them and covers the fallback.
const BACKENDS: ResamplerBackend[] = ['js', 'wasm'];

const sine = (frequency: number, rate: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / rate));

/** RMS of the middle of a signal, away from the edges where the filter has not settled. */
function settledRms(signal: Float32Array, rate: number): number {
  const skip = Math.round(rate * 0.1);
  let sum = 0;
  for (let i = skip; i < signal.length - skip; i++) sum += signal[i]! ** 2;
  return Math.sqrt(sum / (signal.length - 2 * skip));
}

const gainDb = (frequency: number, inputRate: number, backend: ResamplerBackend) => {
  const input = sine(frequency, inputRate, 1);
  const output = resample(input, { inputRate, backend });
  return 20 * Math.log10(settledRms(output, 16000) / (0.5 / Math.SQRT2));
};

/** Splits a signal into pieces of random sizes (some empty), with a seeded generator. */
function randomPieces(signal: Float32Array, seed: number): Float32Array[] {
  const pieces: Float32Array[] = [];
  let state = seed;
  for (let at = 0; at < signal.length; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = state % 1500;
    pieces.push(signal.subarray(at, at + size));
    at += size;
  }
  return pieces;
}

describe.each(BACKENDS)('createResampler (%s): frequency response', (backend) => {
  it.each([48000, 44100, 22050, 32000])('%i Hz → 16 kHz passes 1 kHz within ±0.5 dB', (rate) => {
    expect(Math.abs(gainDb(1000, rate, backend))).toBeLessThan(0.5);
  });

  it.each([48000, 44100])('%i Hz → 16 kHz passes 3 kHz and 6 kHz within ±0.5 dB', (rate) => {
    expect(Math.abs(gainDb(3000, rate, backend))).toBeLessThan(0.5);
    expect(Math.abs(gainDb(6000, rate, backend))).toBeLessThan(0.5);
  });

  it.each([
    [48000, 12000],
    [48000, 9000],
    [44100, 12000],
    [44100, 20000],
    [22050, 10000],
  ])('%i Hz → 16 kHz attenuates %i Hz (above the new 8 kHz Nyquist) by at least 40 dB', (rate, frequency) => {
    expect(gainDb(frequency, rate, backend)).toBeLessThan(-40);
  });

  it('8 kHz → 16 kHz keeps a 1 kHz tone and puts no energy above 4 kHz', () => {
    expect(Math.abs(gainDb(1000, 8000, backend))).toBeLessThan(0.5);
    const output = resample(sine(3000, 8000, 1), { inputRate: 8000, backend });
    // The 3 kHz tone's image would sit at 5 kHz; compare against a clean 3 kHz sine fitted by least squares.
    const reference = sine(3000, 16000, 1);
    let dotProduct = 0;
    let norm = 0;
    for (let i = 1600; i < output.length - 1600; i++) {
      dotProduct += output[i]! * reference[i]!;
      norm += reference[i]! ** 2;
    }
    const scale = dotProduct / norm;
    const residual = Float32Array.from(output, (value, i) => value - scale * reference[i]!);
    expect(20 * Math.log10(settledRms(residual, 16000) / settledRms(output, 16000))).toBeLessThan(-40);
  });

  it('is the identity at 16 kHz', () => {
    const input = sine(440, 16000, 0.25);
    expect(resample(input, { inputRate: 16000, backend })).toEqual(input);
  });

  it('keeps timing: output sample k is the input at time k / outputRate', () => {
    const output = resample(sine(500, 48000, 0.5), { inputRate: 48000, backend });
    const expected = sine(500, 16000, 0.5);
    for (let i = 1000; i < 7000; i += 97) expect(output[i]).toBeCloseTo(expected[i]!, 3);
  });

  it('resamples to an arbitrary target rate', () => {
    const output = resample(sine(1000, 16000, 1), { inputRate: 16000, outputRate: 22050, backend });
    expect(output.length).toBe(22050);
    expect(Math.abs(20 * Math.log10(settledRms(output, 22050) / (0.5 / Math.SQRT2)))).toBeLessThan(0.5);
  });

  it('handles rate pairs with thousands of phases by interpolating its table', () => {
    expect(Math.abs(gainDb(1000, 44101, backend))).toBeLessThan(0.5);
    expect(gainDb(12000, 44101, backend)).toBeLessThan(-40);
  });
});

describe.each(BACKENDS)('createResampler (%s): streaming', (backend) => {
  it.each([48000, 44100, 8000, 11025, 44101])('from %i Hz, random block sizes give the one-call output', (rate) => {
    const input = Float32Array.from({ length: rate }, (_, i) => Math.sin(i * 0.01) * 0.3 + Math.sin(i * 0.37) * 0.2);
    const whole = resample(input, { inputRate: rate, backend });
    const resampler = createResampler({ inputRate: rate, backend });
    expect(resampler.backend).toBe(backend);
    const parts = randomPieces(input, rate).map((piece) => resampler.process(piece));
    parts.push(resampler.flush());
    const streamed = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      streamed.set(part, at);
      at += part.length;
    }
    expect(streamed.length).toBe(whole.length);
    let worst = 0;
    for (let i = 0; i < whole.length; i++) worst = Math.max(worst, Math.abs(whole[i]! - streamed[i]!));
    expect(worst).toBeLessThan(1e-6);
  });

  it.each([
    [48000, 1, 1],
    [48000, 48001, 16001],
    [44100, 44100, 16000],
    [8000, 3, 6],
    [44100, 1000, 363],
  ])('from %i Hz, %i samples give ceil(n · 16000 / rate) = %i samples', (rate, samples, expected) => {
    expect(resample(new Float32Array(samples), { inputRate: rate, backend }).length).toBe(expected);
  });

  it('resets after flush, so the next stream starts fresh', () => {
    const resampler = createResampler({ inputRate: 48000, backend });
    const input = sine(700, 48000, 0.1);
    const first = [...resampler.process(input), ...resampler.flush()];
    const second = [...resampler.process(input), ...resampler.flush()];
    expect(second).toEqual(first);
  });

  it('refuses nonsense rates and filter settings with ConfigError', () => {
    expect(() => createResampler({ inputRate: 0 })).toThrow(ConfigError);
    expect(() => createResampler({ inputRate: 44100.5 })).toThrow(ConfigError);
    expect(() => createResampler({ inputRate: 48000, rolloff: 1.5, backend })).toThrow(ConfigError);
    expect(() => createResampler({ inputRate: 48000, backend: 'gpu' as ResamplerBackend })).toThrow(ConfigError);
  });
});
