import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createFramer } from './create-framer';

const ramp = (from: number, length: number) => Float32Array.from({ length }, (_, i) => from + i);

describe('createFramer', () => {
  it('carries the remainder across blocks of any size', () => {
    const framer = createFramer(4);
    const frames = [...framer.push(ramp(0, 3)), ...framer.push(ramp(3, 2)), ...framer.push(ramp(5, 9)), ...framer.push(ramp(14, 0))];
    expect(frames.map((frame) => [...frame])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
    expect(framer.pendingSamples).toBe(2);
    const final = framer.flush();
    expect(final?.length).toBe(2);
    expect([...final!.frame]).toEqual([12, 13, 0, 0]);
    expect(framer.flush()).toBeUndefined();
  });

  it('hands out frames the caller may keep (no buffer reuse)', () => {
    const framer = createFramer(2);
    const first = framer.push(ramp(0, 1));
    const second = framer.push(ramp(1, 3));
    framer.push(ramp(4, 2));
    expect(first).toEqual([]);
    expect(second.map((frame) => [...frame])).toEqual([[0, 1], [2, 3]]);
  });

  it('frames 512 samples by default, and has nothing to flush on a frame boundary', () => {
    const framer = createFramer();
    expect(framer.push(new Float32Array(1024))).toHaveLength(2);
    expect(framer.flush()).toBeUndefined();
  });

  it('refuses a non-positive frame size', () => {
    expect(() => createFramer(0)).toThrow(ConfigError);
  });
});
