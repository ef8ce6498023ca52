import { mixDownInto } from './downmix-to-mono';
import type { ResamplerKernel } from './resampler-kernel';

/** Which code computes a resampler's outputs: WebAssembly SIMD, or plain JavaScript. */
export type ResamplerBackend = 'wasm' | 'js';

/** A polyphase kernel and how the outputs step through the input: everything a runner needs to compute outputs. */
export interface PolyphasePlan {
  /** The filter table. */
  readonly kernel: ResamplerKernel;
  /** Output k + 1 sits `wholeStep` input samples and `fractionStep` phases after output k. */
  readonly wholeStep: number;
  /** See `wholeStep`; 0 ≤ fractionStep < phases. */
  readonly fractionStep: number;
  /** Phases per input sample (the fraction's denominator). */
  readonly phases: number;
  /** Whether table rows are interpolated at phase · tableScale (many phases) rather than one row per phase. */
  readonly interpolated: boolean;
  /** Table rows per phase when interpolated. */
  readonly tableScale: number;
}

/**
 * Holds a resampler's input history and computes outputs from it. The streaming bookkeeping (what is buffered, which
 * outputs are ready) is the resampler's; a runner only owns the memory and the inner loops, so the JavaScript and
 * WebAssembly paths cannot differ in anything but float rounding.
 */
export interface ResamplerKernelRunner {
  /** What computes the outputs. */
  readonly backend: ResamplerBackend;
  /** The history: a view of at least the reserved capacity (a new view after `reserve` or `run` may grow memory). */
  history(): Float32Array;
  /** Makes the history hold at least `samples`, keeping its first `keep` samples. */
  reserve(samples: number, keep: number): void;
  /** Writes the mean of the (checked, equal-length) channels into the history from `at` (reserved already). */
  mixInto(channels: readonly Float32Array[], at: number): void;
  /** Computes `count` outputs into a new array: the first reads history[base ..] with table phase `phase`. */
  run(base: number, phase: number, count: number): Float32Array;
}

/** The JavaScript runner: a plain Float32Array history and a float64 dot product. */
export function createJsKernelRunner(plan: PolyphasePlan): ResamplerKernelRunner {
  const { kernel, wholeStep, fractionStep, phases, interpolated, tableScale } = plan;
  const { table, taps } = kernel;
  let history = new Float32Array(4096);
  return {
    backend: 'js',
    history: () => history,
    reserve(samples, keep) {
      if (samples <= history.length) return;
      const grown = new Float32Array(Math.max(history.length * 2, samples));
      grown.set(history.subarray(0, keep));
      history = grown;
    },
    mixInto: (channels, at) => mixDownInto(channels, history, at),
    run(base, phase, count) {
      const out = new Float32Array(count);
      for (let k = 0; k < count; k++) {
        if (!interpolated) {
          out[k] = dot(table, phase * taps, history, base, taps);
        } else {
          const where = phase * tableScale;
          const row = Math.floor(where);
          const weight = where - row;
          const a = dot(table, row * taps, history, base, taps);
          out[k] = weight === 0 ? a : a + weight * (dot(table, (row + 1) * taps, history, base, taps) - a);
        }
        base += wholeStep;
        phase += fractionStep;
        if (phase >= phases) {
          phase -= phases;
          base += 1;
        }
      }
      return out;
    },
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
