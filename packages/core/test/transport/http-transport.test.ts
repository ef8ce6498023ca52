import { afterEach, describe, expect, it } from 'vitest';
import { createApiKeyAuth } from '../../src/auth';
import { createManualClock } from '../../src/testing/manual-clock';
import { createHttpTransport, DEFAULT_USER_AGENT, type TransportWarning } from '../../src/transport';
import { liveTimers, realDelay, sendEnvelope, sendJson, sendText, startTestServer, type TestServer } from './test-server';
import { recordingLogger } from './recording-logger';
import { testConfig } from './test-config';
import { rejectionOf } from './rejection-of';

let server: TestServer;
afterEach(async () => server?.close());

function transportFor(overrides: Parameters<typeof testConfig>[1] = {}, extra: Partial<Parameters<typeof createHttpTransport>[0]> = {}) {
  return createHttpTransport({
    config: testConfig(server.origin, overrides),
    auth: createApiKeyAuth({ apiKey: 'sk_test_transport_key' }),
    clock: createManualClock({ autoAdvance: true }),
    random: () => 0.5,
    ...extra,
  });
}

describe('requests', () => {
  it('[#92] any 2xx is success: 201 on upload, 200 on end, 202, 204', async () => {
    const statuses = [201, 200, 202, 204];
    server = await startTestServer((_req, res, n) => (statuses[n - 1] === 204 ? sendText(res, 204, '') : sendJson(res, statuses[n - 1]!, { n })));
    const transport = transportFor();
    const upload = await transport.request({ method: 'POST', url: `${server.origin}/v1/sessions/s/audio/chunk_0.wav`, body: new Uint8Array([1, 2]), idempotent: true });
    const end = await transport.request({ method: 'POST', url: `${server.origin}/v1/sessions/s/end`, body: { audio_files_sent: 1 } });
    const get = await transport.request({ method: 'GET', url: `${server.origin}/v1/sessions/s` });
    const empty = await transport.request({ method: 'DELETE', url: `${server.origin}/v1/webhooks/w` });
    expect([upload.status, end.status, get.status, empty.status]).toEqual([201, 200, 202, 204]);
    expect(upload.data).toEqual({ n: 1 });
    expect(upload.requestId).toBe('req-201');
    expect(empty.data).toBeUndefined();
  });

  it('sends JSON bodies, joins queries, and sets Accept and User-Agent', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, {}));
    await transportFor().request({
      method: 'POST',
      url: `${server.origin}/v1/sessions?a=1`,
      query: { template_id: 'soap note', skip: undefined },
      body: { model: 'lite', list: [1] },
    });
    const [received] = server.requests;
    expect(received!.url).toBe('/v1/sessions?a=1&template_id=soap+note');
    expect(received!.json).toEqual({ model: 'lite', list: [1] });
    expect(received!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(received!.headers.accept).toBe('application/json');
    expect(received!.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('sends bytes raw and FormData as multipart', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, {}));
    const transport = transportFor({}, { userAgent: 'my-app/1' });
    await transport.request({ method: 'PUT', url: `${server.origin}/up`, body: new Uint8Array([82, 73, 70, 70]), headers: { 'Content-Type': 'audio/wav' } });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' }), 'chunk_0.wav');
    await transport.request({ method: 'POST', url: `${server.origin}/form`, body: form });
    const [raw, multipart] = server.requests;
    expect(raw!.headers['content-type']).toBe('audio/wav');
    expect(raw!.text).toBe('RIFF');
    expect(raw!.headers['user-agent']).toBe('my-app/1');
    expect(multipart!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart!.text).toContain('filename="chunk_0.wav"');
  });

  it('returns resultStatuses as results (a 410 session body) and non-JSON 2xx bodies as text', async () => {
    server = await startTestServer((req, res) =>
      req.url === '/gone' ? sendJson(res, 410, { session_id: 's', status: 'expired' }) : sendText(res, 200, '<html>ok</html>', 'text/html'),
    );
    const transport = transportFor();
    const gone = await transport.request({ method: 'GET', url: `${server.origin}/gone`, resultStatuses: [410] });
    expect(gone).toMatchObject({ status: 410, data: { status: 'expired' } });
    const html = await transport.request({ method: 'GET', url: `${server.origin}/page` });
    expect(html.data).toBe('<html>ok</html>');
    expect(html.bodyText).toBe('<html>ok</html>');
  });

  it('[#90] maps a real error response with status, code, details and request id', async () => {
    server = await startTestServer((_req, res) =>
      sendJson(res, 404, { error: { code: 'session_not_found', message: 'No session ses_x.', details: { session_id: 'ses_x' } } }, { 'X-Request-Id': 'req-abc' }),
    );
    const error = await transportFor().request({ method: 'GET', url: `${server.origin}/v1/sessions/ses_x`, sessionPath: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'session_not_found', status: 404, serverCode: 'session_not_found', requestId: 'req-abc', details: { session_id: 'ses_x' } });
    expect(server.requests).toHaveLength(1);
  });

  it('[#90] copes with an HTML error page from a proxy', async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>${'.'.repeat(300)}</body></html>`;
    server = await startTestServer((_req, res) => sendText(res, 502, page, 'text/html'));
    const error = await rejectionOf(transportFor().request({ method: 'POST', url: `${server.origin}/v1/sessions`, body: {} }));
    expect(error).toMatchObject({ code: 'api_error', status: 502 });
    expect(error.message).toContain(page.slice(0, 200));
    expect(error.message).toMatch(/not retried because repeating it may not be safe/);
  });
});

describe('MSA-Version and deprecation', () => {
  it('[#10] sends MSA-Version from the hook on protocol calls in msa only, and reports deprecation once', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, {}, { 'X-MSA-Deprecated': 'true', 'X-MSA-Sunset-Date': '2027-06-01' }));
    const warnings: TransportWarning[] = [];
    const msa = transportFor({ dialect: 'msa' }, { getVersionHeader: async () => '0.1', onWarning: (w) => warnings.push(w) });
    await msa.request({ method: 'GET', url: `${server.origin}/v1/templates` });
    await msa.request({ method: 'GET', url: `${server.origin}/v1/templates` });
    await msa.request({ method: 'GET', url: `${server.origin}/.well-known/medscribealliance`, auth: false });
    await transportFor({ dialect: 'eka' }, { getVersionHeader: async () => '0.1', onWarning: () => undefined }).request({ method: 'GET', url: `${server.origin}/v1/templates` });
    expect(server.requests.map((r) => r.headers['msa-version'])).toEqual(['0.1', '0.1', undefined, undefined]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'deprecated_version', version: '0.1', sunsetDate: '2027-06-01' })]);
    expect(warnings[0]!.message).toContain('2027-06-01');
  });
});

describe('timeouts and aborts', () => {
  it('a slow answer past the per-attempt timeout is a TimeoutError, not an AbortError', async () => {
    server = await startTestServer(async (_req, res) => {
      await realDelay(1000);
      if (!res.destroyed) sendJson(res, 200, {});
    });
    const started = Date.now();
    const error = await rejectionOf(transportFor({ maxRetries: 0 }).request({ method: 'GET', url: `${server.origin}/slow`, timeoutMs: 100 }));
    expect(error).toMatchObject({ code: 'timeout', name: 'TimeoutError', retryable: true });
    expect(error.message).toMatch(/within 0.1 s/);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('[#41] a timed-out idempotent call is retried', async () => {
    server = await startTestServer(async (_req, res, n) => {
      if (n === 1) await realDelay(400);
      if (!res.destroyed) sendJson(res, 200, { n });
    });
    const response = await transportFor({ requestTimeout: 0.1 }).request({ method: 'GET', url: `${server.origin}/slow-once` });
    expect(response.data).toEqual({ n: 2 });
  });

  it("the caller's signal cancels an in-flight request with AbortError and leaves no timer", async () => {
    // The server never answers: it must not hold a timer of its own, or the count below would see it.
    server = await startTestServer((req, res) => (req.url === '/warm' ? sendJson(res, 200, {}) : undefined));
    await transportFor().request({ method: 'GET', url: `${server.origin}/warm` });
    const timersBefore = liveTimers();
    const controller = new AbortController();
    const pending = transportFor().request({ method: 'GET', url: `${server.origin}/hang`, signal: controller.signal }).catch((e: unknown) => e);
    await realDelay(50);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'aborted', name: 'AbortError' });
    expect(liveTimers()).toBeLessThanOrEqual(timersBefore);
  });

  it('the signal cancels a retry wait: no sleep survives', async () => {
    server = await startTestServer((_req, res) => sendEnvelope(res, 503, 'service_unavailable'));
    const clock = createManualClock();
    const controller = new AbortController();
    const pending = transportFor({}, { clock }).request({ method: 'GET', url: `${server.origin}/down`, signal: controller.signal }).catch((e: unknown) => e);
    while (clock.pendingSleeps === 0) await realDelay(5);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'aborted' });
    expect(clock.pendingSleeps).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing; an AbortSignal.timeout deadline is a TimeoutError', async () => {
    server = await startTestServer(async (_req, res) => {
      await realDelay(300);
      if (!res.destroyed) sendJson(res, 200, {});
    });
    const aborted = AbortSignal.abort();
    await expect(transportFor().request({ method: 'GET', url: `${server.origin}/x`, signal: aborted })).rejects.toMatchObject({ code: 'aborted' });
    expect(server.requests).toHaveLength(0);
    await expect(transportFor().request({ method: 'GET', url: `${server.origin}/x`, signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ code: 'timeout' });
  });
});

describe('logging', () => {
  it('[#94] the logger gets redacted one-line summaries only', async () => {
    server = await startTestServer((_req, res, n) => (n === 1 ? sendEnvelope(res, 503, 'service_unavailable') : sendJson(res, 200, { ok: true })));
    const logger = recordingLogger();
    await transportFor({}, { logger }).request({ method: 'GET', url: `${server.origin}/v1/stream/sessions/strm_secret_id/audio` });
    expect(logger.lines.length).toBeGreaterThanOrEqual(3);
    const all = logger.lines.join('\n');
    expect(all).toContain('retrying GET');
    expect(all).not.toContain('sk_test_transport_key');
    expect(all).not.toContain('strm_secret_id');
  });
});
