import { describe, expect, it } from 'vitest';
import { AuthError, ChunkUploadError, InvalidAudioError } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { makeWav, makeWavChunks } from '../support/wav-fixtures';

const DISCOVERY = /\/\.well-known\/medscribealliance$/;

describe('[#5] msa discovery cache', () => {
  it('is fetched once for many calls, and again after an API 401', async () => {
    const t = await startTestServer();
    const client = msaClient(t);

    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(2), { endSession: false });
    await client.templates.list();
    expect(t.requests(DISCOVERY)).toHaveLength(1);

    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 401 });
    await expect(client.templates.list()).rejects.toBeInstanceOf(AuthError);
    await client.templates.list();

    expect(t.requests(DISCOVERY)).toHaveLength(2);
    expect(t.server.requests.map((request) => request.path).slice(-2)).toEqual(['/.well-known/medscribealliance', '/v1/templates']);
  });
});

describe('[#6] eka discovery is optional', () => {
  it.each([
    ['500', { kind: 'status', status: 500 } as const],
    ['404', { kind: 'status', status: 404 } as const],
    ['a dropped connection', { kind: 'drop', when: 'before' } as const],
    ['an HTML page', { kind: 'html', status: 200 } as const],
  ])('a discovery endpoint failing with %s never blocks a session', async (_what, fault) => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({ method: 'GET', path: DISCOVERY.source, times: 5, ...fault });

    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(2));
    const result = await client.waitForResults(session.sessionId);

    expect(result.status).toBe('completed');
    // eka read discovery (without credentials) once, for the chunk limit; it failed, and the defaults were cached.
    const discovery = t.requests(DISCOVERY);
    expect(discovery).toHaveLength(1);
    expect(discovery[0]?.fault).toBeDefined();
    expect(discovery[0]?.path).toBe('/v1/.well-known/medscribealliance');
    expect(discovery[0]?.headers.authorization).toBeUndefined();
  });
});

describe('[#40] a chunk over the effective maximum is refused before any request', () => {
  it.each([
    ['eka', 20.5],
    ['msa', 20.5],
  ])('%s: a %s s WAV chunk → InvalidAudioError, nothing uploaded', async (dialect, seconds) => {
    const t = await startTestServer();
    const client = dialect === 'eka' ? ekaClient(t) : msaClient(t);
    const session = await client.createSession();

    const single = await client.uploadChunk(session.sessionId, { bytes: makeWav({ seconds }), index: 0 }).catch((caught: unknown) => caught);
    const batch = await client.uploadChunks(session.sessionId, [makeWav({ seconds: 1 }), makeWav({ seconds })]).catch((caught: unknown) => caught);

    expect(single).toBeInstanceOf(InvalidAudioError);
    expect((single as InvalidAudioError).message).toContain('over the 20 s chunk limit');
    expect(batch).toBeInstanceOf(ChunkUploadError);
    expect((batch as ChunkUploadError).cause).toBeInstanceOf(InvalidAudioError);
    expect((batch as ChunkUploadError).acknowledged).toBe(1);
    expect(t.requests(/\/audio/).map((request) => request.path.split('/').at(-1))).toEqual([dialect === 'eka' ? 'chunk_0.wav' : 'audio']);
    expect(t.requests(/\/end$/)).toHaveLength(0);
  });

  it('maxChunkSeconds 24 raises the limit to the production ceiling: a 23 s chunk is uploaded', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { maxChunkSeconds: 24 });
    const session = await client.createSession();

    const uploaded = await client.uploadChunk(session.sessionId, { bytes: makeWav({ seconds: 23 }), index: 0 });

    expect(uploaded.httpStatus).toBe(200);
    expect(t.requests(DISCOVERY)).toHaveLength(0);
  });
});
