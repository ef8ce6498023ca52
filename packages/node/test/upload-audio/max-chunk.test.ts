import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav, floatToInt16 } from '@scribe/core/internal';
import { loadSileroModel, type SileroModel } from '../../src/audio';
import { speechFlags, speechProbabilities, speechRegions } from '../audio/support/audio-test-helpers';
import { createTempDirectory } from '../support/temp-directory';
import { CONSULTATION_WAV, FRAME, RATE, firstDifference, progressLog, startUploadHarness, storedChunks, wavInt16, wavSamples } from './support/upload-test-helpers';

// About a minute of speech without a pause: the consultation's five utterances with the silence between them cut
// out, played over and over. The only way to stay under the maximum is to split speech.
const SECONDS = 60;
let continuous: Float32Array;
let model: SileroModel;
beforeAll(async () => {
  model = await loadSileroModel();
  const source = wavSamples(readFileSync(CONSULTATION_WAV)).samples;
  const regions = speechRegions(speechFlags(await speechProbabilities(model, source)));
  const pieces: Float32Array[] = [];
  let total = 0;
  while (total < SECONDS * RATE) {
    for (const region of regions) {
      pieces.push(source.subarray(region.start * FRAME, region.end * FRAME));
      total += pieces.at(-1)!.length;
    }
  }
  continuous = new Float32Array(total);
  let at = 0;
  for (const piece of pieces) {
    continuous.set(piece, at);
    at += piece.length;
  }
});
afterAll(async () => {
  await model.dispose();
});

const CASES = [
  { name: 'the default maximum (20 s)', maxChunkSeconds: 20, chunking: undefined },
  { name: 'chunking.maxChunkSeconds: 5', maxChunkSeconds: 5, chunking: { maxChunkSeconds: 5 } },
  { name: 'chunking.maxChunkSeconds: 12.5', maxChunkSeconds: 12.5, chunking: { maxChunkSeconds: 12.5 } },
];

describe('no chunk exceeds the maximum', () => {
  it.each(CASES)('continuous speech with $name: every stored chunk is within it, and nothing is lost at the splits', { timeout: 30_000 }, async ({ maxChunkSeconds, chunking }) => {
    const path = join(createTempDirectory(), 'continuous-speech.wav');
    writeFileSync(path, encodeWav(continuous));
    const { client, dataDir } = await startUploadHarness();
    const session = await client.createSession();
    const log = progressLog();

    const { acknowledged: uploaded } = await client.uploadAudioFile(session.sessionId, path, { chunking, onProgress: log.onProgress });

    const seconds = continuous.length / RATE;
    expect(seconds).toBeGreaterThanOrEqual(SECONDS);
    // Silero hears one long utterance: only the maximum can end a chunk.
    expect(log.of('speech-found')).toHaveLength(1);
    expect(uploaded).toBeGreaterThanOrEqual(Math.ceil(seconds / maxChunkSeconds));
    const stored = storedChunks(dataDir, session.sessionId);
    expect(stored).toHaveLength(uploaded);
    const durations = stored.map((chunk) => {
      const { samples, sampleRate } = wavSamples(chunk.bytes);
      expect(sampleRate).toBe(RATE);
      return samples.length / sampleRate;
    });
    for (const duration of durations) expect(duration).toBeLessThanOrEqual(maxChunkSeconds);
    // The chunker used the room it had (it does not cut speech into needlessly small pieces)...
    expect(Math.max(...durations)).toBeGreaterThan(maxChunkSeconds * 0.6);
    // ...and the chunks, back to back, are the whole recording, sample for sample.
    const joined = new Int16Array(stored.reduce((sum, chunk) => sum + wavInt16(chunk.bytes).length, 0));
    let at = 0;
    for (const chunk of stored) {
      const samples = wavInt16(chunk.bytes);
      joined.set(samples, at);
      at += samples.length;
    }
    expect(joined.length).toBe(continuous.length);
    expect(firstDifference(joined, floatToInt16(continuous))).toBe(-1);
  });
});
