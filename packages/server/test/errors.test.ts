import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { contract, createSession, KEY_HEADERS, startTestServer } from './helpers/harness.js';

describe('error envelope (8.1, 2.1)', () => {
  it('[#88] malformed JSON, wrong types, unknown routes, wrong methods and oversized bodies answer the envelope', async () => {
    const t = await startTestServer();
    const cases: [string, string, Record<string, unknown>, number, string][] = [
      ['POST', '/v1/sessions', { body: '{"templates": [', headers: { ...KEY_HEADERS, 'Content-Type': 'application/json' } }, 400, 'invalid_request'],
      ['POST', '/v1/sessions', { json: { templates: 'soap' }, headers: KEY_HEADERS }, 400, 'invalid_request'],
      ['POST', '/v1/sessions', { json: 42, headers: KEY_HEADERS }, 400, 'invalid_request'],
      ['GET', '/v2/sessions', {}, 404, 'not_found'],
      ['GET', '/', {}, 404, 'not_found'],
      ['GET', '/v1/sessions/a/b/c', { headers: KEY_HEADERS }, 404, 'not_found'],
      ['DELETE', '/v1/sessions/ses_x', { headers: KEY_HEADERS }, 405, 'method_not_allowed'],
      ['POST', '/.well-known/medscribealliance', {}, 405, 'method_not_allowed'],
      ['GET', '/v1/sessions/%E0%A4%A', { headers: KEY_HEADERS }, 400, 'invalid_request'],
      ['POST', '/v1/sessions', { json: { templates: ['soap'], additional_data: { pad: 'x'.repeat(70 * 1024) } }, headers: KEY_HEADERS }, 413, 'payload_too_large'],
    ];
    for (const [method, path, init, status, code] of cases) {
      const response = await t.call(method, path, init);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.body.error.code, `${method} ${path}`).toBe(code);
      expect(contract.validateSchema('ErrorEnvelope', response.body).valid).toBe(true);
    }
    const wrongMethod = await t.call('PUT', '/v1/sessions', { headers: KEY_HEADERS });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('[#88] no input yields a 500: a burst of hostile requests gets only 4xx envelopes', async () => {
    const t = await startTestServer({ rateLimit: false });
    const id = await createSession(t);
    const bodies = ['null', '[]', '""', '{"templates":[null]}', '{"templates":[{}]}', '{"__proto__":{"x":1},"templates":["soap"]}', '\u0000', '{"a":'.repeat(200)];
    const paths = ['/v1/sessions', `/v1/sessions/${id}`, `/v1/sessions/${id}/end`, '/v1/webhooks', '/connect-auth/v1/account/login', `/v1/sessions/${id}/audio`];
    for (const path of paths) {
      for (const body of bodies) {
        for (const method of ['POST', 'PATCH']) {
          const response = await t.call(method, path, { headers: { ...KEY_HEADERS, 'Content-Type': 'application/json' }, body });
          expect(response.status, `${method} ${path} ${body.slice(0, 20)}`).toBeLessThan(500);
        }
      }
    }
    const headers: Record<string, string>[] = [{ 'X-API-Key': '\t' }, { Authorization: 'Bearer' }, { Authorization: 'Bearer ..' }, { 'jwt-payload': 'null' }, { 'MSA-Version': '' }];
    for (const extra of headers) expect((await t.call('GET', '/v1/templates', { headers: { ...KEY_HEADERS, ...extra } })).status).toBeLessThan(500);
  });

  it('[#88] requests the HTTP parser rejects still get the JSON envelope, not a bare default', async () => {
    const t = await startTestServer();
    const { port } = t.server;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GARBAGE / HTTP/9.9\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/X-Request-Id: req_/);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body.error.code).toBe('invalid_request');
    expect(contract.validateSchema('ErrorEnvelope', body).valid).toBe(true);
  });

  it('[#88] a template id like __proto__ is stored and rendered safely', async () => {
    const t = await startTestServer();
    const created = await t.call('POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['__proto__', 'constructor'] } });
    expect(created.status).toBe(201);
    expect((await t.call('GET', `/v1/sessions/${created.body.session_id}`, { headers: KEY_HEADERS })).status).toBe(202);
  });
});

describe('request ids, rate limits and CORS (2.1, 8.3, 0.3)', () => {
  it('[#89] every response carries X-Request-Id: a valid client value is echoed, an invalid one replaced', async () => {
    const t = await startTestServer();
    const echoed = await t.call('GET', '/health', { headers: { 'X-Request-Id': 'client.req-42_A' } });
    expect(echoed.headers.get('x-request-id')).toBe('client.req-42_A');
    for (const bad of ['has space', 'x'.repeat(65), 'ümlaut', '']) {
      const response = await t.call('GET', '/v1/nothing', { headers: bad === 'ümlaut' ? {} : { 'X-Request-Id': bad } });
      expect(response.headers.get('x-request-id')).not.toBe(bad);
      expect(response.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9]{24}$/);
    }
    const preflight = await t.call('OPTIONS', '/v1/sessions', { headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'POST' }, validate: false });
    expect(preflight.headers.get('x-request-id')).toBeTruthy();
  });

  it('[#89] over the per-credential limit → 429 rate_limit_exceeded with Retry-After and X-RateLimit-*', async () => {
    const t = await startTestServer({ trustJwtPayload: true, rateLimit: { limit: 3, windowSeconds: 60 } });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i += 1) {
      last = await t.call('GET', '/v1/templates', { headers: KEY_HEADERS });
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('x-ratelimit-limit')).toBe('3');
        expect(last.headers.get('x-ratelimit-remaining')).toBe('2');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.body.error.code).toBe('rate_limit_exceeded');
    expect(last?.body.error.details).toMatchObject({ retry_after_seconds: expect.any(Number), limit: 3, window: '60s' });
    const retryAfter = Number(last?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last?.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    // Per credential: another caller still has its budget; public routes are not limited.
    expect((await t.call('GET', '/v1/templates', { headers: { 'jwt-payload': '{"b-id":"b_x"}' } })).status).toBe(200);
    expect((await t.call('GET', '/health')).status).toBe(200);
  });

  it('[#89] the window resets', async () => {
    let now = Date.now();
    const t = await startTestServer({ rateLimit: { limit: 1, windowSeconds: 10 }, now: () => now });
    expect((await t.call('GET', '/v1/templates', { headers: KEY_HEADERS })).status).toBe(200);
    expect((await t.call('GET', '/v1/templates', { headers: KEY_HEADERS })).status).toBe(429);
    now += 10_000;
    expect((await t.call('GET', '/v1/templates', { headers: KEY_HEADERS })).status).toBe(200);
  });

  it('[#89] CORS: preflights answered with the allowed and exposed headers; every response allows any origin', async () => {
    const t = await startTestServer();
    const preflight = await t.call('OPTIONS', '/voice/v1/sessions/ses_x/audio/chunk_0.wav', {
      headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-api-key,content-type' },
      validate: false,
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'x-api-key', 'content-type', 'content-disposition', 'x-chunk-index', 'msa-version', 'jwt-payload', 'x-request-id']) expect(allowed).toContain(header);
    const response = await t.call('GET', '/v1/templates', { headers: { ...KEY_HEADERS, Origin: 'http://app.test' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const header of ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-msa-deprecated', 'x-msa-sunset-date']) expect(exposed).toContain(header);
  });

  it('[#88] a request without a Host header still gets usable generated URLs', async () => {
    const t = await startTestServer();
    const body = JSON.stringify({ templates: ['soap'] });
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request(`${t.server.url}/v1/sessions`, { method: 'POST', headers: { ...KEY_HEADERS, 'Content-Type': 'application/json', Host: 'bad host!' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(JSON.parse(answer).upload_url).toMatch(new RegExp(`^${t.server.url}/v1/sessions/ses_`));
  });
});
