import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock';
import { createTestConfig, createTestDiscoveryDocument } from '../testing/test-config';
import { createWavBytes } from '../testing/wav-bytes';
import { createScribeCore } from './create-scribe-core';

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

type Route = (seen: Seen, n: number) => Response | Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req-1', ...headers } });

/** A fetch that records what the real HTTP transport sends and answers from `route`. */
function scriptedFetch(route: Route) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const entry: Seen = { method: init?.method ?? 'GET', url, headers: new Headers(init?.headers), body: init?.body };
    seen.push(entry);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return route(entry, seen.length);
  }) as typeof fetch;
  return { fetchImpl, seen };
}

describe('createScribeCore', () => {
  it('eka round trip through the real transport: create, upload chunks, end with the count, wait for results', async () => {
    const polls = ['processing', 'completed'];
    const { fetchImpl, seen } = scriptedFetch(({ method, url }) => {
      const path = new URL(url).pathname;
      if (path.endsWith('/.well-known/medscribealliance')) return json(404, { error: { code: 'not_found', message: 'no' } });
      if (method === 'POST' && path === '/voice/v1/sessions') return json(201, { session_id: 'ses_1', status: 'created', upload_url: 'http://127.0.0.1:8080/voice/v1/sessions/ses_1/audio' });
      if (path.includes('/audio/')) return json(200, { success: true, file_name: path.split('/').pop() });
      if (path.endsWith('/end')) return json(202, { session_id: 'ses_1', status: 'processing', audio_files_received: 2 });
      const status = polls.shift() ?? 'completed';
      return json(status === 'completed' ? 200 : 202, { session_id: 'ses_1', status, transcript: 'hello', templates: [{ clinical_notes_template: { status: 'success', data: { plan: 'rest' } } }] });
    });
    const config = createTestConfig({ dialect: 'eka', baseUrl: 'http://127.0.0.1:8080/voice', jwtPayload: { 'b-id': 'b_local_dev' }, apiKey: undefined });
    const core = createScribeCore({ config, fetch: fetchImpl, clock: createManualClock({ autoAdvance: true }) });
    expect(core.businessId()).toBe('b_local_dev');

    const session = await core.createSession();
    const { acknowledged: sent } = await core.uploadChunks(session.sessionId, [createWavBytes(1), createWavBytes(2)]);
    const result = await core.waitForResults(session.sessionId);

    expect(sent).toBe(2);
    expect(result.status).toBe('completed');
    expect(result.template('clinical_notes_template')?.data).toEqual({ plan: 'rest' });
    const calls = seen.filter((s) => !s.url.includes('.well-known'));
    expect(calls.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'POST /voice/v1/sessions',
      'POST /voice/v1/sessions/ses_1/audio/chunk_0.wav',
      'POST /voice/v1/sessions/ses_1/audio/chunk_1.wav',
      'POST /voice/v1/sessions/ses_1/end',
      'GET /voice/v1/sessions/ses_1',
      'GET /voice/v1/sessions/ses_1',
    ]);
    expect(calls[0]?.headers.get('jwt-payload')).toBe('{"b-id":"b_local_dev"}');
    expect(calls[1]?.headers.get('content-type')).toBe('audio/wav');
    expect(JSON.parse(String(calls[3]?.body))).toEqual({ audio_files_sent: 2 });
    expect(seen.every((s) => !s.headers.has('MSA-Version'))).toBe(true);
    // A 404 eka discovery never blocked anything, and never carried credentials.
    const discovery = seen.filter((s) => s.url.includes('.well-known'));
    expect(discovery.every((s) => !s.headers.has('jwt-payload'))).toBe(true);
  });

  it('[#3][#10] msa: discovery without credentials, then API calls with X-API-Key and MSA-Version', async () => {
    const origin = 'http://127.0.0.1:9090';
    const { fetchImpl, seen } = scriptedFetch(({ url }) => {
      if (url.endsWith('/.well-known/medscribealliance')) return json(200, createTestDiscoveryDocument(origin), { 'cache-control': 'max-age=3600' });
      return json(200, { templates: [{ id: 'soap', name: 'SOAP' }] });
    });
    const core = createScribeCore({ config: createTestConfig({ dialect: 'msa', discoveryUrl: origin }), fetch: fetchImpl, clock: createManualClock() });
    await expect(core.templates.list()).resolves.toMatchObject([{ id: 'soap' }]);
    await core.templates.list();
    expect(seen.map((s) => s.url)).toEqual([`${origin}/.well-known/medscribealliance`, `${origin}/v1/templates`, `${origin}/v1/templates`]);
    expect(seen[0]?.headers.has('X-API-Key')).toBe(false);
    expect(seen[0]?.headers.has('MSA-Version')).toBe(false);
    expect(seen[1]?.headers.get('X-API-Key')).toBe('sk_test_local_dev');
    expect(seen[1]?.headers.get('MSA-Version')).toBe('0.1');
  });

  it('[#49] end reconciliation with the real transport: 503, retried, 400 session_ended, GET processing → success', async () => {
    const { fetchImpl, seen } = scriptedFetch(({ method, url }) => {
      if (url.includes('.well-known')) return json(404, {});
      if (method === 'POST' && url.endsWith('/end')) {
        const ends = seen.filter((s) => s.url.endsWith('/end')).length;
        return ends === 1 ? json(503, { error: { code: 'service_unavailable', message: 'busy' } }) : json(400, { error: { code: 'session_ended', message: 'already ended' } });
      }
      return json(202, { session_id: 's1', status: 'processing', audio_files_received: 3, audio_files: ['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav'] });
    });
    const core = createScribeCore({ config: createTestConfig(), fetch: fetchImpl, clock: createManualClock({ autoAdvance: true }), random: () => 0 });
    await expect(core.endSession('s1', { audioFilesSent: 3 })).resolves.toMatchObject({ status: 'processing', audioFilesReceived: 3 });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'GET']);
    await expect(core.uploadChunk('s1', { bytes: createWavBytes(1), index: 3 })).rejects.toMatchObject({ code: 'session_state' });
    expect(seen).toHaveLength(3);
  });

  it('close() cancels calls in flight and refuses new ones', async () => {
    let started = 0;
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        started += 1;
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof fetch;
    const core = createScribeCore({ config: createTestConfig(), fetch: hanging, clock: createManualClock({ autoAdvance: true }) });
    const waiting = core.waitForResults('s1');
    while (started === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    core.close();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted', message: expect.stringContaining('closed') });
    await expect(core.createSession()).rejects.toMatchObject({ code: 'aborted' });
    expect(started).toBe(1);
  });
});
