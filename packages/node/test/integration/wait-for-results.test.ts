import { describe, expect, it } from 'vitest';
import { AbortError, ScribeError, SessionExpiredError, TimeoutError, type SessionResult } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { makeWav, makeWavChunks } from '../support/wav-fixtures';

const SESSION_GET = /^\/(voice\/)?v1\/sessions\/[^/]+$/;

describe('[#64] expiry', () => {
  it('an expired session → waitForResults throws SessionExpiredError (410 session body, not an error envelope)', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1), { endSession: false });
    await t.server.expireSession(session.sessionId);

    const error = await client.waitForResults(session.sessionId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionExpiredError);
    expect((error as SessionExpiredError).status).toBe(410);
    expect((error as SessionExpiredError).message).toContain('create a new session');
    expect(t.requests(SESSION_GET, 'GET').map((request) => request.status)).toEqual([410]);
    // sessions.get reads the same 410 body as a result, not an error.
    const body = await client.sessions.get(session.sessionId);
    expect(body.status).toBe('expired');
    expect(body.httpStatus).toBe(410);
    expect(body.audioFiles).toEqual(['chunk_0.wav']);
  });

  it('an upload to an expired session → SessionExpiredError (410 envelope), and later uploads are refused locally', async () => {
    const t = await startTestServer();
    const client = msaClient(t);
    const session = await client.createSession();
    await t.server.expireSession(session.sessionId);

    const error = await client.uploadChunks(session.sessionId, makeWavChunks(2)).catch((caught: unknown) => caught);

    expect((error as Error & { cause?: unknown }).cause).toBeInstanceOf(SessionExpiredError);
    expect((error as SessionExpiredError).code).toBe('session_expired');
    expect((error as SessionExpiredError).serverCode).toBe('session_expired');
    // Up to 3 chunks are in flight in msa; none after the 410, and no end.
    expect(t.requests(/\/audio$/).length).toBeLessThanOrEqual(2);
    expect(t.requests(/\/audio$/).every((request) => request.status === 410)).toBe(true);
    expect(t.requests(/\/end$/)).toHaveLength(0);
    const uploadsSoFar = t.requests(/\/audio$/).length;
    const later = await client.uploadChunk(session.sessionId, { bytes: makeWav({ seconds: 1 }), index: 5 }).catch((caught: unknown) => caught);
    expect(later).toBeInstanceOf(SessionExpiredError);
    expect((later as ScribeError).message).toContain('Create a new session');
    expect(t.requests(/\/audio$/)).toHaveLength(uploadsSoFar);
  });

  it('a session past its 1 s lifetime expires by itself: upload and wait both report it', async () => {
    const t = await startTestServer({ sessionDurationSeconds: 1 });
    const client = ekaClient(t);
    const session = await client.createSession();
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const upload = await client.uploadChunk(session.sessionId, { bytes: makeWav({ seconds: 1 }), index: 0 }).catch((caught: unknown) => caught);
    const wait = await client.waitForResults(session.sessionId).catch((caught: unknown) => caught);

    expect(upload).toBeInstanceOf(SessionExpiredError);
    expect(wait).toBeInstanceOf(SessionExpiredError);
    await expect(client.endSession(session.sessionId)).rejects.toBeInstanceOf(SessionExpiredError);
  });
});

describe('[#66] abort and timeout', () => {
  it('an AbortSignal cancels a held long-poll GET promptly with AbortError', async () => {
    const t = await startTestServer({ holdProcessing: true, longPollSeconds: 10 });
    const client = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));
    const controller = new AbortController();

    const started = performance.now();
    const waiting = client.waitForResults(session.sessionId, { signal: controller.signal });
    setTimeout(() => controller.abort(), 150);
    const error = await waiting.catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('an AbortSignal cancels the sleep between polls', async () => {
    const t = await startTestServer({ holdProcessing: true, longPollSeconds: 0 });
    const client = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));
    const controller = new AbortController();
    const updates: string[] = [];

    const started = performance.now();
    const waiting = client.waitForResults(session.sessionId, {
      interval: 30,
      signal: controller.signal,
      onUpdate: (result) => {
        updates.push(result.status);
        setTimeout(() => controller.abort(), 100); // aborts during the 30 s sleep
      },
    });
    const error = await waiting.catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AbortError);
    expect(updates).toEqual(['processing']);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('an already aborted signal sends nothing', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const controller = new AbortController();
    controller.abort();

    await expect(client.waitForResults('ses_never_asked_for', { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(t.server.requests).toHaveLength(0);
  });

  it('past the timeout → TimeoutError naming the last status; onUpdate ran once per GET', async () => {
    const t = await startTestServer({ holdProcessing: true, longPollSeconds: 0 });
    const client = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));
    const gets = () => t.requests(SESSION_GET, 'GET').length;
    const before = gets();
    const seen: SessionResult[] = [];

    const error = await client
      .waitForResults(session.sessionId, { timeout: 0.6, interval: 0.2, onUpdate: (result) => void seen.push(result) })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('last status: processing');
    expect((error as TimeoutError).details).toMatchObject({ session_id: session.sessionId, last_status: 'processing' });
    // One onUpdate per answered GET: only a GET still in flight at the deadline (a slow machine) goes unanswered, and
    // the exact count is checked on a simulated clock in core's result-poller tests.
    const sent = gets() - before;
    expect(seen.length).toBeLessThanOrEqual(sent);
    expect(seen.length).toBeGreaterThanOrEqual(sent - 1);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((result) => result.status === 'processing')).toBe(true);
  });

  it('[#66] the deadline cancels a GET the server is holding (long-poll) instead of waiting for it', async () => {
    const t = await startTestServer({ holdProcessing: true, longPollSeconds: 4 });
    const client = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));
    const started = performance.now();

    const error = await client.waitForResults(session.sessionId, { timeout: 0.5 }).catch((caught: unknown) => caught);

    const elapsedSeconds = (performance.now() - started) / 1000;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('after 0.5 s');
    // The server would hold the GET for 4 s; the wait ends at its own deadline instead.
    expect(elapsedSeconds).toBeLessThan(2);
  });

  it('a 5xx while polling does not end the wait', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'GET', path: SESSION_GET.source, kind: 'status', status: 503 });
    await client.uploadChunks(session.sessionId, makeWavChunks(1));

    const result = await client.waitForResults(session.sessionId, { interval: 0 });

    expect(result.status).toBe('completed');
    expect(t.requests(SESSION_GET, 'GET')[0]?.status).toBe(503);
  });

  it('a failed session is returned, not thrown', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();

    await client.endSession(session.sessionId); // no audio at all
    const result = await client.waitForResults(session.sessionId);

    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('audio_too_short');
    expect(result.httpStatus).toBe(200);
  });
});
