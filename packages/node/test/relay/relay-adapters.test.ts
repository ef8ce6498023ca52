import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createScribeRelay, toNodeHandler } from '@scribe/node';
import { TEST_TEMPLATES } from '../support/client-factory';
import { makeWav } from '../support/wav-fixtures';
import { MOUNT, RELAY_SECRET, relayCall, startRelayHarness, USER_HEADER, type RelayHarness } from './relay-support';

/** The relay as a Next.js route handler or Hono would hold it: a function of a web Request, no Node adapter. */
function webHandler(h: RelayHarness) {
  const relay = createScribeRelay({
    client: h.serviceClient(),
    secret: RELAY_SECRET,
    authorize: (request) => (request.headers.get(USER_HEADER) ? { userId: request.headers.get(USER_HEADER)! } : null),
    logger: h.logger,
  });
  // Its answers join what "browsers" saw, for the secret search at the end of the test.
  return async (request: Request) => {
    const response = await relay(request);
    const text = await response.clone().text();
    h.seen.push({ method: request.method, url: request.url, status: response.status, headers: [...response.headers], text });
    return response;
  };
}

describe('createScribeRelay: mounted as a web handler, and through toNodeHandler behind a framework', () => {
  it('called with web Requests (Next.js route handler, Hono): a whole chunked session, URLs from the request\'s origin', async () => {
    const h = await startRelayHarness();
    const relay = webHandler(h);
    const base = 'https://app.example.test/api/scribe/v1';
    const as = (init: RequestInit & { path: string }) =>
      relay(new Request(`${base}${init.path}`, { ...init, headers: { [USER_HEADER]: 'alice', ...(init.headers as Record<string, string>) } }));
    const created = await as({ path: '/sessions', method: 'POST', body: JSON.stringify({ templates: TEST_TEMPLATES }), headers: { 'Content-Type': 'application/json' } });
    expect(created.status).toBe(201);
    const { session_id: handle, upload_url } = (await created.json()) as { session_id: string; upload_url: string };
    expect(upload_url).toBe(`${base}/sessions/${handle}/audio`);
    const wav = makeWav({ seconds: 1 });
    const uploaded = await as({ path: `/sessions/${handle}/audio/chunk_0.wav`, method: 'POST', body: new Blob([wav.slice().buffer as ArrayBuffer], { type: 'audio/wav' }) });
    expect(uploaded.status).toBe(200);
    expect(((await uploaded.json()) as { session_id: string }).session_id).toBe(handle);
    expect((await as({ path: `/sessions/${handle}/end`, method: 'POST', body: JSON.stringify({ audio_files_sent: 1 }) })).status).toBe(202);
    let status = 202;
    for (let i = 0; i < 100 && status === 202; i += 1) status = (await as({ path: `/sessions/${handle}`, method: 'GET' })).status;
    expect(status).toBe(200);
    expect((await relay(new Request(`${base}/templates`))).status).toBe(401);
  });

  it('toNodeHandler uses originalUrl when a framework stripped the mount from req.url (Express app.use)', async () => {
    const h = await startRelayHarness();
    const listener = toNodeHandler(createScribeRelay({ client: h.serviceClient(), secret: RELAY_SECRET, authorize: () => ({ userId: 'alice' }), basePath: MOUNT }));
    const server = createServer((req, res) => {
      // What Express does for app.use('/api/scribe', handler): req.url loses the mount, req.originalUrl keeps it.
      Object.assign(req, { originalUrl: req.url, url: req.url!.slice(MOUNT.length) });
      void listener(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const relayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT}`;
    const created = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions`, JSON.stringify({ templates: TEST_TEMPLATES }));
    expect(created.status).toBe(201);
    expect(created.json.upload_url).toBe(`${relayUrl}/v1/sessions/${created.json.session_id as string}/audio`);
    // Bodies read in full (and GETs, which have none) keep the connection alive.
    expect(created.headers.get('connection')).toBe('keep-alive');
    expect((await relayCall(h, 'alice', 'GET', `${relayUrl}/v1/templates`)).headers.get('connection')).toBe('keep-alive');
    // A refused body mid-upload still gets its answer, and the connection is not reused.
    const refused = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions`, new Uint8Array(4 * 1024 * 1024));
    expect(refused.status).toBe(413);
    expect(refused.headers.get('connection')).toBe('close');
  });

  it('a browser that goes away ends the relay\'s upstream call too (a held long-poll is released at once)', async () => {
    const h = await startRelayHarness({ holdProcessing: true });
    const relayUrl = await h.startRelay();
    const core = h.browserCore(relayUrl, 'alice');
    const { sessionId: handle } = await core.createSession();
    await core.uploadChunk(handle, { bytes: makeWav({ seconds: 1 }), index: 0 });
    await core.endSession(handle);
    const upstreamId = Buffer.from(handle.split('.')[1]!, 'base64url').toString();
    const gone = new AbortController();
    const started = performance.now();
    const pending = h.browserFetch('alice')(`${relayUrl}/v1/sessions/${handle}`, { signal: gone.signal }).catch((error: unknown) => error);
    // Real I/O: give the GET time to reach the server, which holds it (the session stays processing) for 5 s.
    await sleep(300);
    gone.abort();
    await pending;
    const held = await vi.waitFor(() => {
      const [record] = h.t.requests(new RegExp(`^/v1/sessions/${upstreamId}$`), 'GET');
      if (!record) throw new Error('not recorded yet');
      return record;
    }, { timeout: 4000, interval: 50 });
    expect(held.durationMs).toBeLessThan(2000);
    expect(performance.now() - started).toBeLessThan(4000);
  });
});
