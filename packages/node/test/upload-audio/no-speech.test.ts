import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidAudioError } from '@scribe/node';
import { FIXTURES, endRequests, progressLog, startUploadHarness, uploadRequests } from './support/upload-test-helpers';

const NO_SPEECH = ['silence.wav', 'silence.mp3', 'pink-noise.wav', 'pink-noise-opus.webm', 'pink-noise-aac.m4a'];

describe('silence and noise produce no chunk', () => {
  it.each(NO_SPEECH)('%s → InvalidAudioError "No speech", no upload, no end, the session still open', { timeout: 15_000 }, async (file) => {
    const { t, client } = await startUploadHarness();
    const session = await client.createSession();
    const path = join(FIXTURES, file);
    const log = progressLog();

    const error = await client.uploadAudioFile(session.sessionId, path, { onProgress: log.onProgress }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidAudioError);
    expect((error as InvalidAudioError).message).toBe(
      `No speech was found in ${path} (1.5 s of audio decoded), so nothing was uploaded and session ${session.sessionId} was left open: upload other audio, or end it yourself.`,
    );
    expect((error as InvalidAudioError).details).toMatchObject({ session_id: session.sessionId });
    // The whole file was read, and nothing came of it.
    expect(log.of('audio-decoded').at(-1)?.seconds).toBeCloseTo(1.5, 1);
    expect(log.of('speech-found')).toEqual([]);
    expect(log.of('chunk-ready')).toEqual([]);
    expect(uploadRequests(t, session.sessionId)).toEqual([]);
    expect(endRequests(t, session.sessionId)).toEqual([]);
    const state = await client.sessions.get(session.sessionId);
    expect(state.status).toBe('created');
    expect(state.audioFiles).toEqual([]);
  });

  it.each(NO_SPEECH)('%s with endSession: false → 0 chunks, nothing sent', { timeout: 15_000 }, async (file) => {
    const { t, client } = await startUploadHarness();
    const session = await client.createSession();
    await expect(client.uploadAudioFile(session.sessionId, join(FIXTURES, file), { endSession: false })).resolves.toEqual({ acknowledged: 0, nextIndex: 0 });
    expect(uploadRequests(t, session.sessionId)).toEqual([]);
    expect(endRequests(t, session.sessionId)).toEqual([]);
    expect((await client.sessions.get(session.sessionId)).status).toBe('created');
  });
});
