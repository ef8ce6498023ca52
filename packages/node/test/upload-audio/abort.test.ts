import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AbortError, ChunkUploadError, type ScribeError } from '@scribe/node';
import { ffmpegChildren, ffmpegChildrenAfter } from '../support/ffmpeg-children';
import { createTempDirectory } from '../support/temp-directory';
import {
  CONSULTATION_WAV,
  endRequests,
  ffmpeg,
  progressLog,
  startUploadHarness,
  uploadRequests,
} from './support/upload-test-helpers';

// Three minutes of the consultation in each format; uploads held 300 ms by the server, so an abort lands while a chunk
// is in flight and the decoder is mid-file. m4a decodes through an ffmpeg child process.
const LOOPS = 8;
const TOTAL_SECONDS = LOOPS * 22.66;
const FORMATS = [
  { extension: 'wav', codec: [] },
  { extension: 'mp3', codec: ['-b:a', '32k'] },
  { extension: 'ogg', codec: ['-c:a', 'libopus', '-b:a', '24k'] },
  { extension: 'm4a', codec: ['-c:a', 'aac', '-b:a', '32k'] },
];

function longFile(extension: string, codec: string[]): string {
  const path = join(createTempDirectory(), `consultation-x${LOOPS}.${extension}`);
  ffmpeg('-stream_loop', String(LOOPS - 1), '-i', CONSULTATION_WAV, ...codec, path);
  return path;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('aborting mid-file', () => {
  it.each(FORMATS)('$extension: the signal stops decoding and uploading at once; no end call, no ffmpeg left', { timeout: 30_000 }, async ({ extension, codec }) => {
    const path = longFile(extension, codec);
    const { t, client } = await startUploadHarness();
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'delay', ms: 300, times: 1000 });
    const controller = new AbortController();
    const log = progressLog();
    let abortedAt = 0;
    let childrenAtAbort: string[] = [];
    const onProgress: typeof log.onProgress = (event) => {
      log.onProgress(event);
      if (event.type === 'chunk-queued' && abortedAt === 0) {
        abortedAt = -1;
        setTimeout(() => {
          childrenAtAbort = ffmpegChildren();
          abortedAt = Date.now();
          controller.abort();
        }, 50);
      }
    };

    const error = await client.uploadAudioFile(session.sessionId, path, { signal: controller.signal, onProgress }).then(
      ({ acknowledged }) => new Error(`finished with ${acknowledged} chunks instead of stopping`),
      (caught: unknown) => caught,
    );
    const stoppedAfter = Date.now() - abortedAt;

    expect(error).toBeInstanceOf(ChunkUploadError);
    expect((error as ScribeError).code).toBe('aborted');
    expect((error as ScribeError).cause).toBeInstanceOf(AbortError);
    expect(abortedAt).toBeGreaterThan(0);
    expect(stoppedAfter).toBeLessThan(1000);
    // Decoding stopped part-way through the file and stays stopped.
    const decodedAtStop = log.of('audio-decoded').length;
    const lastSeconds = log.of('audio-decoded').at(-1)!.seconds;
    expect(lastSeconds).toBeLessThan(TOTAL_SECONDS * 0.75);
    await settle(300);
    expect(log.of('audio-decoded')).toHaveLength(decodedAtStop);
    // Only the upload in flight at the abort reached the server; nothing was acknowledged; no end.
    expect(uploadRequests(t, session.sessionId).length).toBeLessThanOrEqual(1);
    expect(log.of('chunk-uploaded')).toEqual([]);
    expect(endRequests(t, session.sessionId)).toEqual([]);
    expect(['created', 'recording']).toContain((await client.sessions.get(session.sessionId)).status);
    // ffmpeg (AAC) was running when the signal fired, and is gone now.
    if (extension === 'm4a') expect(childrenAtAbort.length).toBeGreaterThan(0);
    expect(await ffmpegChildrenAfter(2000)).toEqual([]);
  });

  it.each(FORMATS)('$extension: aborting while decoding, before any chunk is ready', { timeout: 30_000 }, async ({ extension, codec }) => {
    const path = longFile(extension, codec);
    const { t, client } = await startUploadHarness();
    const session = await client.createSession();
    const controller = new AbortController();
    const log = progressLog();
    const onProgress: typeof log.onProgress = (event) => {
      log.onProgress(event);
      if (event.type === 'audio-decoded' && !controller.signal.aborted) controller.abort();
    };

    const error = await client.uploadAudioFile(session.sessionId, path, { signal: controller.signal, onProgress }).catch((caught: unknown) => caught);

    expect((error as ScribeError).code).toBe('aborted');
    expect(log.of('chunk-ready')).toEqual([]);
    expect(log.of('audio-decoded').length).toBeLessThanOrEqual(2);
    expect(uploadRequests(t, session.sessionId)).toEqual([]);
    expect(endRequests(t, session.sessionId)).toEqual([]);
    expect((await client.sessions.get(session.sessionId)).status).toBe('created');
    expect(await ffmpegChildrenAfter(2000)).toEqual([]);
  });

  it('a signal aborted before the call sends nothing at all', { timeout: 10_000 }, async () => {
    const { t, client } = await startUploadHarness();
    const session = await client.createSession();
    const before = t.server.requests.length;
    const error = await client.uploadAudioFile(session.sessionId, CONSULTATION_WAV, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught);
    expect((error as ScribeError).code).toBe('aborted');
    expect(t.server.requests.slice(before)).toEqual([]);
  });
});
