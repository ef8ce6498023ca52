import { describe, expect, it } from 'vitest';
import { AbortError, type ScribeClient } from '@scribe/node';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { makeWav, makeWavChunks } from '../support/wav-fixtures';

async function sessionInProcessing(client: ScribeClient): Promise<string> {
  const session = await client.createSession();
  await client.uploadChunks(session.sessionId, makeWavChunks(1));
  return session.sessionId;
}

describe('[#66] close() and await using cancel calls in flight', () => {
  it('close() rejects a waiting waitForResults with AbortError at once, and refuses later calls without a request', async () => {
    const t = await startTestServer({ holdProcessing: true, longPollSeconds: 10 });
    const client = ekaClient(t);
    const sessionId = await sessionInProcessing(client);

    const waiting = client.waitForResults(sessionId).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await client.close();
    const error = await waiting;
    const requestsAtClose = t.server.requests.length;

    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(500);
    await expect(client.templates.list()).rejects.toThrowError('The Scribe client was closed.');
    await expect(client.createSession()).rejects.toBeInstanceOf(AbortError);
    await expect(client.uploadChunk(sessionId, { bytes: makeWav({ seconds: 1 }), index: 9 })).rejects.toBeInstanceOf(AbortError);
    expect(t.server.requests.length).toBe(requestsAtClose);
    await client.close(); // idempotent
  });

  it('close() cancels an upload waiting on a slow server', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'delay', ms: 3000 });

    const uploading = client.uploadChunks(session.sessionId, makeWavChunks(3)).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.close();
    const error = (await uploading) as AbortError;

    expect(error.code).toBe('aborted');
    expect(t.requests(/\/end$/)).toHaveLength(0);
  });

  it('`await using` closes the client at the end of the scope, cancelling what is still running', async () => {
    const t = await startTestServer({ holdProcessing: true, longPollSeconds: 10 });
    let waiting: Promise<unknown> | undefined;
    let escaped: ScribeClient | undefined;
    const started = performance.now();
    {
      await using client = ekaClient(t);
      escaped = client;
      const sessionId = await sessionInProcessing(client);
      waiting = client.waitForResults(sessionId).catch((caught: unknown) => caught);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(await waiting).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(escaped.templates.list()).rejects.toBeInstanceOf(AbortError);
  });
});
