import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createSpeechSegmenter, type SpeechSegmenterEvent } from './create-speech-segmenter';
import type { SpeechSegmenterOptions } from './speech-segmenter-options';

/** A probability script: [probability, frames] runs. */
const script = (...runs: [number, number][]) => runs.flatMap(([probability, frames]) => new Array<number>(frames).fill(probability));

function run(probabilities: number[], options: SpeechSegmenterOptions = {}, totalSamples?: number): SpeechSegmenterEvent[] {
  const segmenter = createSpeechSegmenter(options);
  const events = probabilities.map((p) => segmenter.push(p));
  events.push(segmenter.flush(totalSamples));
  return events.filter((event): event is SpeechSegmenterEvent => event !== undefined);
}

const segments = (events: SpeechSegmenterEvent[]) =>
  events.flatMap((event) => (event.type === 'speech-end' ? [[event.segment.startFrame, event.segment.endFrame]] : []));

describe('createSpeechSegmenter', () => {
  it('finds one padded segment: pre-pad before the first speech frame, post-pad after the last', () => {
    const events = run(script([0, 30], [0.9, 20], [0, 40]));
    expect(events.map((event) => [event.type, event.frame])).toEqual([
      ['speech-start', 37], // confirmed after minSpeechFrames = 8 frames of speech
      ['speech-end', 49 + 24], // redemptionFrames = 24 quiet frames after the last speech frame (49)
    ]);
    const end = events[1]!;
    expect(end.type === 'speech-end' && end.segment).toMatchObject({
      startFrame: 20,
      speechStartFrame: 30,
      speechEndFrame: 50,
      endFrame: 60,
      startSample: 20 * 512,
      endSample: 60 * 512,
      startSeconds: 0.64,
      endSeconds: 1.92,
    });
  });

  it('uses hysteresis: frames between the thresholds continue speech but cannot start it', () => {
    expect(run(script([0.45, 100]))).toEqual([]);
    const events = run(script([0, 5], [0.6, 1], [0.4, 60], [0.3, 30]));
    expect(segments(events)).toEqual([[0, 66 + 10]]);
  });

  it('drops bursts shorter than minSpeechFrames as misfires', () => {
    const short = run(script([0, 20], [0.9, 7], [0, 40]));
    expect(short.map((event) => event.type)).toEqual(['speech-misfire']);
    expect(short[0]).toMatchObject({ speechStartFrame: 20, speechEndFrame: 27 });
    expect(segments(run(script([0, 20], [0.9, 8], [0, 40])))).toEqual([[10, 38]]);
  });

  it('keeps speech through a dip shorter than redemptionFrames and ends it after exactly that many', () => {
    expect(segments(run(script([0.9, 20], [0.1, 23], [0.9, 20], [0, 30])))).toEqual([[0, 63 + 10]]);
    const split = run(script([0.9, 20], [0.1, 24], [0.9, 20], [0, 30]));
    expect(segments(split)).toEqual([
      [0, 30],
      [34, 64 + 10],
    ]);
    expect(split.map((event) => [event.type, event.frame])).toEqual([
      ['speech-start', 7],
      ['speech-end', 19 + 24],
      ['speech-start', 44 + 7],
      ['speech-end', 63 + 24],
    ]);
  });

  it('never lets a pre-pad reach back into the previous segment or before the stream', () => {
    const events = run(script([0.9, 10], [0, 26], [0.9, 10], [0, 30]));
    expect(segments(events)).toEqual([
      [0, 20],
      [26, 46 + 10],
    ]);
    // With a short hangover the next speech starts before its pre-pad fits: the pad stops at the previous end.
    const tight = run(script([0.9, 10], [0, 6], [0.9, 10], [0, 30]), { redemptionFrames: 5, postSpeechPadFrames: 5 });
    expect(segments(tight)).toEqual([
      [0, 15],
      [15, 26 + 5],
    ]);
  });

  it('closes open speech at the end of the stream, clipping its post-pad to the real length', () => {
    const events = run(script([0, 4], [0.9, 12]), {}, 15 * 512 + 100);
    expect(events.at(-1)).toMatchObject({ type: 'speech-end', segment: { startFrame: 0, endFrame: 16, endSample: 15 * 512 + 100 } });
    expect(run(script([0, 4], [0.9, 3])).map((event) => event.type)).toEqual(['speech-misfire']);
  });

  it('measures the pause before each segment (length and mean probability)', () => {
    const events = run(script([0.9, 10], [0.1, 20], [0.3, 20], [0.9, 10], [0, 30]));
    const second = events.filter((event) => event.type === 'speech-start')[1]!;
    expect(second.type === 'speech-start' && second.segment.pauseBefore.frames).toBe(40);
    expect(second.type === 'speech-start' && second.segment.pauseBefore.meanProbability).toBeCloseTo(0.2, 6);
  });

  it('counts a misfire as part of the pause around it', () => {
    const events = run(script([0.9, 10], [0, 30], [0.9, 2], [0, 28], [0.9, 10], [0, 30]));
    const second = events.filter((event) => event.type === 'speech-start')[1]!;
    expect(second.type === 'speech-start' && second.segment.pauseBefore.frames).toBe(60);
    expect(second.type === 'speech-start' && second.segment.pauseBefore.meanProbability).toBeCloseTo(1.8 / 60, 6);
  });

  it('exposes its state for a chunker', () => {
    const segmenter = createSpeechSegmenter({ minSpeechFrames: 2, redemptionFrames: 5, postSpeechPadFrames: 2 });
    for (const p of [0, 0, 0.9, 0.9, 0.9]) segmenter.push(p);
    expect([segmenter.speaking, segmenter.provisionalEndFrame, segmenter.silentFrames, segmenter.frameCount]).toEqual([true, 7, 0, 5]);
    for (const p of [0, 0, 0, 0, 0]) segmenter.push(p);
    expect([segmenter.speaking, segmenter.silentFrames]).toEqual([false, 5]);
    segmenter.reset();
    expect(segmenter.frameCount).toBe(0);
  });

  it('treats NaN as silence and clamps out-of-range probabilities', () => {
    expect(run(script([Number.NaN, 50]))).toEqual([]);
    expect(segments(run(script([7, 10], [-3, 30])))).toEqual([[0, 20]]);
  });

  it('honours custom thresholds and pads', () => {
    const events = run(script([0, 10], [0.25, 5], [0, 20]), { positiveSpeechThreshold: 0.2, negativeSpeechThreshold: 0.1, minSpeechFrames: 3, redemptionFrames: 4, preSpeechPadFrames: 2, postSpeechPadFrames: 1 });
    expect(segments(events)).toEqual([[8, 16]]);
  });

  it.each([
    { positiveSpeechThreshold: 0 },
    { positiveSpeechThreshold: 1.2 },
    { negativeSpeechThreshold: 0.6 },
    { minSpeechFrames: 0 },
    { redemptionFrames: 2.5 },
    { preSpeechPadFrames: -1 },
    { postSpeechPadFrames: 30 },
  ])('refuses %o with ConfigError', (options) => {
    expect(() => createSpeechSegmenter(options)).toThrow(ConfigError);
  });
});
