import { expect, it } from 'vitest';
import { createPauseGaps } from '../../src/microphone/pause-gaps';

const ramp = (length: number, first = 0) => Float32Array.from({ length }, (_, i) => first + i);

it('keeps batches with no pause whole (the same array)', () => {
  const gaps = createPauseGaps();
  const batch = ramp(10);
  expect(gaps.keep(batch, 0)).toBe(batch);
});

it('a batch straddling a pause keeps exactly the frames before it, and after the resume', () => {
  const gaps = createPauseGaps();
  gaps.pause(105);
  expect(Array.from(gaps.keep(ramp(10, 100), 100))).toEqual([100, 101, 102, 103, 104]);
  expect(gaps.keep(ramp(10, 110), 110)).toHaveLength(0);
  gaps.resume(123);
  expect(Array.from(gaps.keep(ramp(10, 120), 120))).toEqual([123, 124, 125, 126, 127, 128, 129]);
  expect(gaps.keep(ramp(10, 130), 130)).toHaveLength(10);
});

it('two pauses inside one batch, and a repeated pause or resume changes nothing', () => {
  const gaps = createPauseGaps();
  gaps.pause(2);
  gaps.pause(3);
  gaps.resume(4);
  gaps.resume(9);
  gaps.pause(6);
  gaps.resume(8);
  expect(Array.from(gaps.keep(ramp(10), 0))).toEqual([0, 1, 4, 5, 8, 9]);
});
