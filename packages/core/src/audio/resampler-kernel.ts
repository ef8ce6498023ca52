/** A polyphase windowed-sinc low-pass kernel: `phases` rows of `taps` coefficients, each row summing to 1. */
export interface ResamplerKernel {
  /** Coefficients, row after row; row `p` is the filter for a fractional position `p / phases` of an input sample. */
  readonly table: Float32Array;
  /** Taps per row: the filter reads input samples n − taps/2 + 1 ... n + taps/2 around position n + fraction. */
  readonly taps: number;
  /** Rows in the table (one more than the phase count when rows are interpolated, for the fraction 1.0). */
  readonly rows: number;
}

/** Design parameters of the resampling low-pass filter. */
export interface KernelDesign {
  /** Cutoff in cycles per input sample (0 < cutoff < 0.5). */
  cutoff: number;
  /** Sinc zero crossings on each side of the centre; more is a sharper transition and more work. */
  zeroCrossings: number;
  /** Kaiser window β: 8.6 gives roughly 85 dB of stopband rejection. */
  kaiserBeta: number;
  /** Fractional positions tabulated; row `p` is the fraction `p / phases`. */
  phases: number;
  /** Add the row for the fraction 1.0, so a caller can interpolate between rows `p` and `p + 1`. */
  closingRow: boolean;
}

/**
 * Tabulates h(t) = 2·fc·sinc(2·fc·t)·kaiser(t) at t = j − fraction for every tap j and tabulated fraction. The
 * kernel is in input-sample units, so the same formula low-passes for down-sampling (fc below the output Nyquist)
 * and interpolates for up-sampling. Each row is normalised to unit DC gain so no phase adds a gain ripple.
 */
export function designResamplerKernel(design: KernelDesign): ResamplerKernel {
  const { cutoff, zeroCrossings, kaiserBeta, phases } = design;
  const halfWidth = zeroCrossings / (2 * cutoff);
  const half = Math.ceil(halfWidth);
  const taps = 2 * half;
  const rows = phases + (design.closingRow ? 1 : 0);
  const table = new Float32Array(rows * taps);
  const windowScale = 1 / besselI0(kaiserBeta);
  const row = new Float64Array(taps);
  for (let p = 0; p < rows; p++) {
    const fraction = p / phases;
    let sum = 0;
    for (let i = 0; i < taps; i++) {
      const t = i - half + 1 - fraction;
      const ratio = t / halfWidth;
      const window = ratio * ratio >= 1 ? 0 : besselI0(kaiserBeta * Math.sqrt(1 - ratio * ratio)) * windowScale;
      const x = 2 * cutoff * t;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      row[i] = 2 * cutoff * sinc * window;
      sum += row[i]!;
    }
    for (let i = 0; i < taps; i++) table[p * taps + i] = row[i]! / sum;
  }
  return { table, taps, rows };
}

// Modified Bessel function of the first kind, order 0, by its power series (converges fast for the β we use).
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarterSquare = (x * x) / 4;
  for (let k = 1; k < 64; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Greatest common divisor of two positive integers. */
export function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
