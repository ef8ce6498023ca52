import { ConfigError } from '../errors';
import { designResamplerKernel, greatestCommonDivisor, type ResamplerKernel } from './resampler-kernel';
import { SPEECH_SAMPLE_RATE } from './sample-rate';

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
}

/** A streaming sample-rate converter; feed blocks of any size, the output is the same as for one big block. */
export interface Resampler {
  /** Input rate in Hz. */
  readonly inputRate: number;
  /** Output rate in Hz. */
  readonly outputRate: number;
  /** Converts the next block; returns as many output samples as the input seen so far fully determines. */
  process(input: Float32Array): Float32Array;
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
  const exact = phases <= MAX_EXACT_PHASES;
  const kernel = designResamplerKernel({
    cutoff: (rolloff * Math.min(inputRate, outputRate)) / 2 / inputRate,
    zeroCrossings,
    kaiserBeta,
    phases: exact ? phases : MAX_EXACT_PHASES,
    closingRow: !exact,
  });
  return polyphaseResampler(inputRate, outputRate, phases, step, kernel, exact);
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
  return { inputRate: rate, outputRate: rate, process: (input) => input.slice(), flush: () => EMPTY, reset: () => undefined };
}

function polyphaseResampler(inputRate: number, outputRate: number, phases: number, step: number, kernel: ResamplerKernel, exact: boolean): Resampler {
  const { table, taps } = kernel;
  const half = taps / 2;
  const wholeStep = Math.floor(step / phases);
  const fractionStep = step % phases;
  const tableScale = MAX_EXACT_PHASES / phases;
  let buffer = new Float32Array(4096);
  let bufferStart = 0; // absolute input index of buffer[0]
  let bufferLength = 0;
  let position = 0; // integer input index n of the next output
  let phase = 0; // its fraction, in 1/phases of an input sample
  let inputCount = 0;
  let outputCount = 0;

  function reset(): void {
    // The stream is zero before its start: half − 1 zeros stand in for the samples left of output 0.
    bufferStart = -(half - 1);
    bufferLength = half - 1;
    buffer.fill(0, 0, bufferLength);
    position = 0;
    phase = 0;
    inputCount = 0;
    outputCount = 0;
  }

  function append(input: Float32Array): void {
    // Drop what no future output reads (everything left of position − half + 1), then grow if still short.
    const keepFrom = position - half + 1 - bufferStart;
    if (keepFrom > 0) {
      buffer.copyWithin(0, keepFrom, bufferLength);
      bufferLength -= keepFrom;
      bufferStart += keepFrom;
    }
    if (bufferLength + input.length > buffer.length) {
      const grown = new Float32Array(Math.max(buffer.length * 2, bufferLength + input.length));
      grown.set(buffer.subarray(0, bufferLength));
      buffer = grown;
    }
    buffer.set(input, bufferLength);
    bufferLength += input.length;
  }

  // Produces outputs while the last tap (position + half) is buffered, at most `limit` of them.
  function produce(limit: number): Float32Array {
    const last = bufferStart + bufferLength - 1;
    const ready = Math.ceil(((last - half + 1 - position) * phases - phase) / step);
    const count = Math.max(0, Math.min(ready, limit));
    const out = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const base = position - half + 1 - bufferStart;
      if (exact) {
        out[k] = dot(table, phase * taps, buffer, base, taps);
      } else {
        const where = phase * tableScale;
        const row = Math.floor(where);
        const weight = where - row;
        const a = dot(table, row * taps, buffer, base, taps);
        out[k] = weight === 0 ? a : a + weight * (dot(table, (row + 1) * taps, buffer, base, taps) - a);
      }
      position += wholeStep;
      phase += fractionStep;
      if (phase >= phases) {
        phase -= phases;
        position += 1;
      }
    }
    outputCount += count;
    return out;
  }

  reset();
  return {
    inputRate,
    outputRate,
    process(input) {
      if (input.length === 0) return EMPTY;
      append(input);
      inputCount += input.length;
      return produce(Number.POSITIVE_INFINITY);
    },
    flush() {
      // Zeros after the end let the last outputs see their right-hand taps; the total is fixed by the input length.
      append(new Float32Array(half + 1));
      const total = Math.ceil((inputCount * phases) / step);
      const out = produce(total - outputCount);
      reset();
      return out;
    },
    reset,
  };
}

// Four independent sums let the CPU overlap the multiply-adds (and halve the loop overhead).
function dot(table: Float32Array, row: number, buffer: Float32Array, base: number, taps: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 4 <= taps; i += 4) {
    a += table[row + i]! * buffer[base + i]!;
    b += table[row + i + 1]! * buffer[base + i + 1]!;
    c += table[row + i + 2]! * buffer[base + i + 2]!;
    d += table[row + i + 3]! * buffer[base + i + 3]!;
  }
  for (; i < taps; i++) a += table[row + i]! * buffer[base + i]!;
  return a + b + c + d;
}
