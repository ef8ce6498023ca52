import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav, type SpeechChunkerOptions } from '@scribe/core/internal';
import type { ScribeClient } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';
import { FIXTURES, FRAME, RATE, progressLog, startUploadHarness, wavSamples } from './support/upload-test-helpers';

// Every speech fixture (fixtures/audio/README.md) against the WAV it was encoded from. The clipped ones hold the
// first 1.6 s of it; their reference is that 1.6 s. Agreement: the same number of speech segments and of chunks, and
// every boundary within EDGE_FRAMES frames (32 ms each) of the reference's.
const EDGE_FRAMES = 3;
const CLIP_SAMPLES = 1.6 * RATE;
const CASES: { file: string; clip?: boolean }[] = [
  { file: 'speech-44100-stereo.wav', clip: true },
  { file: 'speech-24bit.wav', clip: true },
  { file: 'speech-float32.wav', clip: true },
  { file: 'speech-8bit.wav', clip: true },
  { file: 'speech.mp3' },
  { file: 'speech-opus.ogg' },
  { file: 'speech-vorbis.ogg' },
  { file: 'speech-flac.ogg', clip: true },
  { file: 'speech-opus.webm' },
  { file: 'speech-vorbis.webm' },
  { file: 'speech.flac' },
  { file: 'speech-opus.mp4' },
  { file: 'speech-aac.m4a' },
];
// The default chunking (one chunk for this 8 s recording), and one that closes a chunk at every pause over 0.3 s
// (one chunk per sentence), so that chunk edges are compared, not only the recording's ends.
const CHUNKINGS: { name: string; chunking?: Omit<SpeechChunkerOptions, 'frameSamples' | 'sampleRate' | 'onSpeechEvent'> }[] = [
  { name: 'default chunking' },
  { name: 'a chunk per sentence', chunking: { maxMergeGapSeconds: 0.3 } },
];

interface Boundaries {
  segments: [number, number][];
  chunks: [number, number, number][];
}

async function boundaries(client: ScribeClient, path: string, chunking: (typeof CHUNKINGS)[number]['chunking']): Promise<Boundaries> {
  const session = await client.createSession();
  const log = progressLog();
  await client.uploadAudioFile(session.sessionId, path, { chunking, onProgress: log.onProgress });
  return {
    segments: log.of('speech-found').map((event) => [event.startSeconds, event.endSeconds]),
    chunks: log.of('chunk-ready').map((event) => [event.startSeconds, event.endSeconds, event.durationSeconds]),
  };
}

function referencePath(clip: boolean | undefined): string {
  const source = join(FIXTURES, 'speech.wav');
  if (!clip) return source;
  const path = join(createTempDirectory(), 'speech-first-1.6s.wav');
  writeFileSync(path, encodeWav(wavSamples(readFileSync(source)).samples.subarray(0, CLIP_SAMPLES)));
  return path;
}

const frames = (seconds: number) => (seconds * RATE) / FRAME;

describe.each(CHUNKINGS)('every format gives the chunks of its WAV source ($name)', ({ chunking }) => {
  it.each(CASES)('$file', { timeout: 20_000 }, async ({ file, clip }) => {
    const { client } = await startUploadHarness();
    const expected = await boundaries(client, referencePath(clip), chunking);
    const actual = await boundaries(client, join(FIXTURES, file), chunking);
    const picture = `reference ${JSON.stringify(expected)}\n${file} ${JSON.stringify(actual)}`;

    // The reference is what the recording holds: three sentences (one in the 1.6 s clip).
    expect(expected.segments, picture).toHaveLength(clip ? 1 : 3);
    expect(expected.chunks, picture).toHaveLength(clip || !chunking ? 1 : 3);
    expect(actual.segments, picture).toHaveLength(expected.segments.length);
    expect(actual.chunks, picture).toHaveLength(expected.chunks.length);
    actual.segments.forEach(([start, end], index) => {
      const [refStart, refEnd] = expected.segments[index]!;
      expect(Math.abs(frames(start - refStart)), picture).toBeLessThanOrEqual(EDGE_FRAMES);
      expect(Math.abs(frames(end - refEnd)), picture).toBeLessThanOrEqual(EDGE_FRAMES);
    });
    actual.chunks.forEach(([start, end, duration], index) => {
      const [refStart, refEnd, refDuration] = expected.chunks[index]!;
      expect(Math.abs(frames(start - refStart)), picture).toBeLessThanOrEqual(EDGE_FRAMES);
      expect(Math.abs(frames(end - refEnd)), picture).toBeLessThanOrEqual(EDGE_FRAMES);
      expect(Math.abs(frames(duration - refDuration)), picture).toBeLessThanOrEqual(2 * EDGE_FRAMES);
    });
  });
});
