import { readVint } from './ebml-reader';

/** Splits a block's payload (after track number and timestamp) into its frames: no lacing, Xiph, fixed or EBML. */
export function unlace(bytes: Uint8Array, flagsAt: number): Uint8Array[] {
  const lacing = (bytes[flagsAt]! >> 1) & 3;
  let at = flagsAt + 1;
  if (lacing === 0) return [bytes.subarray(at)];
  const count = bytes[at++]! + 1;
  const sizes: number[] = [];
  if (lacing === 1) {
    for (let index = 0; index < count - 1; index += 1) {
      let size = 0;
      let value: number;
      do {
        value = bytes[at++] ?? 0;
        size += value;
      } while (value === 255 && at < bytes.length);
      sizes.push(size);
    }
  } else if (lacing === 3) {
    const first = readVint(bytes, at);
    if (!first) return [];
    at += first.length;
    sizes.push(first.value);
    for (let index = 1; index < count - 1; index += 1) {
      const delta = readVint(bytes, at);
      if (!delta) return [];
      at += delta.length;
      sizes.push(sizes[index - 1]! + delta.value - (2 ** (7 * delta.length - 1) - 1));
    }
  }
  if (lacing === 2) {
    const size = (bytes.length - at) / count;
    if (!Number.isInteger(size)) return [];
    for (let index = 0; index < count; index += 1) sizes.push(size);
  } else {
    sizes.push(bytes.length - at - sizes.reduce((sum, size) => sum + size, 0));
  }
  if (sizes.some((size) => size < 0)) return [];
  return sizes.map((size) => {
    const frame = bytes.subarray(at, at + size);
    at += size;
    return frame;
  });
}
