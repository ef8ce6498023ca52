import { describe, expect, it } from 'vitest';
import { ChunkUploadError, InvalidAudioError, ValidationError, type ScribeClient, type UploadProgressEvent } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { chunkNames, makeWavChunks } from '../support/wav-fixtures';

const CHUNKS = 5;

/** The session as the server holds it: every chunk exactly once, in index order, and counted. */
async function expectStoredInOrder(t: TestServer, client: ScribeClient, sessionId: string): Promise<void> {
  const stored = await client.sessions.get(sessionId);
  expect(stored.audioFiles).toEqual(chunkNames(CHUNKS));
  expect(stored.audioFilesReceived).toBe(CHUNKS);
  // Each name was acknowledged by exactly one 200 (a dropped attempt has no status), first arrivals in index order.
  const acknowledged = t.requests(/\/audio\//).filter((request) => request.status === 200).map((request) => request.path.split('/').at(-1));
  expect(acknowledged).toEqual(chunkNames(CHUNKS));
}

describe('[#41] transient failures during chunk upload are retried under the same name', () => {
  it.each([
    ['503', { kind: 'status', status: 503 } as const],
    ['500 (once)', { kind: 'status', status: 500 } as const],
    ['502', { kind: 'status', status: 502 } as const],
    ['a connection dropped before the chunk landed', { kind: 'drop', when: 'before' } as const],
    ['a connection dropped after the chunk landed', { kind: 'drop', when: 'after' } as const],
  ])('eka: %s on chunk_2 → retried, every chunk lands exactly once and in order', async (_what, fault) => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_2\\.wav$', ...fault });
    const retried: UploadProgressEvent[] = [];

    const { acknowledged: acknowledged } = await client.uploadChunks(session.sessionId, makeWavChunks(CHUNKS), {
      endSession: false,
      onProgress: (event) => event.type === 'chunk-retried' && retried.push(event),
    });

    expect(acknowledged).toBe(CHUNKS);
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ type: 'chunk-retried', index: 2, fileName: 'chunk_2.wav', attempt: 1 });
    const attempts = t.requests(/\/audio\/chunk_2\.wav$/);
    expect(attempts).toHaveLength(2);
    expect(attempts.map((request) => request.path)).toEqual([attempts[0]!.path, attempts[0]!.path]);
    await expectStoredInOrder(t, client, session.sessionId);
  });

  it('eka: 429 with Retry-After waits the server-given time, then lands the chunk', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_1\\.wav$', kind: 'status', status: 429, retryAfterSeconds: 1 });
    const delays: number[] = [];

    await client.uploadChunks(session.sessionId, makeWavChunks(CHUNKS), {
      endSession: false,
      onProgress: (event) => event.type === 'chunk-retried' && delays.push(event.delayMs),
    });

    expect(delays).toEqual([1000]);
    const [limited, landed] = t.requests(/\/audio\/chunk_1\.wav$/);
    expect(limited?.status).toBe(429);
    expect(Date.parse(landed!.timestamp) - Date.parse(limited!.timestamp)).toBeGreaterThanOrEqual(950);
    await expectStoredInOrder(t, client, session.sessionId);
  });

  it('eka: several failures on several chunks in one upload still leave chunk_0..chunk_4 in order', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_0\\.wav$', kind: 'drop', when: 'after' });
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_3\\.wav$', kind: 'status', status: 503, times: 2 });
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_4\\.wav$', kind: 'drop', when: 'after' });

    await client.uploadChunks(session.sessionId, makeWavChunks(CHUNKS));
    const result = await client.waitForResults(session.sessionId);

    // audio_files_sent matched what the server holds, so nothing was counted twice: completed, not partial.
    expect(t.requests(/\/end$/)[0]?.body).toEqual({ audio_files_sent: CHUNKS });
    expect(result.status).toBe('completed');
    expect(result.audioFiles).toEqual(chunkNames(CHUNKS));
    expect(t.requests(/\/audio\/chunk_3\.wav$/).map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it('msa (3 in flight): failures on two chunks still leave every chunk once, in index order', async () => {
    const t = await startTestServer();
    const client = msaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio$', kind: 'drop', when: 'after' });
    t.server.faults.add({ method: 'POST', path: '/audio$', kind: 'status', status: 503 });

    const { acknowledged: acknowledged } = await client.uploadChunks(session.sessionId, makeWavChunks(CHUNKS), { endSession: false });

    expect(acknowledged).toBe(CHUNKS);
    const stored = await client.sessions.get(session.sessionId);
    expect(stored.audioFiles).toEqual(chunkNames(CHUNKS));
    expect(stored.audioFilesReceived).toBe(CHUNKS);
    expect(t.requests(/\/audio$/)).toHaveLength(CHUNKS + 2);
  });
});

describe('[#41] a 4xx on a chunk is not retried', () => {
  it.each([
    ['400 invalid_request', 400, 'invalid_request', ValidationError],
    ['400 invalid_audio_format', 400, 'invalid_audio_format', InvalidAudioError],
    ['413 file_too_large', 413, 'file_too_large', InvalidAudioError],
    ['422 without a code', 422, undefined, ValidationError],
  ])('%s → one request, a typed error telling where to resume', async (_what, status, code, errorClass) => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    const body = code === undefined ? { error: { code: 'unprocessable', message: 'Refused.' } } : { error: { code, message: `Refused: ${code}.` } };
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_1\\.wav$', kind: 'status', status, body: code === undefined ? { detail: 'Refused.' } : body });

    const error = await client.uploadChunks(session.sessionId, makeWavChunks(3)).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ChunkUploadError);
    const failure = error as ChunkUploadError;
    expect(failure.cause).toBeInstanceOf(errorClass);
    expect(failure.status).toBe(status);
    expect(failure.fileName).toBe('chunk_1.wav');
    expect(failure.acknowledged).toBe(1);
    expect(failure.resumeIndex).toBe(1);
    expect(t.requests(/\/audio\/chunk_1\.wav$/)).toHaveLength(1);
    expect(t.requests(/\/audio\/chunk_2\.wav$/)).toHaveLength(0);
    // The session was not ended: the caller can resume.
    expect(t.requests(/\/end$/)).toHaveLength(0);
    expect((await client.sessions.get(session.sessionId)).status).toBe('recording');
  });

  it('resuming from resumeIndex after a refusal completes the session with every chunk', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_2\\.wav$', kind: 'status', status: 400 });
    const chunks = makeWavChunks(4);

    const failure = (await client.uploadChunks(session.sessionId, chunks).catch((caught: unknown) => caught)) as ChunkUploadError;
    await client.uploadChunks(session.sessionId, chunks.slice(failure.resumeIndex), { startIndex: failure.resumeIndex });
    const result = await client.waitForResults(session.sessionId);

    expect(result.status).toBe('completed');
    expect(result.audioFiles).toEqual(chunkNames(4));
  });
});

describe('[#92] any 2xx acknowledges a chunk', () => {
  it('a 201 whose body is not an upload ack, and a 204, are acknowledgements, not errors', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_0\\.wav$', kind: 'status', status: 201, body: '' });
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_1\\.wav$', kind: 'status', status: 204 });
    const [first, second] = makeWavChunks(2);

    const created = await client.uploadChunk(session.sessionId, { bytes: first!, index: 0 });
    const noContent = await client.uploadChunk(session.sessionId, { bytes: second!, index: 1 });

    expect(created).toMatchObject({ fileName: 'chunk_0.wav', httpStatus: 201 });
    expect(noContent).toMatchObject({ fileName: 'chunk_1.wav', httpStatus: 204 });
    expect(t.requests(/\/audio\//)).toHaveLength(2);
  });
});
