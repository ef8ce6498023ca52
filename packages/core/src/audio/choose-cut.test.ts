import { describe, expect, it } from 'vitest';
import { chooseCut, type CutInput, type PauseMark } from './choose-cut';
import type { ChunkingFrames } from './chunking-options';

// Round numbers: preferred 100 frames, window [70, 130], maximum 200.
const limits: ChunkingFrames = { maxFrames: 200, preferredFrames: 100, windowStart: 70, windowEnd: 130, maxMergeGapFrames: 150 };
const pause = (at: number, meanProbability = 0.05, frames = 30): PauseMark => ({ at, meanProbability, frames });
const input = (committedFrames: number, pauses: PauseMark[], endsInPause = false, probability: (i: number) => number = () => 0.9): CutInput => ({
  committedFrames,
  endsInPause,
  pauses,
  probability,
});

describe('chooseCut', () => {
  it('waits until the content outgrows the window', () => {
    expect(chooseCut(input(130, [pause(80)]), limits)).toBeUndefined();
    expect(chooseCut(input(131, [pause(80)]), limits)).toEqual({ at: 80, reason: 'pause' });
  });

  it('takes the quietest pause in the window, then the longer, then the one nearer the preferred length', () => {
    expect(chooseCut(input(140, [pause(20, 0), pause(75, 0.1), pause(120, 0.05), pause(135, 0)]), limits)!.at).toBe(120);
    expect(chooseCut(input(140, [pause(75, 0.05, 40), pause(110, 0.05, 30)]), limits)!.at).toBe(75);
    expect(chooseCut(input(140, [pause(75), pause(110)]), limits)!.at).toBe(110);
  });

  it('without a pause in the window, waits while speech goes on, but takes a pause that ends the content', () => {
    expect(chooseCut(input(150, [pause(30)]), limits)).toBeUndefined();
    expect(chooseCut(input(150, [pause(30)], true), limits)).toEqual({ at: 150, reason: 'pause' });
    expect(chooseCut(input(190, [pause(60)], true), limits)).toEqual({ at: 60, reason: 'pause' });
  });

  it('past the maximum takes the pause nearest the preferred length, else cuts after the quietest frame', () => {
    expect(chooseCut(input(201, [pause(10), pause(40)]), limits)).toEqual({ at: 40, reason: 'pause' });
    const dip = (i: number) => (i === 150 ? 0.4 : i === 20 ? 0.1 : 0.9);
    expect(chooseCut(input(201, [], false, dip), limits)).toEqual({ at: 151, reason: 'forced' });
    expect(chooseCut(input(201, [], false), limits)).toEqual({ at: 100, reason: 'forced' }); // ties: nearest the preferred length
  });
});
