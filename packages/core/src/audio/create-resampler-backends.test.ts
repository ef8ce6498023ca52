import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidAudioError } from '../errors';
import { createResampler, resample, type Resampler, type ResamplerBackend } from './create-resampler';
import { downmixToMono } from './downmix-to-mono';

/** Seeded white noise in [−amplitude, amplitude). */
function noise(length: number, seed: number, amplitude = 1): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state / 2 ** 32 - 0.5) * 2 * amplitude;
  });
}

const tones = (rate: number, length: number) =>
  Float32Array.from({ length }, (_, i) => 0.6 * Math.sin((2 * Math.PI * 440 * i) / rate) + 0.35 * Math.sin((2 * Math.PI * 7000 * i) / rate));

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Feeds the signal in blocks of the given sizes, cycling through them, and flushes. */
function streamed(resampler: Resampler, signal: Float32Array, sizes: number[]): Float32Array {
  const parts: number[] = [];
  for (let at = 0, i = 0; at < signal.length; i++) {
    const size = sizes[i % sizes.length]!;
    parts.push(...resampler.process(signal.subarray(at, at + size)));
    at += size;
  }
  parts.push(...resampler.flush());
  return Float32Array.from(parts);
}

describe('createResampler: WebAssembly and JavaScript backends agree', () => {
  it('uses WebAssembly by default where it can run (Node here)', () => {
    expect(createResampler({ inputRate: 44100 }).backend).toBe('wasm');
    expect(createResampler({ inputRate: 44100, backend: 'js' }).backend).toBe('js');
  });

  // 44 101 Hz interpolates its table; 8 kHz and 11 025 Hz up-sample; 22 050 Hz has 2-tap-odd filters (taps % 4 = 2).
  it.each([44100, 48000, 22050, 32000, 8000, 11025, 44101])('from %i Hz: noise and tones match within 1e-6', (rate) => {
    for (const signal of [noise(rate, rate), tones(rate, rate)]) {
      const js = resample(signal, { inputRate: rate, backend: 'js' });
      expect(maxAbsDifference(resample(signal, { inputRate: rate, backend: 'wasm' }), js)).toBeLessThan(1e-6);
    }
  });

  it.each([[4], [1, 2, 3], [127, 1, 4099], [1000]])('streaming in blocks of %j gives the one-call output on wasm', (...sizes) => {
    const signal = noise(44100, 7, 0.5);
    const whole = resample(signal, { inputRate: 44100, backend: 'wasm' });
    expect(maxAbsDifference(streamed(createResampler({ inputRate: 44100, backend: 'wasm' }), signal, sizes), whole)).toBe(0);
  });

  it('a block far larger than the initial memory (10 s at 48 kHz) grows it and still matches', () => {
    const signal = noise(480_000, 3, 0.9);
    const js = resample(signal, { inputRate: 48000, backend: 'js' });
    const wasm = resample(signal, { inputRate: 48000, backend: 'wasm' });
    expect(wasm.length).toBe(160_000);
    expect(maxAbsDifference(wasm, js)).toBeLessThan(1e-6);
  });

  it.each([1, 2, 95, 96, 97, 4097])('%i samples flush to the same length and values on both', (samples) => {
    const signal = noise(samples, samples);
    const js = resample(signal, { inputRate: 44100, backend: 'js' });
    expect(js.length).toBe(Math.ceil((samples * 16000) / 44100));
    expect(maxAbsDifference(resample(signal, { inputRate: 44100, backend: 'wasm' }), js)).toBeLessThan(1e-6);
  });
});

describe.each<ResamplerBackend>(['js', 'wasm'])('createResampler (%s): processChannels', (backend) => {
  it.each([1, 2, 3])('%i channels give exactly downmixToMono + process, in any block sizes', (count) => {
    const channels = Array.from({ length: count }, (_, channel) => noise(20_000, channel + 1, 0.7));
    const expected = resample(downmixToMono(channels), { inputRate: 44100, backend });
    const resampler = createResampler({ inputRate: 44100, backend });
    const parts: number[] = [];
    for (let at = 0; at < 20_000; at += 1234) parts.push(...resampler.processChannels(channels.map((channel) => channel.subarray(at, at + 1234))));
    parts.push(...resampler.flush());
    expect(Float32Array.from(parts)).toEqual(expected);
  });

  it('refuses channels of different lengths or none with InvalidAudioError, and the stream goes on unharmed', () => {
    const signal = noise(8000, 5);
    const resampler = createResampler({ inputRate: 48000, backend });
    expect(() => resampler.processChannels([signal, signal.subarray(1)])).toThrow(InvalidAudioError);
    expect(() => resampler.processChannels([])).toThrow(InvalidAudioError);
    const out = Float32Array.from([...resampler.processChannels([signal]), ...resampler.flush()]);
    expect(out).toEqual(resample(signal, { inputRate: 48000, backend }));
  });

  it('at equal rates returns a copy of the (mixed) input', () => {
    const mono = noise(100, 9);
    const out = createResampler({ inputRate: 16000, backend }).processChannels([mono]);
    expect(out).toEqual(mono);
    expect(out).not.toBe(mono);
  });
});

describe('createResampler: without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // A fresh copy of the module each time: the compiled module (or the failure to compile) is cached per module.
  async function freshCreateResampler(webAssembly: unknown): Promise<typeof createResampler> {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', webAssembly);
    return (await import('./create-resampler')).createResampler;
  }

  const { CompileError, LinkError, Module, validate } = WebAssembly;
  const refuse = (message: string) => () => {
    throw new CompileError(message);
  };

  it.each([
    ['there is no WebAssembly at all', undefined],
    ['compiling is refused (a CSP without wasm-unsafe-eval)', { validate, Module: refuse('refused by Content-Security-Policy'), Instance: WebAssembly.Instance }],
    ['SIMD is not supported (the module does not validate)', { validate: () => false, Module, Instance: WebAssembly.Instance }],
    ['instantiating throws', { validate, Module, Instance: refuse('out of memory'), LinkError }],
  ])("falls back to JavaScript where %s; 'wasm' is a ConfigError", async (_, webAssembly) => {
    const create = await freshCreateResampler(webAssembly);
    const resampler = create({ inputRate: 44100 });
    expect(resampler.backend).toBe('js');
    const signal = tones(44100, 4410);
    expect(resampler.process(signal)).toEqual(createResampler({ inputRate: 44100, backend: 'js' }).process(signal));
    expect(() => create({ inputRate: 44100, backend: 'wasm' })).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/not available/) }));
  });

  it('the real module compiles and runs in the same setting (so the cases above test the fallback, not a broken stub)', async () => {
    const create = await freshCreateResampler(WebAssembly);
    expect(create({ inputRate: 44100 }).backend).toBe('wasm');
  });
});
