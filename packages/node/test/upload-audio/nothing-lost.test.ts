import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSileroModel, type SileroModel } from '../../src/audio';
import { speechProbabilities } from '../audio/support/audio-test-helpers';
import {
  CONSULTATION_WAV,
  FIXTURES,
  FRAME,
  RATE,
  firstDifference,
  progressLog,
  segmentSpans,
  sourceOverSegments,
  startUploadHarness,
  storedChunks,
  wavInt16,
  wavSamples,
} from './support/upload-test-helpers';

// 16 kHz 16-bit sources (and a FLAC of one, which is lossless): the uploaded chunks must hold the source's samples
// exactly, and every frame Silero calls speech must be inside an uploaded span.
const SOURCES = [
  { name: 'speech.wav', path: join(FIXTURES, 'speech.wav'), reference: join(FIXTURES, 'speech.wav'), chunks: 1 },
  { name: 'speech.flac', path: join(FIXTURES, 'speech.flac'), reference: join(FIXTURES, 'speech.wav'), chunks: 1 },
  { name: 'chest-pain-consultation.wav', path: CONSULTATION_WAV, reference: CONSULTATION_WAV, chunks: 2 },
];

let model: SileroModel;
beforeAll(async () => {
  model = await loadSileroModel();
});
afterAll(async () => {
  await model.dispose();
});

describe('nothing is lost between the source and the server', () => {
  it.each(SOURCES)('$name: stored chunks are the source over their speech spans, and every speech frame was uploaded', { timeout: 20_000 }, async ({ path, reference, chunks }) => {
    const { client, dataDir } = await startUploadHarness();
    const session = await client.createSession();
    const log = progressLog();
    const { acknowledged: uploaded } = await client.uploadAudioFile(session.sessionId, path, { onProgress: log.onProgress });

    expect(uploaded).toBe(chunks);
    const source = wavInt16(readFileSync(reference));
    expect(wavSamples(readFileSync(reference)).sampleRate).toBe(RATE);
    const segments = segmentSpans(log);
    const ready = log.of('chunk-ready');
    const stored = storedChunks(dataDir, session.sessionId);
    expect(stored).toHaveLength(uploaded);

    // Each stored chunk, decoded, is exactly the source over the segments inside its range.
    stored.forEach((chunk, index) => {
      const start = Math.round(ready[index]!.startSeconds * RATE);
      const end = Math.round(ready[index]!.endSeconds * RATE);
      const expected = sourceOverSegments(source, segments, start, end);
      const actual = wavInt16(chunk.bytes);
      expect(actual.length, chunk.name).toBe(expected.length);
      expect(firstDifference(actual, expected), `${chunk.name}: first differing sample`).toBe(-1);
    });
    // Together the chunks cover every segment, once.
    const all = stored.flatMap((chunk) => Array.from(wavInt16(chunk.bytes)));
    expect(all.length).toBe(segments.reduce((sum, span) => sum + span.end - span.start, 0));

    // Every frame Silero marks as speech in the source lies inside an uploaded span.
    const spans = ready.flatMap((chunk) =>
      segments
        .map((segment) => ({ start: Math.max(segment.start, Math.round(chunk.startSeconds * RATE)), end: Math.min(segment.end, Math.round(chunk.endSeconds * RATE)) }))
        .filter((span) => span.end > span.start),
    );
    const probabilities = await speechProbabilities(model, wavSamples(readFileSync(reference)).samples);
    const speechFrames = probabilities.flatMap((probability, frame) => (probability > 0.5 ? [frame] : []));
    expect(speechFrames.length).toBeGreaterThan(50);
    const outside = speechFrames.filter((frame) => !spans.some((span) => span.start <= frame * FRAME && (frame + 1) * FRAME <= span.end));
    expect(outside, `speech frames outside the uploaded spans ${JSON.stringify(spans)}`).toEqual([]);
    // And the silence before, between and after the sentences beyond the pads was not uploaded.
    expect(all.length).toBeLessThan(source.length - RATE / 2);
  });
});
