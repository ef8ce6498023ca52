import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, createScribeRelay, DEFAULT_RELAY_LIMITS } from '@scribe/node';
import { closedPort } from '../support/closed-port';
import { createTempDirectory } from '../support/temp-directory';
import { makeWav } from '../support/wav-fixtures';
import { MOUNT, RELAY_SECRET, relayCall, startRelayHarness } from './relay-support';

/** A body that streams `total` bytes in 64 KiB pieces (no Content-Length), counting what was pulled. */
function countedStream(total: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const piece = new Uint8Array(64 * 1024).fill(7);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { body, pulled: () => pulled };
}

/** A handle in the documented format, signed with the test relay's secret. */
function signHandle(userId: string, upstreamId: string): string {
  const mac = createHmac('sha256', RELAY_SECRET).update(`${userId}\n${upstreamId}`).digest('base64url').slice(0, 22);
  return `rs1.${Buffer.from(upstreamId).toString('base64url')}.${mac}`;
}

describe('createScribeRelay: body limits', () => {
  it('JSON over 64 KiB -> 413 payload_too_large, declared or streamed; nothing forwarded', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const big = JSON.stringify({ templates: ['clinical_notes_template'], additional_data: { pad: 'x'.repeat(DEFAULT_RELAY_LIMITS.jsonBytes) } });
    const declared = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions`, big, { 'Content-Type': 'application/json' });
    expect(declared.status).toBe(413);
    expect(declared.json.error).toMatchObject({ code: 'payload_too_large', details: { max_bytes: 65536 } });
    // 64 MiB offered without a length: the answer comes long before the client could have sent it all (what it did
    // send sits in socket buffers; the relay holds at most the limit).
    const streamed = countedStream(64 * 1024 * 1024);
    const answer = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions`, streamed.body);
    expect(answer.status).toBe(413);
    expect(streamed.pulled()).toBeLessThan(16 * 1024 * 1024);
    const handle = (await h.browserCore(relayUrl, 'alice').createSession()).sessionId;
    const end = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions/${handle}/end`, big);
    expect(end.status).toBe(413);
    expect(h.t.requests(/\/end$/)).toHaveLength(0);
  });

  it('chunks over the default 8 MiB -> 413 file_too_large without reading the rest; a configured limit applies exactly', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const handle = (await h.browserCore(relayUrl, 'alice').createSession()).sessionId;
    const url = `${relayUrl}/v1/sessions/${handle}/audio/chunk_0.wav`;
    const declared = await relayCall(h, 'alice', 'POST', url, new Uint8Array(DEFAULT_RELAY_LIMITS.chunkBytes + 1), { 'Content-Type': 'audio/wav' });
    expect(declared.status).toBe(413);
    expect(declared.json.error).toMatchObject({ code: 'file_too_large', details: { max_bytes: 8 * 1024 * 1024 } });
    // 64 MiB offered without a length: the relay stops reading just past the limit and answers.
    const streamed = countedStream(64 * 1024 * 1024);
    const answer = await relayCall(h, 'alice', 'POST', url, streamed.body, { 'Content-Type': 'audio/wav' });
    expect(answer.status).toBe(413);
    expect(streamed.pulled()).toBeLessThan(32 * 1024 * 1024);
    expect(h.t.requests(/\/audio\//)).toHaveLength(0);

    const small = await h.startRelay({ limits: { chunkBytes: 100_000 } });
    const fits = makeWav({ seconds: 3 }); // 96 044 bytes
    const over = makeWav({ seconds: 3.2 }); // 102 444 bytes
    expect((await relayCall(h, 'alice', 'POST', `${small}/v1/sessions/${handle}/audio/chunk_0.wav`, fits, { 'Content-Type': 'audio/wav' })).status).toBe(200);
    expect((await relayCall(h, 'alice', 'POST', `${small}/v1/sessions/${handle}/audio/chunk_1.wav`, over, { 'Content-Type': 'audio/wav' })).status).toBe(413);
    expect(h.t.requests(/\/audio\//).map((request) => request.path.split('/').pop())).toEqual(['chunk_0.wav']);
  });
});

describe('createScribeRelay: the service\'s refusals reach the browser with its status, code and headers, ids swapped', () => {
  it('invalid audio -> 400 invalid_audio_format; an unknown upstream id -> 404 with the handle in place of the id', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const handle = (await h.browserCore(relayUrl, 'alice').createSession()).sessionId;
    const upstreamId = Buffer.from(handle.split('.')[1]!, 'base64url').toString();
    const bad = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions/${handle}/audio/chunk_0.wav`, new TextEncoder().encode('not audio at all'), { 'Content-Type': 'audio/wav' });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('invalid_audio_format');
    expect(bad.headers.get('x-request-id')).toMatch(/^req_/);
    expect(bad.text).not.toContain(upstreamId);

    const ghostId = 'ses_NoSuchSessionAnywhere00';
    const ghost = signHandle('alice', ghostId);
    const missing = await relayCall(h, 'alice', 'GET', `${relayUrl}/v1/sessions/${ghost}`);
    expect(h.t.requests(new RegExp(ghostId))).toHaveLength(1);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: 'session_not_found', details: { session_id: ghost } });
    expect(missing.text).not.toContain(ghostId);
  });

  it('429 with Retry-After and X-RateLimit-* passed through; 503 passed through; an unreachable service is 503', async () => {
    const h = await startRelayHarness({ rateLimit: { limit: 3, windowSeconds: 60 } });
    const relayUrl = await h.startRelay({ client: h.serviceClient({ maxRetries: 0 }) });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i += 1) {
      last = await relayCall(h, 'alice', 'GET', `${relayUrl}/v1/templates`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.json.error?.code).toBe('rate_limit_exceeded');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('x-ratelimit-limit')).toBe('3');
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(last!.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);

    const h2 = await startRelayHarness();
    const relay2 = await h2.startRelay({ client: h2.serviceClient({ maxRetries: 0 }) });
    h2.t.server.faults.add({ method: 'GET', path: /\/templates$/, kind: 'status', status: 503, retryAfterSeconds: 7 });
    const unavailable = await relayCall(h2, 'alice', 'GET', `${relay2}/v1/templates`);
    expect(unavailable.status).toBe(503);
    expect(unavailable.json.error?.code).toBe('service_unavailable');
    expect(unavailable.headers.get('retry-after')).toBe('7');

    const nowhere = await h2.startRelay({ client: h2.serviceClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, maxRetries: 0 }) });
    const unreachable = await relayCall(h2, 'alice', 'GET', `${nowhere}/v1/templates`);
    expect(unreachable.status).toBe(503);
    expect(unreachable.json.error?.code).toBe('service_unavailable');
  });

  it('wrong service credentials are the relay\'s problem: 502 upstream_auth_failed, with no detail and no secret', async () => {
    const h = await startRelayHarness();
    const wrong = 'WRONG-secret-that-must-not-leak-1234';
    const relayUrl = await h.startRelay({ client: h.serviceClient({ clientSecret: wrong }) });
    const answer = await relayCall(h, 'alice', 'GET', `${relayUrl}/v1/templates`);
    expect(answer.status).toBe(502);
    expect(answer.json.error?.code).toBe('upstream_auth_failed');
    expect(answer.text).not.toContain(wrong);
    expect(h.logger.lines.join('\n')).not.toContain(wrong);
  });
});

describe('createScribeRelay: discovery, mount and configuration', () => {
  it('discovery: public, endpoints rewritten to the relay, no credential extension, webhooks or login URLs, private caching', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const answer = await relayCall(h, undefined, 'GET', `${relayUrl}/v1/.well-known/medscribealliance`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('private, max-age=3600');
    const document = answer.json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(document.endpoints).toEqual({ base_url: `${relayUrl}/v1`, templates_url: `${relayUrl}/v1/templates` });
    expect(document.authentication).toEqual({ supported_methods: [] });
    expect(document.extensions.client_credentials).toBeUndefined();
    expect(document.extensions.stream).toMatchObject({ protocol: 'websocket', resume: true });
    expect(document.extensions.session_fields).not.toContain('session_id');
    expect(document.capabilities.webhook_delivery).toBe(false);
    expect(answer.text).not.toContain('connect-auth');
    expect(answer.text).not.toContain(h.t.url);
  });

  it('publicUrl names the relay in what it hands out; without basePath the mount is derived from the request', async () => {
    const h = await startRelayHarness();
    const pinned = await h.startRelay({ publicUrl: 'https://app.example.test/api/scribe/', basePath: undefined });
    const created = await relayCall(h, 'alice', 'POST', `${pinned}/v1/sessions`, JSON.stringify({ templates: ['clinical_notes_template'] }));
    expect(created.json.upload_url).toBe(`https://app.example.test/api/scribe/v1/sessions/${created.json.session_id as string}/audio`);

    const derived = await h.startRelay({ basePath: undefined });
    const origin = new URL(derived).origin;
    for (const mount of ['/somewhere/else', '', '/a/v1/b']) {
      const answer = await relayCall(h, 'alice', 'POST', `${origin}${mount}/v1/sessions`, JSON.stringify({ templates: ['clinical_notes_template'] }));
      expect(answer.status, mount).toBe(201);
      expect(answer.json.upload_url).toBe(`${origin}${mount}/v1/sessions/${answer.json.session_id as string}/audio`);
    }
  });

  it('authorize throwing -> 500 internal_error that says nothing of the exception; a userId with a line break is refused', async () => {
    const h = await startRelayHarness();
    const throwing = await h.startRelay({ authorize: () => Promise.reject(new Error('db password is hunter2')) });
    const answer = await relayCall(h, 'alice', 'GET', `${throwing}/v1/templates`);
    expect(answer.status).toBe(500);
    expect(answer.json.error?.code).toBe('internal_error');
    expect(answer.text).not.toContain('hunter2');
    expect(h.logger.lines.join('\n')).not.toContain('hunter2');
    const newline = await h.startRelay({ authorize: () => ({ userId: 'alice\nsession' }) });
    expect((await relayCall(h, 'alice', 'GET', `${newline}/v1/templates`)).status).toBe(500);
  });

  it('configuration errors are ConfigErrors that never quote the secret', async () => {
    const h = await startRelayHarness();
    const client = h.serviceClient();
    const authorize = () => ({ userId: 'u' });
    const short = 'only-31-bytes-long-secret-12345';
    expect(() => createScribeRelay({ client, secret: short, authorize })).toThrow(ConfigError);
    try {
      createScribeRelay({ client, secret: short, authorize });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(short);
      expect((error as Error).message).toMatch(/at least 32 bytes/);
    }
    expect(() => createScribeRelay({ client, secret: new Uint8Array(31), authorize })).toThrow(/at least 32 bytes/);
    expect(() => createScribeRelay({ client, secret: new Uint8Array(32), authorize })).not.toThrow();
    expect(() => createScribeRelay({ client, clientOptions: {}, secret: RELAY_SECRET, authorize })).toThrow(/exactly one/);
    expect(() => createScribeRelay({ secret: RELAY_SECRET, authorize } as never)).toThrow(/exactly one/);
    expect(() => createScribeRelay({ client, secret: RELAY_SECRET, authorize, basePath: 'api' })).toThrow(/basePath/);
    expect(() => createScribeRelay({ client, secret: RELAY_SECRET, authorize, limits: { chunkBytes: 0 } })).toThrow(/limits.chunkBytes/);
    const msa = h.serviceClient({ baseUrl: undefined, discoveryUrl: h.t.url, dialect: 'msa' });
    expect(() => createScribeRelay({ client: msa, secret: RELAY_SECRET, authorize })).toThrow(/eka dialect/);
    // clientOptions: the relay builds its own client.
    const own = await h.startRelay({
      client: undefined,
      clientOptions: { cwd: createTempDirectory(), processEnv: {}, baseUrl: h.t.url, authBaseUrl: h.t.url, clientId: 'relay-service', clientSecret: 'SENTINEL-client-secret-7f3a9c1e5b2d4f60', fetch: h.t.fetch },
    });
    expect((await relayCall(h, 'alice', 'GET', `${own}/v1/templates`)).status).toBe(200);
    expect(MOUNT).toBe('/api/scribe');
  });
});
