import { describe, expect, it } from 'vitest';
import { concatenateSamples } from './concatenate-samples';

describe('concatenateSamples', () => {
  it('joins the runs in order, views into a larger buffer included', () => {
    const buffer = Float32Array.of(9, 0.25, -0.5, 9);
    expect(concatenateSamples([Float32Array.of(1, 2), buffer.subarray(1, 3), new Float32Array(0), Float32Array.of(-1)])).toEqual(Float32Array.of(1, 2, 0.25, -0.5, -1));
  });

  it('returns a copy even of a single run, and an empty array for none', () => {
    const only = Float32Array.of(0.5, -0.5);
    const joined = concatenateSamples([only]);
    expect(joined).toEqual(only);
    expect(joined.buffer).not.toBe(only.buffer);
    expect(concatenateSamples([])).toEqual(new Float32Array(0));
  });
});
