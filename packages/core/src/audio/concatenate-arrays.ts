/**
 * Joins typed arrays (sample runs, bytes) end to end into one new array of `kind`, e.g.
 * `concatenateArrays(Float32Array, blocks)`: always a copy, even of a single part, so the result never shares a buffer
 * with a capture or decoder block that may be reused.
 */
export function concatenateArrays<T extends Float32Array | Uint8Array>(kind: new (length: number) => T, parts: readonly T[]): T {
  const joined = new kind(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
