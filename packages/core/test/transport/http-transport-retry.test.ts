import { afterEach, describe, expect, it } from 'vitest';
import { createApiKeyAuth } from '../../src/auth';
import { createManualClock, type ManualClock } from '../../src/testing/manual-clock';
import { createHttpTransport } from '../../src/transport';
import { dropConnection, sendEnvelope, sendJson, startTestServer, type Handler, type TestServer } from './test-server';
import { testConfig } from './test-config';
import { rejectionOf } from './rejection-of';

let server: TestServer;
let clock: ManualClock;
afterEach(async () => server?.close());

async function setUp(handler: Handler, overrides: Parameters<typeof testConfig>[1] = {}) {
  server = await startTestServer(handler);
  clock = createManualClock({ autoAdvance: true });
  return createHttpTransport({
    config: testConfig(server.origin, overrides),
    auth: createApiKeyAuth({ apiKey: 'sk_test_retry' }),
    clock,
    random: () => 0.5,
  });
}

/** Fails the first `failures` requests with `fail`, then answers 200. */
function failThenOk(failures: number, fail: Handler): Handler {
  return (req, res, n) => (n <= failures ? fail(req, res, n) : sendJson(res, 200, { n }));
}

const chunkUpload = (origin: string) => ({
  method: 'POST' as const,
  url: `${origin}/v1/sessions/ses_1/audio/chunk_3.wav`,
  body: new Uint8Array([1, 2, 3, 4]),
  headers: { 'Content-Type': 'audio/wav' },
  idempotent: true,
  sessionPath: true,
});

describe('[#41] chunk uploads', () => {
  it.each([408, 429, 500, 502, 503, 504])('[#41] HTTP %i on a chunk is retried under the same name', async (status) => {
    const transport = await setUp(failThenOk(1, (_req, res) => sendEnvelope(res, status, 'whatever')));
    const response = await transport.request(chunkUpload(server.origin));
    expect(response.data).toEqual({ n: 2 });
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/sessions/ses_1/audio/chunk_3.wav', '/v1/sessions/ses_1/audio/chunk_3.wav']);
    expect(server.requests.map((r) => [...r.body])).toEqual([[1, 2, 3, 4], [1, 2, 3, 4]]);
  });

  it('[#41] a dropped connection on a chunk is retried', async () => {
    const transport = await setUp(failThenOk(2, (_req, res) => dropConnection(res)));
    const response = await transport.request(chunkUpload(server.origin));
    expect(response.data).toEqual({ n: 3 });
    expect(clock.sleeps).toEqual([375, 750]);
  });

  it.each([
    [400, 'invalid_audio_format', 'invalid_audio'],
    [404, 'session_not_found', 'session_not_found'],
    [409, 'session_already_exists', 'session_state'],
    [410, 'session_expired', 'session_expired'],
    [413, 'chunk_too_large', 'invalid_audio'],
    [422, 'audio_quality_poor', 'invalid_audio'],
    [403, 'forbidden', 'auth_error'],
  ])('[#41] HTTP %i (%s) on a chunk is not retried', async (status, code, sdkCode) => {
    const transport = await setUp((_req, res) => sendEnvelope(res, status, code));
    await expect(transport.request(chunkUpload(server.origin))).rejects.toMatchObject({ code: sdkCode, status });
    expect(server.requests).toHaveLength(1);
  });

  it('[#41] a connection refused is retried, then reported as an APIError naming the cause', async () => {
    const transport = await setUp((_req, res) => sendJson(res, 200, {}));
    await server.close();
    const error = await rejectionOf(transport.request(chunkUpload(server.origin)));
    expect(error).toMatchObject({ code: 'api_error', retryable: true });
    expect(error.message).toMatch(/connection refused \(ECONNREFUSED\)/);
    expect(error.message).toMatch(/retried 3 times/);
    expect(clock.sleeps).toHaveLength(3);
  });
});

describe('[#91] retry policy in the transport', () => {
  it('[#91] at most 3 retries with jittered exponential backoff, then the mapped error', async () => {
    const transport = await setUp((_req, res) => sendEnvelope(res, 503, 'service_unavailable', 'down for maintenance'));
    const retries: Array<{ attempt: number; delayMs: number; code: string }> = [];
    const error = await rejectionOf(
      transport.request({ method: 'GET', url: `${server.origin}/v1/templates`, onRetry: ({ attempt, delayMs, error: e }) => retries.push({ attempt, delayMs, code: e.code }) }),
    );
    expect(server.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([375, 750, 1500]);
    expect(retries).toEqual([
      { attempt: 1, delayMs: 375, code: 'api_error' },
      { attempt: 2, delayMs: 750, code: 'api_error' },
      { attempt: 3, delayMs: 1500, code: 'api_error' },
    ]);
    expect(error).toMatchObject({ code: 'api_error', status: 503, serverCode: 'service_unavailable' });
    expect(error.message).toMatch(/down for maintenance.*The service failed; the call was retried 3 times/);
  });

  it('[#91] maxRetries comes from the configuration', async () => {
    const transport = await setUp((_req, res) => sendEnvelope(res, 502, 'bad_gateway'), { maxRetries: 1 });
    await expect(transport.request({ method: 'GET', url: `${server.origin}/x` })).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(2);
  });

  it('[#91] Retry-After replaces the backoff; a final 429 is a RateLimitError with retryAfterSeconds', async () => {
    const transport = await setUp((_req, res) => sendEnvelope(res, 429, 'rate_limit_exceeded', 'slow down', { 'Retry-After': '2' }), { maxRetries: 2 });
    const error = await transport.request({ method: 'GET', url: `${server.origin}/x` }).catch((e: unknown) => e);
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(error).toMatchObject({ code: 'rate_limited', name: 'RateLimitError', retryAfterSeconds: 2, status: 429 });
  });

  it('[#91] Retry-After as an HTTP date uses the wall clock, capped at 60 s', async () => {
    const inTenSeconds = new Date(Date.UTC(2026, 10, 24, 10, 30, 10)).toUTCString();
    const transport = await setUp(failThenOk(2, (_req, res, n) => sendEnvelope(res, 503, 'service_unavailable', 'x', { 'Retry-After': n === 1 ? inTenSeconds : '600' })));
    await transport.request({ method: 'GET', url: `${server.origin}/x` });
    expect(clock.sleeps).toEqual([10_000, 60_000]);
  });

  it('[#91] a 500 is retried once only', async () => {
    const transport = await setUp((_req, res) => sendEnvelope(res, 500, 'internal_error'));
    await expect(transport.request({ method: 'GET', url: `${server.origin}/x` })).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(2);
  });

  it('[#91] processing_failed is never retried', async () => {
    const transport = await setUp((_req, res) => sendEnvelope(res, 500, 'processing_failed'));
    await expect(transport.request({ method: 'GET', url: `${server.origin}/x` })).rejects.toMatchObject({ serverCode: 'processing_failed' });
    expect(server.requests).toHaveLength(1);
  });

  it('[#91] non-idempotent calls are never retried (POST default), even on 503 or a dropped connection', async () => {
    const transport = await setUp((_req, res, n) => (n === 1 ? sendEnvelope(res, 503, 'service_unavailable') : dropConnection(res)));
    await expect(transport.request({ method: 'POST', url: `${server.origin}/v1/sessions`, body: {} })).rejects.toMatchObject({ status: 503 });
    await expect(transport.request({ method: 'POST', url: `${server.origin}/v1/sessions`, body: {} })).rejects.toMatchObject({ code: 'api_error', status: undefined });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
  });
});
