import { describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';
import { call, createSession, KEY_HEADERS, startTestServer, temporaryDataDir, uploadChunk } from './helpers/harness.js';
import { makeWav } from './helpers/wav.js';

describe('fault knobs (test only)', () => {
  it('answers N matching requests with an injected status envelope, then handles normally', async () => {
    const t = await startTestServer();
    t.server.faults.add({ method: 'post', path: '/sessions$', kind: 'status', status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push(await t.call('POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['soap'] } }));
    expect(statuses.map((response) => response.status)).toEqual([503, 503, 201]);
    expect(statuses[0]?.body.error.code).toBe('service_unavailable');
    expect(t.server.requests.map((entry) => entry.fault ?? null)).toEqual(['status', 'status', null]);
    expect(t.server.faults.list()).toEqual([]);
  });

  it('injects 429 with Retry-After and a custom body; GETs are not affected by a POST fault', async () => {
    const t = await startTestServer();
    t.server.faults.add({ method: 'POST', path: /\/end$/, kind: 'status', status: 429, retryAfterSeconds: 2 });
    t.server.faults.add({ method: 'GET', path: '/templates', kind: 'status', status: 500, body: { detail: 'custom' } });
    const id = await createSession(t);
    const limited = await t.call('POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, json: { audio_files_sent: 0 } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body.error.code).toBe('rate_limit_exceeded');
    const custom = await t.call('GET', '/v1/templates', { headers: KEY_HEADERS, validate: false });
    expect(custom.body).toEqual({ detail: 'custom' });
    expect((await t.call('POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, json: { audio_files_sent: 0 } })).status).toBe(202);
  });

  it('drops the connection before handling: the client sees a network error and nothing is stored', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    t.server.faults.add({ path: '/audio/chunk_0\\.wav$', kind: 'drop', when: 'before' });
    await expect(uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }))).rejects.toThrow();
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body).toMatchObject({ status: 'created', audio_files_received: 0 });
    expect(t.server.requests.find((entry) => entry.fault)).toMatchObject({ fault: 'drop-before', status: null });
  });

  it('drops the connection after handling: the chunk landed, and the idempotent re-upload lands exactly once', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    t.server.faults.add({ method: 'POST', path: '/audio/chunk_0\\.wav$', kind: 'drop', when: 'after' });
    await expect(uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }))).rejects.toThrow();
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.audio_files).toEqual(['chunk_0.wav']);
    const retry = await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    expect(retry.body.audio_files_received).toBe(1);
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.audio_files).toEqual(['chunk_0.wav']);
    const uploads = t.server.requests.filter((entry) => entry.upload);
    expect(uploads.map((entry) => [entry.fault ?? null, entry.status])).toEqual([['drop-after', null], [null, 200]]);
  });

  it('delays before handling (a timed-out request had no effect) or after handling (it had)', async () => {
    const t = await startTestServer();
    t.server.faults.add({ path: '/sessions$', kind: 'delay', ms: 400 });
    const before = fetch(`${t.server.url}/v1/sessions`, { method: 'POST', headers: { ...KEY_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify({ templates: ['soap'], session_id: 'delayed-before-0001' }), signal: AbortSignal.timeout(100) });
    await expect(before).rejects.toThrow();
    t.server.faults.add({ path: '/sessions$', kind: 'delay', ms: 300, when: 'after' });
    const after = fetch(`${t.server.url}/v1/sessions`, { method: 'POST', headers: { ...KEY_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify({ templates: ['soap'], session_id: 'delayed-after-00001' }), signal: AbortSignal.timeout(100) });
    await expect(after).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await t.call('GET', '/v1/sessions/delayed-after-00001', { headers: KEY_HEADERS })).status).toBe(202);
    expect((await t.call('GET', '/v1/sessions/delayed-before-0001', { headers: KEY_HEADERS })).status).toBe(404);
    t.server.faults.add({ path: '/health', kind: 'delay', ms: 200 });
    const started = performance.now();
    expect((await t.call('GET', '/health')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('answers an HTML page with a given status (for non-JSON handling)', async () => {
    const t = await startTestServer();
    t.server.faults.add({ path: '/templates$', kind: 'html', status: 502, times: 1 });
    const response = await t.call('GET', '/v1/templates', { headers: KEY_HEADERS, validate: false });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toContain('<html>');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('is reachable over HTTP: POST/GET/DELETE /__test__/faults, GET/DELETE /__test__/requests, POST expire', async () => {
    const t = await startTestServer();
    const added = await t.call('POST', '/__test__/faults', { json: [{ method: 'GET', path: '^/v1/templates$', kind: 'status', status: 500, times: 3 }], validate: false });
    expect(added.status).toBe(201);
    expect(added.body.fault_ids).toHaveLength(1);
    expect((await t.call('GET', '/__test__/faults', { validate: false })).body.faults[0]).toMatchObject({ remaining: 3, spec: { path: '^/v1/templates$' } });
    expect((await t.call('GET', '/v1/templates', { headers: KEY_HEADERS })).status).toBe(500);
    expect((await t.call('DELETE', '/__test__/faults', { validate: false })).status).toBe(204);
    expect((await t.call('GET', '/v1/templates', { headers: KEY_HEADERS })).status).toBe(200);
    const invalid = await t.call('POST', '/__test__/faults', { json: { path: '(', kind: 'status', status: 500 } });
    expect(invalid.status).toBe(400);
    expect((await t.call('POST', '/__test__/faults', { json: { path: 'x', kind: 'explode' } })).status).toBe(400);
    const log = await t.call('GET', '/__test__/requests', { validate: false });
    expect(log.body.requests.map((entry: { path: string }) => entry.path)).toEqual(['/v1/templates', '/v1/templates']);
    expect((await t.call('DELETE', '/__test__/requests', { validate: false })).status).toBe(204);
    expect(t.server.requests).toEqual([]);
    const id = await createSession(t);
    const expired = await t.call('POST', `/__test__/sessions/${id}/expire`, { validate: false });
    expect(expired.body).toEqual({ session_id: id, expired: 1 });
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).status).toBe(410);
  });

  it('the request log records method, path, query, redacted headers, JSON body, upload facts, caller and status', async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    const id = await createSession(t, { templates: ['soap'], additional_data: { a: 1 } }, { ...KEY_HEADERS, 'X-Request-Id': 'create-1' });
    await t.call('GET', `/v1/sessions/${id}?template_id=soap&x=1&x=2`, { headers: { Authorization: 'Bearer sk_test_local_dev' } });
    await t.call('POST', `/voice/v1/sessions/${id}/audio`, { headers: { 'jwt-payload': '{"b-id":"b_local_dev"}', 'Content-Type': 'audio/x-wav', 'Content-Disposition': 'attachment; filename="chunk_0.wav"' }, body: makeWav({ seconds: 0.1 }) });
    const [create, get, upload] = t.server.requests;
    expect(create).toMatchObject({
      requestId: 'create-1',
      method: 'POST',
      path: '/v1/sessions',
      query: {},
      body: { templates: ['soap'], additional_data: { a: 1 } },
      auth: { kind: 'api-key', businessId: 'b_local_dev', clientId: 'local-dev-client' },
      status: 201,
      timestamp: expect.stringMatching(/Z$/),
    });
    expect(create?.headers['x-api-key']).toBe('[redacted]');
    expect(get).toMatchObject({ method: 'GET', query: { template_id: 'soap', x: ['1', '2'] }, status: 202, headers: { authorization: 'Bearer [redacted]' } });
    expect(get?.body).toBeUndefined();
    expect(upload).toMatchObject({ path: `/voice/v1/sessions/${id}/audio`, status: 200, auth: { kind: 'jwt-payload' }, upload: { form: 'C', fileName: 'chunk_0.wav', contentType: 'audio/x-wav', bytes: 3244 } });
    expect(upload?.headers['jwt-payload']).toBe('[redacted]');
    expect(JSON.stringify(t.server.requests)).not.toContain('sk_test_local_dev');
    t.server.clearRequests();
    expect(t.server.requests).toEqual([]);
  });

  it('without testKnobs there are no /__test__ routes, no request log, and the programmatic knobs refuse', async () => {
    const server = await startServer({ dataDir: await temporaryDataDir() });
    try {
      const response = await call(server.url, 'POST', '/__test__/faults', { json: { path: 'x', kind: 'drop', when: 'before' } });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
      expect(() => server.faults.add({ path: 'x', kind: 'drop', when: 'before' })).toThrow(/testKnobs/);
      await expect(server.expireSession('ses_x')).rejects.toThrow(/testKnobs/);
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
