import { describe, expect, it } from 'vitest';
import { concatenateArrays } from './concatenate-arrays';

describe('concatenateArrays', () => {
  it('joins sample runs in order, views into a larger buffer included', () => {
    const buffer = Float32Array.of(9, 0.25, -0.5, 9);
    const joined = concatenateArrays(Float32Array, [Float32Array.of(1, 2), buffer.subarray(1, 3), new Float32Array(0), Float32Array.of(-1)]);
    expect(joined).toEqual(Float32Array.of(1, 2, 0.25, -0.5, -1));
  });

  it('joins bytes into a Uint8Array', () => {
    const joined = concatenateArrays(Uint8Array, [Uint8Array.of(1, 2), Uint8Array.of(9, 4, 5).subarray(1), Uint8Array.of(255)]);
    expect(joined).toBeInstanceOf(Uint8Array);
    expect(joined).toEqual(Uint8Array.of(1, 2, 4, 5, 255));
  });

  it('returns a copy even of a single part, and an empty array for none', () => {
    const only = Float32Array.of(0.5, -0.5);
    const joined = concatenateArrays(Float32Array, [only]);
    expect(joined).toEqual(only);
    expect(joined.buffer).not.toBe(only.buffer);
    expect(concatenateArrays(Uint8Array, [])).toEqual(new Uint8Array(0));
  });
});
