import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createSpeechChunker, type SpeechChunk, type SpeechChunkerOptions } from './create-speech-chunker';
import { createSpeechSegmenter } from './create-speech-segmenter';
import { decodeWav } from './decode-wav';

const FRAME = 512;
const RATE = 16000;
const FRAMES_PER_SECOND = RATE / FRAME;

/** A probability script: [probability, frames] runs. */
const script = (...runs: [number, number][]) => runs.flatMap(([probability, frames]) => new Array<number>(frames).fill(probability));
const seconds = (s: number) => Math.round(s * FRAMES_PER_SECOND);

// Every sample's int16 value says where it came from, so chunks can be checked against the timeline.
const sampleValue = (sample: number) => (sample % 20000) - 10000;
const PATTERN = Float32Array.from({ length: 20000 + FRAME }, (_, s) => sampleValue(s) / 32768);
const frameAt = (index: number) => PATTERN.subarray((index * FRAME) % 20000, ((index * FRAME) % 20000) + FRAME);

function runChunker(probabilities: number[], options: SpeechChunkerOptions = {}, totalSamples?: number) {
  const chunker = createSpeechChunker(options);
  const chunks: SpeechChunk[] = [];
  probabilities.forEach((p, i) => chunks.push(...chunker.push(frameAt(i), p)));
  chunks.push(...chunker.finish(totalSamples ?? probabilities.length * FRAME));
  return { chunks, chunker };
}

/** The padded speech segments a standalone segmenter finds, as [startSample, endSample). */
function expectedSpeech(probabilities: number[], options: SpeechChunkerOptions, totalSamples: number): [number, number][] {
  const segmenter = createSpeechSegmenter(options);
  const found: [number, number][] = [];
  const collect = (event: ReturnType<typeof segmenter.push>) => event?.type === 'speech-end' && found.push([event.segment.startSample, event.segment.endSample]);
  probabilities.forEach((p) => collect(segmenter.push(p)));
  collect(segmenter.flush(totalSamples));
  return mergeRanges(found);
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = out.at(-1);
    if (last && last[1] === start) last[1] = end;
    else if (end > start) out.push([start, end]);
  }
  return out;
}

/** Checks what must hold for every run: limits, order, and audio that is exactly the source over the spans. */
function checkChunks(chunks: SpeechChunk[], maxSeconds: number): void {
  let previousEnd = 0;
  chunks.forEach((chunk, index) => {
    expect(chunk.index).toBe(index);
    expect(chunk.durationSeconds).toBeLessThanOrEqual(maxSeconds);
    expect(chunk.startSample).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = chunk.endSample;
    const samples = decodeWav(chunk.bytes).channels[0]!;
    expect(samples.length).toBe(Math.round(chunk.durationSeconds * RATE));
    let at = 0;
    let mismatches = 0;
    for (const span of chunk.spans) {
      for (let s = span.startSample; s < span.endSample; s++) if (Math.round(samples[at + s - span.startSample]! * 32768) !== sampleValue(s)) mismatches++;
      at += span.endSample - span.startSample;
    }
    expect(mismatches).toBe(0);
    expect(at).toBe(samples.length);
  });
}

const spansOf = (chunks: SpeechChunk[]) => mergeRanges(chunks.flatMap((chunk) => chunk.spans.map((span): [number, number] => [span.startSample, span.endSample])));

describe('createSpeechChunker: chunking rules', () => {
  it('uploads nothing for pure silence (and for noise bursts shorter than minSpeechFrames)', () => {
    expect(runChunker(script([0.02, seconds(120)])).chunks).toEqual([]);
    expect(runChunker(script([0, 100], [0.9, 5], [0, 100], [0.8, 7], [0, 100])).chunks).toEqual([]);
  });

  it('cuts at the quietest pause inside the window around the preferred length', () => {
    // Five 2 s utterances; in the content, pauses fall at 2.6, 5.2, 7.9, 10.5 and 13.1 s. Two are in [7, 13] s.
    const utterance = (pause: number): [number, number][] => [[0.9, 62], [pause, 40]];
    const quieterLater = script([0, 20], ...utterance(0.2), ...utterance(0.2), ...utterance(0.1), ...utterance(0.02), ...utterance(0.2), [0.9, 62], [0, 60]);
    const later = runChunker(quieterLater).chunks;
    expect(later[0]!.durationSeconds).toBeCloseTo((4 * 82 * FRAME) / RATE, 6);
    expect(later[0]!.reason).toBe('pause');
    const quieterEarlier = script([0, 20], ...utterance(0.2), ...utterance(0.2), ...utterance(0.02), ...utterance(0.1), ...utterance(0.2), [0.9, 62], [0, 60]);
    expect(runChunker(quieterEarlier).chunks[0]!.durationSeconds).toBeCloseTo((3 * 82 * FRAME) / RATE, 6);
  });

  it('drops the silence between segments but keeps their pads, and reports the original timeline', () => {
    const probabilities = script([0, 100], [0.9, 50], [0.05, 60], [0.9, 50], [0, 100]);
    const { chunks } = runChunker(probabilities);
    expect(chunks).toHaveLength(1);
    const [chunk] = chunks;
    expect(chunk!.spans).toEqual([
      { startSample: 90 * FRAME, endSample: 160 * FRAME },
      { startSample: 200 * FRAME, endSample: 270 * FRAME },
    ]);
    expect(chunk).toMatchObject({ startSample: 90 * FRAME, endSample: 270 * FRAME, startSeconds: 2.88, endSeconds: 8.64, durationSeconds: 4.48, reason: 'end' });
    checkChunks(chunks, 20);
  });

  it('merges short utterances separated by short pauses into chunks near the preferred length', () => {
    const runs: [number, number][] = [];
    for (let i = 0; i < 60; i++) runs.push([0.9, seconds(1)], [0.05, seconds(1.2)]);
    const probabilities = script(...runs);
    const { chunks } = runChunker(probabilities);
    expect(chunks.length).toBeLessThanOrEqual(10);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.durationSeconds).toBeGreaterThanOrEqual(7);
      expect(chunk.durationSeconds).toBeLessThanOrEqual(13);
    }
    expect(spansOf(chunks)).toEqual(expectedSpeech(probabilities, {}, probabilities.length * FRAME));
    checkChunks(chunks, 20);
  });

  it('closes a chunk after a pause longer than maxMergeGapSeconds', () => {
    const probabilities = script([0.9, seconds(2)], [0, seconds(6)], [0.9, seconds(2)], [0, seconds(1)]);
    expect(runChunker(probabilities).chunks.map((chunk) => chunk.reason)).toEqual(['gap', 'end']);
    expect(runChunker(probabilities, { maxMergeGapSeconds: Number.POSITIVE_INFINITY }).chunks).toHaveLength(1);
  });

  it('cuts inside speech only when the maximum forces it, after the lowest-probability frame', () => {
    const probabilities = script([0.9, seconds(15)], [0.4, 1], [0.9, seconds(15)], [0, 50]);
    const { chunks } = runChunker(probabilities);
    expect(chunks[0]).toMatchObject({ reason: 'forced', endSample: (seconds(15) + 1) * FRAME });
    expect(chunks[1]!.startSample).toBe(chunks[0]!.endSample);
    checkChunks(chunks, 20);
    expect(spansOf(chunks)).toEqual(expectedSpeech(probabilities, {}, probabilities.length * FRAME));
  });

  it('with no pause in the window takes the pause nearest the preferred length before forcing a cut', () => {
    // Content pauses at about 3.8 s (then 17 s of unbroken speech): the early pause beats a cut inside speech.
    const probabilities = script([0.9, seconds(3)], [0.05, 40], [0.9, seconds(17)], [0, 50]);
    const { chunks } = runChunker(probabilities);
    expect(chunks[0]!.reason).toBe('pause');
    expect(chunks[0]!.durationSeconds).toBeCloseTo(((seconds(3) + 10) * FRAME) / RATE, 6);
    // A pause just past the window (content 14 s) is taken when it comes, before the maximum.
    const late = runChunker(script([0.9, seconds(13.5)], [0.05, 40], [0.9, seconds(10)], [0, 50])).chunks;
    expect(late[0]).toMatchObject({ reason: 'pause' });
    expect(late[0]!.durationSeconds).toBeCloseTo(((seconds(13.5) + 10) * FRAME) / RATE, 6);
  });

  it('clips the last chunk to the real end of the stream', () => {
    const total = 100 * FRAME + 37;
    const { chunks } = runChunker(script([0, 20], [0.9, 81]), {}, total);
    expect(chunks.at(-1)!.endSample).toBe(total);
    checkChunks(chunks, 20);
  });

  it('refuses a maximum over 24 s and inconsistent lengths with ConfigError', () => {
    expect(() => createSpeechChunker({ maxChunkSeconds: 25 })).toThrow(ConfigError);
    expect(() => createSpeechChunker({ maxChunkSeconds: 0 })).toThrow(ConfigError);
    expect(() => createSpeechChunker({ maxChunkSeconds: 8, preferredChunkSeconds: 10 })).toThrow(ConfigError);
    expect(() => createSpeechChunker({ cutWindowSeconds: -1 })).toThrow(ConfigError);
    expect(createSpeechChunker({ maxChunkSeconds: 24 })).toBeDefined();
    expect(createSpeechChunker({ maxChunkSeconds: 6 })).toBeDefined(); // preferred defaults to min(10, max)
  });
});

/** Seeded generator for reproducible random scripts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createSpeechChunker: properties over random scripts', () => {
  it('never exceeds the maximum, covers exactly the speech, keeps order and the source audio', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const maxChunkSeconds = 3 + Math.floor(next() * 22);
      const options: SpeechChunkerOptions = {
        maxChunkSeconds,
        preferredChunkSeconds: 1 + next() * (maxChunkSeconds - 1),
        cutWindowSeconds: next() * 5,
        maxMergeGapSeconds: next() < 0.2 ? Number.POSITIVE_INFINITY : next() * 8,
        minSpeechFrames: 1 + Math.floor(next() * 10),
        redemptionFrames: 4 + Math.floor(next() * 30),
        preSpeechPadFrames: Math.floor(next() * 15),
        postSpeechPadFrames: Math.floor(next() * 4),
      };
      const probabilities: number[] = [];
      const length = Math.floor(next() * seconds(240));
      while (probabilities.length < length) {
        // Speech runs (some longer than any maximum), quiet runs, and noisy runs that flicker across both thresholds.
        const kind = next();
        const run = Math.floor(next() * (kind < 0.1 ? seconds(30) : kind < 0.5 ? seconds(6) : seconds(3)));
        for (let i = 0; i < run; i++) probabilities.push(kind < 0.5 ? 0.5 + next() * 0.5 : kind < 0.9 ? next() * 0.3 : next());
      }
      const total = probabilities.length * FRAME - (probabilities.length > 0 ? Math.floor(next() * FRAME) : 0);
      const { chunks, chunker } = runChunker(probabilities, options, total);
      checkChunks(chunks, maxChunkSeconds);
      expect(spansOf(chunks)).toEqual(expectedSpeech(probabilities, options, total));
      // One maximum chunk, plus the frames copied in when speech is confirmed, plus the look-back ring (see docs).
      const bound = Math.floor((maxChunkSeconds * RATE) / FRAME) + 2 * (options.preSpeechPadFrames! + options.minSpeechFrames! + options.redemptionFrames!);
      expect(chunker.highWaterSamples).toBeLessThanOrEqual(bound * FRAME);
    }
  }, 60_000);
});
