import { describe, expect, it } from 'vitest';
import { concatenateBytes } from './concatenate-bytes';

describe('concatenateBytes', () => {
  it('joins the pieces in order, views into a larger buffer included', () => {
    const buffer = Uint8Array.of(9, 4, 5, 9);
    expect(concatenateBytes([Uint8Array.of(1, 2), buffer.subarray(1, 3), new Uint8Array(0), Uint8Array.of(255)])).toEqual(Uint8Array.of(1, 2, 4, 5, 255));
  });

  it('returns a copy even of a single piece, and an empty array for none', () => {
    const only = Uint8Array.of(7, 8);
    const joined = concatenateBytes([only]);
    expect(joined).toEqual(only);
    expect(joined.buffer).not.toBe(only.buffer);
    expect(concatenateBytes([])).toEqual(new Uint8Array(0));
  });
});
