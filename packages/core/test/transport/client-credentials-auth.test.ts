import { afterEach, describe, expect, it } from 'vitest';
import { AUTH_REQUEST_TIMEOUT_MS, selectAuthProvider } from '../../src/auth';
import { createClientCredentialsAuth } from '../../src/auth/client-credentials-auth';
import { ScribeError } from '../../src/errors';
import { createManualClock, type ManualClock } from '../../src/testing/manual-clock';
import { createHttpTransport, type Transport, type TransportRequest } from '../../src/transport';
import { createFakeEka, type FakeEka } from './fake-eka-server';
import { dropConnection, fakeJwt, realDelay, sendEnvelope, sendJson, sendText, startTestServer, type TestServer } from './test-server';
import { recordingLogger } from './recording-logger';
import { testConfig } from './test-config';
import { rejectionOf } from './rejection-of';

const CLIENT_SECRET = 'sentinel-client-secret-7d1e';
const API_KEY = 'sentinel-api-key-55aa';

let server: TestServer;
let fake: FakeEka;
let clock: ManualClock;
afterEach(async () => server?.close());

async function setUp(overrides: Parameters<typeof testConfig>[1] = {}) {
  fake = createFakeEka();
  server = await startTestServer(fake.handler);
  clock = createManualClock({ autoAdvance: true });
  const logger = recordingLogger();
  const config = testConfig(server.origin, { clientId: 'client-1', clientSecret: CLIENT_SECRET, ...overrides });
  const auth = selectAuthProvider(config, { clock, random: () => 0.5, logger });
  const transport = createHttpTransport({ config, auth, clock, random: () => 0.5, logger });
  const call = (signal?: AbortSignal) => transport.request({ method: 'GET', url: `${server.origin}/v1/templates`, signal });
  return { auth, transport, call, logger, config };
}

describe('client-credentials login (1.2)', () => {
  it('[#13] logs in lazily with the 1.2 request: JSON body, no auth header', async () => {
    const { call, auth } = await setUp();
    expect(auth.mode).toBe('client-credentials');
    expect(fake.logins).toHaveLength(0);
    await call();
    expect(fake.logins).toHaveLength(1);
    const [login] = fake.logins;
    expect(login!.method).toBe('POST');
    expect(login!.json).toEqual({ client_id: 'client-1', client_secret: CLIENT_SECRET });
    expect(login!.headers['content-type']).toMatch(/^application\/json/);
    expect(login!.headers.authorization).toBeUndefined();
    expect(login!.headers['x-api-key']).toBeUndefined();
    expect(fake.protocolCalls[0]!.headers.authorization).toBe(`Bearer ${fake.issued[0]}`);
  });

  it('[#13] adds api_key to the login body when configured, and never sends it as a header', async () => {
    const { call } = await setUp({ apiKey: API_KEY });
    await call();
    expect(fake.logins[0]!.json).toEqual({ client_id: 'client-1', client_secret: CLIENT_SECRET, api_key: API_KEY });
    expect(fake.protocolCalls[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('[#14] login and refresh use a 30 s timeout and never carry credentials in the URL', async () => {
    const requests: TransportRequest[] = [];
    const recorder: Transport = {
      request: async <T>(request: TransportRequest) => {
        requests.push(request);
        return { status: 200, headers: new Headers(), data: { access_token: 'tok-1234', expires_in: 60 } as T, requestId: undefined };
      },
    };
    const auth = createClientCredentialsAuth({ config: testConfig('http://127.0.0.1:9', { clientId: 'c', clientSecret: CLIENT_SECRET }), transport: recorder, clock: createManualClock() });
    await auth.headers();
    expect(requests[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:9/connect-auth/v1/account/login', auth: false, idempotent: true, timeoutMs: AUTH_REQUEST_TIMEOUT_MS });
    expect(AUTH_REQUEST_TIMEOUT_MS).toBe(30_000);
  });

  it.each([
    ['a 2xx without access_token', (res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, { token_type: 'Bearer' })],
    ['a non-JSON 2xx', (res: Parameters<typeof sendJson>[0]) => sendText(res, 200, '<html>login</html>', 'text/html')],
  ])('[#14] %s → AuthError "login response missing access_token"', async (_name, reply) => {
    const { call } = await setUp();
    fake.onLogin = (_req, res) => (reply(res), true);
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'auth_error', status: 200 });
    expect(error.message).toMatch(/^login response missing access_token/);
    expect(fake.protocolCalls).toHaveLength(0);
  });

  it('[#14] expires_in absent, 0 or not a number → 3600 s: reused until 5 minutes before expiry, then refreshed', async () => {
    for (const expiresIn of [null, 0, 'soon']) {
      const { call } = await setUp();
      fake.expiresIn = expiresIn;
      await call();
      clock.spend(3600_000 - 300_000 - 1);
      await call();
      expect([fake.logins.length, fake.refreshes.length]).toEqual([1, 0]);
      clock.spend(1);
      await call();
      expect([fake.logins.length, fake.refreshes.length]).toEqual([1, 1]);
      await server.close();
    }
  });

  it('[#14] a short token goes stale at half its lifetime (the skew is capped)', async () => {
    const { call } = await setUp();
    fake.expiresIn = 60;
    await call();
    clock.spend(29_999);
    await call();
    expect(fake.refreshes).toHaveLength(0);
    clock.spend(1);
    await call();
    expect(fake.refreshes).toHaveLength(1);
  });

  it('[#14] refresh sends {refresh_token, access_token}; a returned refresh token rotates, an absent one is kept', async () => {
    const { call } = await setUp();
    fake.expiresIn = 60;
    await call();
    clock.spend(30_000);
    await call();
    expect(fake.refreshes[0]!.json).toEqual({ refresh_token: 'refresh-token-1-sentinel', access_token: fake.issued[0] });
    expect(fake.refreshes[0]!.headers.authorization).toBeUndefined();
    fake.sendRefreshToken = false;
    clock.spend(30_000);
    await call();
    expect(fake.refreshes[1]!.json).toEqual({ refresh_token: 'refresh-token-2-sentinel', access_token: fake.issued[1] });
    clock.spend(30_000);
    await call();
    expect(fake.refreshes[2]!.json).toEqual({ refresh_token: 'refresh-token-2-sentinel', access_token: fake.issued[2] });
    expect(fake.logins).toHaveLength(1);
    expect(fake.protocolCalls.at(-1)!.headers.authorization).toBe(`Bearer ${fake.issued[3]}`);
  });

  it('[#14] no refresh token → a stale token is renewed by a fresh login', async () => {
    const { call } = await setUp();
    fake.sendRefreshToken = false;
    fake.expiresIn = 60;
    await call();
    clock.spend(30_000);
    await call();
    expect([fake.logins.length, fake.refreshes.length]).toEqual([2, 0]);
  });

  it.each([
    ['a 401', (res: Parameters<typeof sendJson>[0]) => sendEnvelope(res, 401, 'authentication_failed')],
    ['a 500', (res: Parameters<typeof sendJson>[0]) => sendEnvelope(res, 500, 'internal_error')],
    ['a dropped connection', (res: Parameters<typeof sendJson>[0]) => dropConnection(res)],
    ['a body without access_token', (res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, { refresh_token: 'x' })],
    ['an HTML page', (res: Parameters<typeof sendJson>[0]) => sendText(res, 200, '<html></html>', 'text/html')],
  ])('[#15] refresh failure (%s) falls back to a fresh login', async (_name, reply) => {
    const { call } = await setUp();
    fake.expiresIn = 60;
    await call();
    fake.onRefresh = (_req, res) => (reply(res), true);
    clock.spend(30_000);
    await call();
    expect([fake.logins.length, fake.refreshes.length]).toEqual([2, 1]);
    expect(fake.protocolCalls.at(-1)!.headers.authorization).toBe(`Bearer ${fake.issued.at(-1)}`);
  });

  it('[#16] 10 concurrent first calls cause one login', async () => {
    const { call } = await setUp();
    await Promise.all(Array.from({ length: 10 }, () => call()));
    expect(fake.logins).toHaveLength(1);
    expect(fake.protocolCalls).toHaveLength(10);
  });

  it('[#16] 10 concurrent stale calls cause one refresh', async () => {
    const { call } = await setUp();
    fake.expiresIn = 60;
    await call();
    clock.spend(30_000);
    await Promise.all(Array.from({ length: 10 }, () => call()));
    expect([fake.logins.length, fake.refreshes.length]).toEqual([1, 1]);
  });

  it('[#16] a caller that aborts stops waiting; the shared login serves the others', async () => {
    const { call } = await setUp();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.onLogin = (_req, res) => {
      void gate.then(() => {
        const token = fakeJwt({ 'b-id': 'b_late' });
        fake.valid.add(token);
        sendJson(res, 200, { access_token: token });
      });
      return true;
    };
    const controller = new AbortController();
    const aborted = call(controller.signal).catch((e: unknown) => e);
    const other = call();
    while (fake.logins.length === 0) await realDelay(5);
    controller.abort();
    release();
    expect(await aborted).toMatchObject({ code: 'aborted' });
    await expect(other).resolves.toMatchObject({ status: 200 });
    expect(fake.logins).toHaveLength(1);
  });

  it('[#17] a 401 gives one fresh login and one retry', async () => {
    const { call } = await setUp();
    await call();
    fake.valid.clear();
    const response = await call();
    expect(response.status).toBe(200);
    expect([fake.logins.length, fake.refreshes.length, fake.protocolCalls.length]).toEqual([2, 0, 3]);
    expect(fake.protocolCalls.at(-1)!.headers.authorization).toBe(`Bearer ${fake.issued[1]}`);
  });

  it('[#17] a second 401 → AuthError, no loop', async () => {
    const { call } = await setUp();
    fake.onProtocol = (_req, res) => (sendEnvelope(res, 401, 'token_expired', 'token expired'), true);
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'auth_error', status: 401, serverCode: 'token_expired' });
    expect(error.message).toContain(`issued by the auth host \`${server.origin}\` (set by your configuration, so \`env\` does not choose it)`);
    expect([fake.logins.length, fake.protocolCalls.length]).toEqual([2, 2]);
  });

  it('[#17] concurrent 401s for one token share one fresh login', async () => {
    const { call } = await setUp();
    await call();
    fake.valid.clear();
    await Promise.all(Array.from({ length: 5 }, () => call()));
    expect(fake.logins).toHaveLength(2);
  });

  it.each([
    [404, { error: { code: 'PROFILE_NOT_FOUND', message: 'PROFILE_NOT_FOUND' } }, 'PROFILE_NOT_FOUND'],
    [400, { error: { code: 'PWD_MISMATCH', message: 'pwd mismatch' } }, 'pwd mismatch'],
  ])('[#18] a %i login → AuthError with status, server text and advice naming env and the auth host, no secrets', async (status, body, text) => {
    const { call, logger } = await setUp({ apiKey: API_KEY });
    fake.onLogin = (_req, res) => (sendJson(res, status, body), true);
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ code: 'auth_error', status, serverCode: body.error.code });
    expect(error.message).toContain(text);
    // The auth host was set by hand: the advice names it, and names `env` only to say it does not choose the host.
    expect(error.message).toContain(`Check that the client id and secret were issued by the auth host \`${server.origin}\` (set by your configuration, so \`env\` does not choose it).`);
    expect(error.message).not.toContain('{"error"');
    const everything = `${error.message}${JSON.stringify(error)}${String(error.cause)}${logger.lines.join('\n')}`;
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain(API_KEY);
    expect(fake.logins).toHaveLength(1);
  });

  it('[#18] with the preset auth host (nothing set by hand), the advice names `env` and that host', async () => {
    const { call } = await setUp({ explicitUrls: { baseUrl: false, authBaseUrl: false, discoveryUrl: false } });
    fake.onLogin = (_req, res) => (sendJson(res, 400, { error: { code: 'PWD_MISMATCH', message: 'pwd mismatch' } }), true);
    const error = await rejectionOf(call());
    expect(error.message).toBe(
      `Login failed (HTTP 400, PWD_MISMATCH): pwd mismatch. Check that \`env\` (now \`prod\`, auth host \`${server.origin}\`) matches where the credentials were issued.`,
    );
  });

  it('[#18] the login body excerpt is capped at 200 characters and redacted', async () => {
    const { call } = await setUp();
    fake.onLogin = (_req, res) => (sendText(res, 400, `bad secret ${CLIENT_SECRET} ${'z'.repeat(400)}`), true);
    const error = await rejectionOf(call());
    expect(error.message).toContain('bad secret [REDACTED]');
    expect(error.message).not.toContain('z'.repeat(200));
    expect(error.message).not.toContain(CLIENT_SECRET);
  });

  it('[#14] login network errors are retried per the policy', async () => {
    const { call } = await setUp();
    fake.onLogin = (_req, res) => (fake.logins.length <= 2 ? (dropConnection(res), true) : false);
    await call();
    expect(fake.logins).toHaveLength(3);
    expect(clock.sleeps).toEqual([375, 750]);
  });

  it('[#19] exposes the business id from the b-id claim of its own token', async () => {
    const { call, auth } = await setUp();
    expect(auth.businessId()).toBeUndefined();
    await call();
    expect(auth.businessId()).toBe('b_test_business');
  });

  it('[#94] no sentinel secret reaches logs, messages, causes or serialised errors across a failing flow', async () => {
    const { call, logger } = await setUp({ apiKey: API_KEY });
    await call();
    const tokens = [...fake.issued, 'refresh-token-1-sentinel'];
    fake.onProtocol = (_req, res) => (sendText(res, 401, `rejected ${tokens[0]} / refresh-token-1-sentinel / ${CLIENT_SECRET}`), true);
    const error = await rejectionOf(call());
    expect(ScribeError.is(error)).toBe(true);
    const everything = `${error.message}${JSON.stringify(error)}${String(error.cause)}${logger.lines.join('\n')}`;
    for (const secret of [CLIENT_SECRET, API_KEY, ...fake.issued, 'refresh-token-1-sentinel', 'refresh-token-2-sentinel']) {
      expect(everything).not.toContain(secret);
    }
  });
});
