/**
 * Joins runs of samples end to end into one new array (always a copy, so the result never shares a buffer with a
 * capture or decoder block that may be reused).
 */
export function concatenateSamples(parts: readonly Float32Array[]): Float32Array {
  const joined = new Float32Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
