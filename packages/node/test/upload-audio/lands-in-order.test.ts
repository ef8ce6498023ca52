import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkUploadError } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';
import {
  CONSULTATION_WAV,
  endRequests,
  ffmpeg,
  progressLog,
  startUploadHarness,
  storedChunks,
  uploadRequests,
  wavSamples,
} from './support/upload-test-helpers';

// The consultation sample (22.7 s, five utterances with 0.7 s pauses) played three times: about 68 s, several chunks.
function threeConsultations(extension: 'wav' | 'mp3'): string {
  const path = join(createTempDirectory(), `consultation-x3.${extension}`);
  ffmpeg('-stream_loop', '2', '-i', CONSULTATION_WAV, ...(extension === 'mp3' ? ['-b:a', '64k'] : []), path);
  return path;
}

describe('uploadAudioFile against the reference server', () => {
  it.each(['wav', 'mp3'] as const)('a %s file lands as chunk_0 … chunk_N in order, and end reports exactly the chunks acknowledged', { timeout: 30_000 }, async (extension) => {
    const { t, client, dataDir } = await startUploadHarness();
    const file = threeConsultations(extension);
    const session = await client.createSession();
    const log = progressLog();

    const { acknowledged: uploaded } = await client.uploadAudioFile(session.sessionId, file, { onProgress: log.onProgress });

    expect(uploaded).toBeGreaterThanOrEqual(5);
    const names = Array.from({ length: uploaded }, (_, index) => `chunk_${index}.wav`);
    // The requests, in arrival order: one per chunk, named in sequence, all acknowledged.
    const uploads = uploadRequests(t, session.sessionId);
    expect(uploads.map((request) => request.path.split('/').at(-1))).toEqual(names);
    expect(uploads.map((request) => request.status)).toEqual(names.map(() => 200));
    expect(uploads.map((request) => request.upload?.fileName)).toEqual(names);
    // One end call, after the last acknowledgement, with audio_files_sent equal to the chunks acknowledged.
    const ends = endRequests(t, session.sessionId);
    expect(ends).toHaveLength(1);
    expect(ends[0]!.body).toEqual({ audio_files_sent: uploaded });
    expect(ends[0]!.status).toBe(202);
    const lastUpload = uploads.at(-1)!;
    expect(Date.parse(ends[0]!.timestamp)).toBeGreaterThanOrEqual(Date.parse(lastUpload.timestamp) + Math.floor(lastUpload.durationMs));
    expect(log.of('chunk-uploaded').map((event) => event.acknowledged)).toEqual(names.map((_, index) => index + 1));
    // The server's view (GET): the same files, in index order, no longer open for uploads.
    const stored = await client.sessions.get(session.sessionId);
    expect(stored.audioFiles).toEqual(names);
    expect(stored.audioFilesReceived).toBe(uploaded);
    expect(['processing', 'completed']).toContain(stored.status);
    // The files on disk are the chunks the pipeline announced: same sizes, 16 kHz mono WAV of the announced length.
    const ready = log.of('chunk-ready');
    const files = storedChunks(dataDir, session.sessionId);
    expect(files.map((chunk) => chunk.name)).toEqual(names);
    expect(ready.map((event) => event.index)).toEqual(names.map((_, index) => index));
    files.forEach((chunk, index) => {
      expect(chunk.bytes.length).toBe(ready[index]!.byteLength);
      expect(chunk.bytes.length).toBe(uploads[index]!.upload?.bytes);
      const { samples, sampleRate } = wavSamples(chunk.bytes);
      expect(sampleRate).toBe(16000);
      expect(samples.length / 16000).toBeCloseTo(ready[index]!.durationSeconds, 6);
    });
    // Chunks follow each other in the timeline.
    for (let index = 1; index < ready.length; index += 1) expect(ready[index]!.startSeconds).toBeGreaterThanOrEqual(ready[index - 1]!.endSeconds);
    // And processing sees them all: the engine got every chunk, in order.
    const result = await client.waitForResults(session.sessionId);
    expect(result.status).toBe('completed');
    expect(t.engine.transcribeCalls[0]!.chunks.map((chunk) => chunk.fileName)).toEqual(names);
  });
});

describe('a failed upload is resumed by running the same call again', () => {
  it('chunk_1 refused: ChunkUploadError with resumeIndex 1 and no end; the same call again stores the same chunks and ends', { timeout: 30_000 }, async () => {
    const { t, client, dataDir } = await startUploadHarness();
    const clean = await client.createSession();
    const { acknowledged: expected } = await client.uploadAudioFile(clean.sessionId, CONSULTATION_WAV);
    const session = await client.createSession();
    // A 400 is not retried: the upload stops at chunk_1.
    t.server.faults.add({ method: 'POST', path: /\/audio\/chunk_1\.wav$/, kind: 'status', status: 400, times: 1 });

    const error = await client.uploadAudioFile(session.sessionId, CONSULTATION_WAV).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ChunkUploadError);
    expect(error).toMatchObject({ acknowledged: 1, resumeIndex: 1, fileName: 'chunk_1.wav' });
    expect(endRequests(t, session.sessionId)).toEqual([]);
    await expect(client.uploadAudioFile(session.sessionId, CONSULTATION_WAV)).resolves.toEqual({ acknowledged: expected, nextIndex: expected });
    expect(uploadRequests(t, session.sessionId).map((request) => `${request.path.split('/').at(-1)} ${request.status}`)).toEqual([
      'chunk_0.wav 200',
      'chunk_1.wav 400',
      'chunk_0.wav 200',
      'chunk_1.wav 200',
    ]);
    expect(endRequests(t, session.sessionId).map((request) => request.body)).toEqual([{ audio_files_sent: expected }]);
    const stored = storedChunks(dataDir, session.sessionId);
    const reference = storedChunks(dataDir, clean.sessionId);
    expect(stored.map((chunk) => chunk.name)).toEqual(reference.map((chunk) => chunk.name));
    stored.forEach((chunk, index) => expect(Buffer.compare(chunk.bytes, reference[index]!.bytes)).toBe(0));
  });
});
