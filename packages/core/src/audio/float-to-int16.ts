/** Scale between float samples in [-1, 1] and 16-bit integers. 32768 both ways, so int16 → float → int16 is exact. */
export const INT16_SCALE = 32768;

/**
 * Converts float samples in [-1, 1] to 16-bit integers: scaled by 32768, rounded half away from zero, clipped to
 * [-32768, 32767] (so +1.0 becomes 32767); NaN becomes 0. Writes into `target` when given (same length or longer).
 */
export function floatToInt16(samples: Float32Array, target: Int16Array = new Int16Array(samples.length), targetOffset = 0): Int16Array {
  const count = samples.length;
  for (let i = 0; i < count; i++) {
    let value = samples[i]! * INT16_SCALE;
    // Clip before rounding; Int16Array assignment truncates toward zero (and maps NaN to 0), so adding ±0.5 rounds
    // half away from zero without a Math.round call per sample.
    if (value > 32767) value = 32767;
    else if (value < -32768) value = -32768;
    target[targetOffset + i] = value >= 0 ? value + 0.5 : value - 0.5;
  }
  return target;
}

/** Converts 16-bit integer samples to floats in [-1, 1) by dividing by 32768. */
export function int16ToFloat(samples: Int16Array, target: Float32Array = new Float32Array(samples.length)): Float32Array {
  const count = samples.length;
  for (let i = 0; i < count; i++) target[i] = samples[i]! / INT16_SCALE;
  return target;
}
