import { afterEach, describe, expect, it } from 'vitest';
import { selectAuthProvider, type GetTokenOptions } from '../../src/auth';
import { createBearerTokenAuth } from '../../src/auth/bearer-token-auth';
import type { ScribeConfig } from '../../src/config/scribe-config';
import { createManualClock } from '../../src/testing/manual-clock';
import { createHttpTransport } from '../../src/transport';
import { createFakeEka, type FakeEka } from './fake-eka-server';
import { sendEnvelope, sendJson, startTestServer, type TestServer } from './test-server';
import { recordingLogger } from './recording-logger';
import { testConfig } from './test-config';
import { rejectionOf } from './rejection-of';

const API_KEY = 'sk_test_sentinel_api_key';
const ACCESS_TOKEN = 'sentinel-static-access-token';
const JWT_PAYLOAD = { 'b-id': 'b_local_dev', iss: 'dev' };

let server: TestServer;
let fake: FakeEka;
afterEach(async () => server?.close());

async function setUp(overrides: Partial<ScribeConfig>, getToken?: (options: GetTokenOptions) => Promise<string>) {
  fake = createFakeEka();
  server = await startTestServer(fake.handler);
  const clock = createManualClock({ autoAdvance: true });
  const config = testConfig(server.origin, overrides);
  const auth = selectAuthProvider(config, { getToken, clock, random: () => 0.5 });
  const logger = recordingLogger();
  const transport = createHttpTransport({ config, auth, clock, random: () => 0.5, logger });
  const call = () => transport.request({ method: 'GET', url: `${server.origin}/v1/templates` });
  return { auth, transport, call, logger };
}

const everyCredential: Partial<ScribeConfig> = {
  jwtPayload: JWT_PAYLOAD,
  accessToken: ACCESS_TOKEN,
  clientId: 'client-1',
  clientSecret: 'sentinel-secret',
  apiKey: API_KEY,
};

describe('[#12] mode selection (1.1, first match wins)', () => {
  it.each([
    ['jwt-payload', everyCredential, false],
    ['bearer', { ...everyCredential, jwtPayload: undefined }, true],
    ['bearer', { ...everyCredential, jwtPayload: undefined }, false],
    ['client-credentials', { ...everyCredential, jwtPayload: undefined, accessToken: undefined }, false],
    ['api-key', { apiKey: API_KEY, clientId: 'only-the-id' }, false],
    ['none', {}, false],
  ] as const)('[#12] selects %s', async (mode, overrides, withGetToken) => {
    const { auth } = await setUp(overrides, withGetToken ? async () => 'from-callback' : undefined);
    expect(auth.mode).toBe(mode);
  });

  it('[#12] jwt-payload mode: compact JSON header, never logs in, a 401 → AuthError with no retry', async () => {
    const { call, auth } = await setUp(everyCredential);
    fake.onProtocol = (req, res) => (req.headers['jwt-payload'] === '{"b-id":"b_local_dev","iss":"dev"}' ? sendJson(res, 200, {}) : sendEnvelope(res, 401, 'authentication_failed'), true);
    await call();
    expect(fake.protocolCalls[0]!.headers.authorization).toBeUndefined();
    expect(auth.businessId()).toBe('b_local_dev');
    fake.onProtocol = (_req, res) => (sendEnvelope(res, 401, 'authentication_failed', 'bad jwt-payload'), true);
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'auth_error', status: 401 });
    expect(error.message).toMatch(/must carry `b-id`/);
    expect(fake.protocolCalls).toHaveLength(2);
    expect(fake.logins).toHaveLength(0);
  });

  it('[#12] bearer callback: a 401 → one forceRefresh call, one retry with the new token', async () => {
    const calls: boolean[] = [];
    let current = 'token-one-abcdef';
    const { call } = await setUp({}, async ({ forceRefresh }) => {
      calls.push(forceRefresh);
      if (forceRefresh) current = 'token-two-abcdef';
      return current;
    });
    fake.valid.add('token-two-abcdef');
    const response = await call();
    expect(response.status).toBe(200);
    // The forced token is cached: the retry does not ask the callback again (issue 14 item 2).
    expect(calls).toEqual([false, true]);
    expect(fake.protocolCalls.map((r) => r.headers.authorization)).toEqual(['Bearer token-one-abcdef', 'Bearer token-two-abcdef']);
    expect(fake.logins).toHaveLength(0);
  });

  it('[#12] bearer callback that ignores forceRefresh: false still retries with the forced token; a second 401 → AuthError', async () => {
    let forced = 0;
    const { call } = await setUp({}, async ({ forceRefresh }) => (forceRefresh ? `forced-token-${++forced}` : 'cached-stale-token'));
    fake.valid.add('forced-token-1');
    await call();
    expect(fake.protocolCalls.map((r) => r.headers.authorization)).toEqual(['Bearer cached-stale-token', 'Bearer forced-token-1']);
    fake.valid.clear();
    await expect(call()).rejects.toMatchObject({ code: 'auth_error', status: 401 });
    expect(forced).toBe(2);
  });

  it('[#12] concurrent 401s with a bearer callback share one forced refresh', async () => {
    let forced = 0;
    const auth = createBearerTokenAuth({ getToken: async ({ forceRefresh }) => (forceRefresh ? `fresh-token-${++forced}` : 'stale-token') });
    const rejectedHeaders = await auth.headers();
    const results = await Promise.all(Array.from({ length: 5 }, () => auth.onUnauthorized({ rejectedHeaders })));
    expect(results).toEqual(Array(5).fill(true));
    expect(forced).toBe(1);
    expect(await auth.headers()).toEqual({ Authorization: 'Bearer fresh-token-1' });
  });

  it('[#12] static access token: Authorization: Bearer, a 401 → AuthError with no retry', async () => {
    const { call } = await setUp({ accessToken: ACCESS_TOKEN, apiKey: API_KEY });
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'auth_error', status: 401 });
    expect(error.message).toMatch(/getToken/);
    expect(fake.protocolCalls.map((r) => r.headers.authorization)).toEqual([`Bearer ${ACCESS_TOKEN}`]);
    expect(JSON.stringify(error) + error.message).not.toContain(ACCESS_TOKEN);
  });

  it('[#12] API key: a 401 → AuthError with no retry', async () => {
    const { call } = await setUp({ apiKey: API_KEY });
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'auth_error', status: 401 });
    expect(error.message).toMatch(/SCRIBE_API_KEY/);
    expect(fake.protocolCalls).toHaveLength(1);
  });

  it('[#12] no credentials: construction succeeds, the first authenticated call → ConfigError "missing credentials", public calls still work', async () => {
    const { transport, call } = await setUp({ clientId: 'half-configured' });
    fake.onProtocol = (req, res) => (req.url === '/health' ? (sendJson(res, 200, { status: 'ok' }), true) : false);
    await expect(transport.request({ method: 'GET', url: `${server.origin}/health`, auth: false })).resolves.toMatchObject({ status: 200 });
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'config_error', name: 'ConfigError' });
    expect(error.message).toMatch(/^missing credentials/);
    for (const name of ['SCRIBE_CLIENT_ID', 'SCRIBE_CLIENT_SECRET', 'SCRIBE_API_KEY', 'SCRIBE_ACCESS_TOKEN', 'SCRIBE_JWT_PAYLOAD']) {
      expect(error.message).toContain(name);
    }
    expect(error.message).toContain('SCRIBE_CLIENT_ID is set but SCRIBE_CLIENT_SECRET is not');
    expect(fake.protocolCalls).toHaveLength(1);
  });

  it('[#12] a transport built without an auth provider sends public calls and refuses authenticated ones without a request', async () => {
    fake = createFakeEka();
    server = await startTestServer(fake.handler);
    fake.onProtocol = (_req, res) => (sendJson(res, 200, {}), true);
    const transport = createHttpTransport({ config: testConfig(server.origin, { clientId: 'c', clientSecret: 'sentinel-secret' }) });
    await expect(transport.request({ method: 'GET', url: `${server.origin}/v1/templates` })).rejects.toMatchObject({ code: 'config_error' });
    expect(fake.logins).toHaveLength(0);
    expect(fake.protocolCalls).toHaveLength(0);
    await expect(transport.request({ method: 'GET', url: `${server.origin}/public`, auth: false })).resolves.toMatchObject({ status: 200 });
  });
});

describe('[#20] where credentials go', () => {
  it('[#20] API keys go only in X-API-Key, never in a URL or another header', async () => {
    const { transport } = await setUp({ apiKey: API_KEY });
    fake.onProtocol = (_req, res) => (sendJson(res, 200, {}), true);
    await transport.request({ method: 'GET', url: `${server.origin}/v1/sessions/s`, query: { template_id: 'soap' } });
    const [request] = fake.protocolCalls;
    expect(request!.headers['x-api-key']).toBe(API_KEY);
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.url).not.toContain(API_KEY);
    const otherHeaders = Object.entries(request!.headers).filter(([name]) => name !== 'x-api-key');
    expect(JSON.stringify(otherHeaders)).not.toContain(API_KEY);
  });

  it('[#20] jwt-payload mode never logs in', async () => {
    const { call } = await setUp({ jwtPayload: JWT_PAYLOAD, clientId: 'c', clientSecret: 'sentinel-secret' });
    fake.onProtocol = (_req, res) => (sendJson(res, 200, {}), true);
    await call();
    await call();
    expect(fake.logins).toHaveLength(0);
    expect(fake.refreshes).toHaveLength(0);
  });

  it('[#20] calls marked auth: false (discovery, presigned or stream URLs) carry no credentials in any mode', async () => {
    for (const overrides of [{ apiKey: API_KEY }, { accessToken: ACCESS_TOKEN }, { jwtPayload: JWT_PAYLOAD }, { clientId: 'c', clientSecret: 'sentinel-secret' }]) {
      const { transport } = await setUp(overrides);
      fake.onProtocol = (_req, res) => (sendJson(res, 200, {}), true);
      await transport.request({ method: 'GET', url: `${server.origin}/.well-known/medscribealliance`, auth: false });
      await transport.request({ method: 'PUT', url: `${server.origin}/bucket/chunk_0.wav?X-Amz-Signature=abc`, body: new Uint8Array([1]), auth: false, idempotent: true });
      for (const request of fake.protocolCalls) {
        expect(request.headers.authorization).toBeUndefined();
        expect(request.headers['x-api-key']).toBeUndefined();
        expect(request.headers['jwt-payload']).toBeUndefined();
      }
      expect(fake.logins).toHaveLength(0);
      await server.close();
    }
  });

  it('[#20] an authenticated call does not follow a redirect to another host: the key stays home, the 3xx is an APIError', async () => {
    const elsewhere = await startTestServer((_req, res) => sendJson(res, 200, {}));
    try {
      const { transport } = await setUp({ apiKey: API_KEY });
      fake.onProtocol = (_req, res) => (res.writeHead(302, { Location: `${elsewhere.origin}/steal?token=leaked-token` }).end(), true);
      const error = await rejectionOf(transport.request({ method: 'GET', url: `${server.origin}/v1/templates` }));
      expect(error).toMatchObject({ code: 'api_error', status: 302 });
      expect(error.message).toMatch(/Unexpected redirect to 127\.0\.0\.1:\d+;/);
      expect(error.message).not.toContain('leaked-token');
      expect(error.message).not.toContain('/steal');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('provider failures and hooks', () => {
  it('a getToken callback that throws becomes an AuthError', async () => {
    const { call } = await setUp({}, async () => {
      throw new TypeError('token endpoint unreachable');
    });
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'auth_error', name: 'AuthError' });
    expect(error.message).toContain('token endpoint unreachable');
    expect(fake.protocolCalls).toHaveLength(0);
  });

  it('onUnauthorized fires on every 401 of an authenticated call (the discovery cache drops itself there)', async () => {
    fake = createFakeEka();
    server = await startTestServer(fake.handler);
    let drops = 0;
    const config = testConfig(server.origin, { clientId: 'c', clientSecret: 'sentinel-secret' });
    const clock = createManualClock({ autoAdvance: true });
    const auth = selectAuthProvider(config, { clock });
    const transport = createHttpTransport({ config, auth, onUnauthorized: () => (drops += 1), clock });
    fake.onProtocol = (req, res) => (req.url === '/public' ? sendEnvelope(res, 401, 'authentication_failed') : sendEnvelope(res, 401, 'token_expired'), true);
    await expect(transport.request({ method: 'GET', url: `${server.origin}/v1/templates` })).rejects.toMatchObject({ status: 401 });
    expect(drops).toBe(2);
    await expect(transport.request({ method: 'GET', url: `${server.origin}/public`, auth: false })).rejects.toMatchObject({ status: 401 });
    expect(drops).toBe(2);
  });
});
