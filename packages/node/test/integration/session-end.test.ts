import { describe, expect, it } from 'vitest';
import { ScribeError, SessionStateError } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { chunkNames, makeWav, makeWavChunks } from '../support/wav-fixtures';

describe('[#42] no upload after endSession', () => {
  it.each(['eka', 'msa'])('%s: uploadChunk and uploadChunks → SessionStateError, and no request is sent', async (dialect) => {
    const t = await startTestServer();
    const client = dialect === 'eka' ? ekaClient(t) : msaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));
    const before = t.server.requests.length;

    const single = await client.uploadChunk(session.sessionId, { bytes: makeWav({ seconds: 1 }), index: 1 }).catch((caught: unknown) => caught);
    const batch = await client.uploadChunks(session.sessionId, makeWavChunks(2), { startIndex: 1 }).catch((caught: unknown) => caught);

    expect(single).toBeInstanceOf(SessionStateError);
    expect(batch).toBeInstanceOf(SessionStateError);
    expect((single as SessionStateError).message).toContain('Create a new session');
    expect(t.server.requests).toHaveLength(before);
  });

  it('an end made by another client is learnt from the server (400 session_ended), then refused locally', async () => {
    const t = await startTestServer();
    const first = ekaClient(t);
    const other = ekaClient(t);
    const session = await first.createSession();
    await other.endSession(session.sessionId, { audioFilesSent: 0 });

    const refused = await first.uploadChunk(session.sessionId, { bytes: makeWav({ seconds: 1 }), index: 0 }).catch((caught: unknown) => caught);
    const uploadsAfterServerRefusal = t.requests(/\/audio\//).length;
    const local = await first.uploadChunk(session.sessionId, { bytes: makeWav({ seconds: 1 }), index: 1 }).catch((caught: unknown) => caught);

    expect(refused).toBeInstanceOf(SessionStateError);
    expect((refused as ScribeError).serverCode).toBe('session_ended');
    expect(local).toBeInstanceOf(SessionStateError);
    expect(t.requests(/\/audio\//)).toHaveLength(uploadsAfterServerRefusal);
  });
});

describe('[#49] an ambiguous end failure is reconciled by GET', () => {
  it('connection dropped after the end was handled → retry gets 400 session_ended → GET shows processing → end counts as done', async () => {
    // No long-poll: the reconciling GET answers at once with the held session's `processing`.
    const t = await startTestServer({ holdProcessing: true, longPollSeconds: 0 });
    const client = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(2), { endSession: false });
    t.server.faults.add({ method: 'POST', path: '/end$', kind: 'drop', when: 'after' });

    const ended = await client.endSession(session.sessionId);

    expect(ended.sessionId).toBe(session.sessionId);
    expect(ended.status).toBe('processing');
    expect(ended.audioFiles).toEqual(chunkNames(2));
    const ends = t.requests(/\/end$/);
    expect(ends.map((request) => request.status)).toEqual([null, 400]);
    expect(ends.map((request) => request.body)).toEqual([{ audio_files_sent: 2 }, { audio_files_sent: 2 }]);
    const afterEnd = t.server.requests.slice(t.server.requests.indexOf(ends[1]!) + 1);
    expect(afterEnd.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v1/sessions/${session.sessionId}`]);
    t.engine.release();
    expect((await client.waitForResults(session.sessionId)).status).toBe('completed');
    // Ended means ended: the client refuses more audio without asking the server.
    await expect(client.uploadChunk(session.sessionId, { bytes: makeWav({ seconds: 1 }), index: 2 })).rejects.toBeInstanceOf(SessionStateError);
  });

  it('a 503 on the first end is retried and succeeds', async () => {
    const t = await startTestServer();
    const client = msaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1), { endSession: false });
    t.server.faults.add({ method: 'POST', path: '/end$', kind: 'status', status: 503 });

    const ended = await client.endSession(session.sessionId);

    expect(ended.status).toBe('processing');
    expect(t.requests(/\/end$/).map((request) => request.status)).toEqual([503, 202]);
  });

  it('a plain repeated end (no ambiguity) is not reconciled: SessionStateError session_ended', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const other = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));

    const error = await other.endSession(session.sessionId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionStateError);
    expect((error as ScribeError).serverCode).toBe('session_ended');
    expect(t.requests(/\/end$/)).toHaveLength(2);
    expect(t.requests(/\/sessions\/[^/]+$/, 'GET')).toHaveLength(0);
  });
});

describe('[#48] audio_files_sent = startIndex + acknowledged', () => {
  it('two uploadChunks calls with startIndex: the end sends the session total, and the session completes', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    const chunks = makeWavChunks(5);

    const { acknowledged: firstBatch } = await client.uploadChunks(session.sessionId, chunks.slice(0, 2), { endSession: false });
    const { acknowledged: secondBatch } = await client.uploadChunks(session.sessionId, chunks.slice(2), { startIndex: firstBatch });
    const result = await client.waitForResults(session.sessionId);

    expect([firstBatch, secondBatch]).toEqual([2, 3]);
    expect(t.requests(/\/end$/).map((request) => request.body)).toEqual([{ audio_files_sent: 5 }]);
    expect(t.requests(/\/audio\//).map((request) => request.path.split('/').at(-1))).toEqual(chunkNames(5));
    expect(result.status).toBe('completed');
    expect(result.processingErrors).toEqual([]);
  });

  it('empty chunks are skipped without using an index', async () => {
    const t = await startTestServer();
    const client = msaClient(t);
    const session = await client.createSession();
    const [a, b] = makeWavChunks(2);

    const { acknowledged: acknowledged } = await client.uploadChunks(session.sessionId, [new Uint8Array(0), a!, new Uint8Array(0), b!], { startIndex: 3 });
    const result = await client.waitForResults(session.sessionId);

    expect(acknowledged).toBe(2);
    expect(t.requests(/\/end$/)[0]?.body).toEqual({ audio_files_sent: 5 });
    expect(result.audioFiles).toEqual(['chunk_3.wav', 'chunk_4.wav']);
    // The server holds 2 of the 5 the client says exist (0..2 were assumed sent earlier): a count mismatch, so partial.
    expect(result.status).toBe('partial');
    expect(result.processingErrors.map((error) => error.type)).toEqual(['audio_files_mismatch']);
  });
});
