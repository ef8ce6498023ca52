import { describe, expect, it } from 'vitest';
import { APIError, AuthError, RateLimitError, ScribeError, SessionNotFoundError, ValidationError } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';

const GATEWAY_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>upstream unreachable</p></body></html>';

async function rejection(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

describe('[#90] error statuses with non-JSON bodies map to typed errors with readable messages', () => {
  it('an HTML 500 on create → APIError quoting the page, saying it was not JSON, with the request id', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({ method: 'POST', path: '/v1/sessions$', kind: 'html', status: 500 });

    const error = await rejection(client.createSession());

    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(500);
    expect(error.requestId).toBe(t.requests(/\/v1\/sessions$/)[0]?.requestId);
    expect(error.message).toContain('POST /v1/sessions failed (HTTP 500');
    expect(error.message).toContain('500 Injected fault');
    expect(error.message).toContain('not JSON: a proxy or gateway may be in the way');
    expect(error.message).toContain('not retried because repeating it may not be safe');
    expect(t.requests(/\/v1\/sessions$/)).toHaveLength(1);
  });

  it('an HTML 502 gateway page on an idempotent GET is retried, then an APIError with at most 200 characters of it', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { maxRetries: 1 });
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'html', status: 502, html: GATEWAY_PAGE + ' '.repeat(10) + 'x'.repeat(400), times: 2 });

    const error = await rejection(client.templates.list());

    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(502);
    expect(error.message).toContain('Bad Gateway');
    expect(error.message).toContain('retried 1 time');
    expect(error.message).not.toContain('x'.repeat(201));
    expect(t.requests(/\/v1\/templates$/)).toHaveLength(2);
  });

  it('an HTML 403 → AuthError by status', async () => {
    const t = await startTestServer();
    const client = msaClient(t);
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'html', status: 403, html: '<html><body>Forbidden by WAF</body></html>' });

    const error = await rejection(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(403);
    expect(error.message).toContain('Forbidden by WAF');
    expect(error.message).toContain('may not do this');
  });

  it('an HTML 404 on a session path → SessionNotFoundError; elsewhere → APIError pointing at baseUrl', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({ method: 'GET', path: '/v1/sessions/', kind: 'html', status: 404 });
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'html', status: 404 });

    const session = await rejection(client.sessions.get('ses_some_session_id_1'));
    const templates = await rejection(client.templates.list());

    expect(session).toBeInstanceOf(SessionNotFoundError);
    expect(templates).toBeInstanceOf(APIError);
    expect(templates.message).toContain('Nothing answers at /v1/templates: check `baseUrl` and the dialect');
  });

  it('a FastAPI-style {"detail": "..."} 400 → ValidationError whose message is the detail', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({ method: 'POST', path: '/v1/sessions$', kind: 'status', status: 400, body: { detail: 'templates: field required' } });

    const error = await rejection(client.createSession());

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('templates: field required');
  });

  it('[#91] a real 429 from the server’s rate limiter → RateLimitError carrying the wait the server asked for', async () => {
    const t = await startTestServer({ rateLimit: { limit: 1, windowSeconds: 60 } });
    const client = ekaClient(t, { maxRetries: 0 });

    await client.templates.list();
    const error = await rejection(client.templates.list());

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(429);
    expect((error as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(/wait \d+(\.\d+)? s before trying again/);
  });
});

describe('[#90] a 2xx whose body is not JSON', () => {
  it('a non-JSON 200 to create → APIError saying what was expected (never the body itself)', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({ method: 'POST', path: '/v1/sessions$', kind: 'html', status: 200, html: '<html><body>Welcome to the captive portal</body></html>' });

    const error = await rejection(client.createSession());

    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain('Malformed create-session response: expected a JSON object, received text.');
    expect(error.message).toContain('check the configured URLs and the dialect');
    expect(error.message).not.toContain('Welcome');
  });

  it('a non-JSON 200 while polling ends the wait with APIError instead of looping', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'GET', path: '/v1/sessions/', kind: 'html', status: 200, times: 5 });

    const error = await rejection(client.waitForResults(session.sessionId, { interval: 0 }));

    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain('session body');
    expect(t.requests(/\/v1\/sessions\/[^/]+$/, 'GET')).toHaveLength(1);
  });
});
