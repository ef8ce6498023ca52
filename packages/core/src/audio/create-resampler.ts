import { ConfigError } from '../errors';
import { downmixToMono, mixedDownFrames } from './downmix-to-mono';
import { designResamplerKernel, greatestCommonDivisor } from './resampler-kernel';
import { createJsKernelRunner, type PolyphasePlan, type ResamplerBackend, type ResamplerKernelRunner } from './resampler-kernel-runner';
import { createWasmKernelRunner } from './resampler-wasm';
import { SPEECH_SAMPLE_RATE } from './sample-rate';

export type { ResamplerBackend } from './resampler-kernel-runner';

/** Options of `createResampler`. */
export interface ResamplerOptions {
  /** Input sample rate in Hz (a positive integer). Required. */
  inputRate: number;
  /** Output sample rate in Hz (a positive integer). Default 16000. */
  outputRate?: number;
  /** Cutoff as a fraction of the lower of the two Nyquist frequencies. Default 0.92 (7.36 kHz for 16 kHz output). */
  rolloff?: number;
  /** Sinc zero crossings each side of the centre: filter length and sharpness. Default 16. */
  zeroCrossings?: number;
  /** Kaiser window β, the stopband depth (8.6 ≈ 85 dB). Default 8.6. */
  kaiserBeta?: number;
  /**
   * What computes the filter: `'wasm'` (WebAssembly SIMD, several times faster), `'js'` (plain JavaScript), or
   * `'auto'`, WebAssembly where it can run (it cannot without SIMD support or under a Content-Security-Policy that
   * lacks 'wasm-unsafe-eval') and JavaScript otherwise. `'wasm'` throws ConfigError where it cannot run. The two
   * agree to float32 rounding (about 1e-7). Default `'auto'`.
   */
  backend?: 'auto' | ResamplerBackend;
}

/** A streaming sample-rate converter; feed blocks of any size, the output is the same as for one big block. */
export interface Resampler {
  /** Input rate in Hz. */
  readonly inputRate: number;
  /** Output rate in Hz. */
  readonly outputRate: number;
  /** What computes the filter (`'js'` for equal rates, where nothing is filtered). */
  readonly backend: ResamplerBackend;
  /** Converts the next block; returns as many output samples as the input seen so far fully determines. */
  process(input: Float32Array): Float32Array;
  /**
   * Mixes planar channels down to mono (the samples `downmixToMono` gives) and converts them, without an
   * intermediate mono block. Throws InvalidAudioError for zero channels or channels of different lengths.
   */
  processChannels(channels: readonly Float32Array[]): Float32Array;
  /** Ends the stream: returns the remaining output, so the total is ceil(inputSamples · outputRate / inputRate), and resets. */
  flush(): Float32Array;
  /** Forgets all input, starting a new stream. */
  reset(): void;
}

// Above this many distinct phases (awkward rate pairs such as 44 101 → 16 000) a fixed table is interpolated instead.
const MAX_EXACT_PHASES = 1024;
const EMPTY = new Float32Array(0);

/**
 * Creates a streaming windowed-sinc resampler (Kaiser window, polyphase table). Output sample k is the band-limited
 * input at time k / outputRate exactly: the filter is centred, the stream is zero before its start and after its end,
 * so offsets in the output are offsets in the original timeline. Identity when the rates are equal.
 */
export function createResampler(options: ResamplerOptions): Resampler {
  const { inputRate } = options;
  const outputRate = options.outputRate ?? SPEECH_SAMPLE_RATE;
  for (const [name, rate] of [['inputRate', inputRate], ['outputRate', outputRate]] as const) {
    if (!Number.isSafeInteger(rate) || rate <= 0) throw new ConfigError(`Resampler ${name} must be a positive integer in Hz, got ${String(rate)}.`);
  }
  const backend = options.backend ?? 'auto';
  if (!['auto', 'wasm', 'js'].includes(backend)) throw new ConfigError(`Resampler backend must be 'auto', 'wasm' or 'js', got ${String(backend)}.`);
  if (inputRate === outputRate) return identityResampler(inputRate);
  const rolloff = options.rolloff ?? 0.92;
  const zeroCrossings = options.zeroCrossings ?? 16;
  const kaiserBeta = options.kaiserBeta ?? 8.6;
  if (!(rolloff > 0 && rolloff <= 1)) throw new ConfigError(`Resampler rolloff must be in (0, 1], got ${String(rolloff)}.`);
  if (!(zeroCrossings >= 1 && zeroCrossings <= 256)) throw new ConfigError(`Resampler zeroCrossings must be in 1..256, got ${String(zeroCrossings)}.`);
  if (!(kaiserBeta >= 0 && kaiserBeta <= 40)) throw new ConfigError(`Resampler kaiserBeta must be in 0..40, got ${String(kaiserBeta)}.`);
  const divisor = greatestCommonDivisor(inputRate, outputRate);
  // Output k sits at input position k·step/phases, step and phases coprime: stepping is exact integer arithmetic.
  const phases = outputRate / divisor;
  const step = inputRate / divisor;
  const interpolated = phases > MAX_EXACT_PHASES;
  const kernel = designResamplerKernel({
    cutoff: (rolloff * Math.min(inputRate, outputRate)) / 2 / inputRate,
    zeroCrossings,
    kaiserBeta,
    phases: interpolated ? MAX_EXACT_PHASES : phases,
    closingRow: interpolated,
  });
  const plan: PolyphasePlan = { kernel, wholeStep: Math.floor(step / phases), fractionStep: step % phases, phases, interpolated, tableScale: MAX_EXACT_PHASES / phases };
  const runner = backend === 'js' ? createJsKernelRunner(plan) : (createWasmKernelRunner(plan) ?? (backend === 'auto' ? createJsKernelRunner(plan) : undefined));
  if (!runner) throw new ConfigError("Resampler backend 'wasm' is not available here (no WebAssembly SIMD, or compiling is refused); use 'auto' or 'js'.");
  return polyphaseResampler(inputRate, outputRate, step, plan, runner);
}

/** Resamples a whole signal in one call (same result as streaming it through `createResampler`). */
export function resample(input: Float32Array, options: ResamplerOptions): Float32Array {
  const resampler = createResampler(options);
  const head = resampler.process(input);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

function identityResampler(rate: number): Resampler {
  return {
    inputRate: rate,
    outputRate: rate,
    backend: 'js',
    process: (input) => input.slice(),
    processChannels: (channels) => (channels.length === 1 ? downmixToMono(channels).slice() : downmixToMono(channels)),
    flush: () => EMPTY,
    reset: () => undefined,
  };
}

function polyphaseResampler(inputRate: number, outputRate: number, step: number, plan: PolyphasePlan, runner: ResamplerKernelRunner): Resampler {
  const { phases, wholeStep, fractionStep } = plan;
  const half = plan.kernel.taps / 2;
  let bufferStart = 0; // absolute input index of history[0]
  let bufferLength = 0;
  let position = 0; // integer input index n of the next output
  let phase = 0; // its fraction, in 1/phases of an input sample
  let inputCount = 0;
  let outputCount = 0;

  function reset(): void {
    // The stream is zero before its start: half − 1 zeros stand in for the samples left of output 0.
    bufferStart = -(half - 1);
    bufferLength = half - 1;
    runner.history().fill(0, 0, bufferLength);
    position = 0;
    phase = 0;
    inputCount = 0;
    outputCount = 0;
  }

  // Makes room for `length` more samples at the end of the history; returns where they go. The caller writes them.
  function extend(length: number): number {
    // Drop what no future output reads (everything left of position − half + 1), then grow if still short.
    const keepFrom = position - half + 1 - bufferStart;
    if (keepFrom > 0) {
      runner.history().copyWithin(0, keepFrom, bufferLength);
      bufferLength -= keepFrom;
      bufferStart += keepFrom;
    }
    runner.reserve(bufferLength + length, bufferLength);
    const at = bufferLength;
    bufferLength += length;
    return at;
  }

  // Produces outputs while the last tap (position + half) is buffered, at most `limit` of them.
  function produce(limit: number): Float32Array {
    const last = bufferStart + bufferLength - 1;
    const ready = Math.ceil(((last - half + 1 - position) * phases - phase) / step);
    const count = Math.max(0, Math.min(ready, limit));
    if (count === 0) return EMPTY;
    const out = runner.run(position - half + 1 - bufferStart, phase, count);
    const phaseSum = phase + count * fractionStep;
    position += count * wholeStep + Math.floor(phaseSum / phases);
    phase = phaseSum % phases;
    outputCount += count;
    return out;
  }

  reset();
  return {
    inputRate,
    outputRate,
    backend: runner.backend,
    process(input) {
      if (input.length === 0) return EMPTY;
      const at = extend(input.length); // first: growing the history renews its view
      runner.history().set(input, at);
      inputCount += input.length;
      return produce(Number.POSITIVE_INFINITY);
    },
    processChannels(channels) {
      // Checked before any state changes, so a bad block leaves the stream as it was.
      const frames = mixedDownFrames(channels);
      if (frames === 0) return EMPTY;
      const at = extend(frames);
      runner.mixInto(channels, at);
      inputCount += frames;
      return produce(Number.POSITIVE_INFINITY);
    },
    flush() {
      // Zeros after the end let the last outputs see their right-hand taps; the total is fixed by the input length.
      const total = Math.ceil((inputCount * phases) / step);
      const at = extend(half + 1);
      runner.history().fill(0, at, at + half + 1);
      const out = produce(total - outputCount);
      reset();
      return out;
    },
    reset,
  };
}
