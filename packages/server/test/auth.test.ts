import { describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';
import { call, createSession, DEV_KEY, KEY_HEADERS, startTestServer, temporaryDataDir, type TestServer } from './helpers/harness.js';

const LOGIN = '/connect-auth/v1/account/login';
const REFRESH = '/connect-auth/v1/account/refresh-token';
const DEV_LOGIN = { client_id: 'local-dev-client', client_secret: 'local-dev-secret' };

async function login(t: TestServer, body: unknown = DEV_LOGIN) {
  return t.call('POST', LOGIN, { json: body });
}

function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('login and refresh (1.6)', () => {
  it('[#21] login with valid credentials → 200 with access_token, refresh_token, expires_in, token_type', async () => {
    const t = await startTestServer();
    const response = await login(t);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(response.body.expires_in).toBe(3600);
    expect(response.body.token_type).toBe('Bearer');
    expect(Buffer.from(response.body.refresh_token, 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it('[#21] login with an unknown client_id → 404 PROFILE_NOT_FOUND', async () => {
    const t = await startTestServer();
    const response = await login(t, { client_id: 'nobody', client_secret: 'x' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'PROFILE_NOT_FOUND', message: 'PROFILE_NOT_FOUND' } });
  });

  it('[#21] login with a wrong secret → 400 PWD_MISMATCH', async () => {
    const t = await startTestServer();
    const response = await login(t, { client_id: 'local-dev-client', client_secret: 'wrong' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'PWD_MISMATCH', message: 'pwd mismatch' } });
  });

  it('[#21] login with a body that is not JSON, or a field missing or not a string → 400 invalid_request', async () => {
    const t = await startTestServer();
    const notJson = await t.call('POST', LOGIN, { body: 'client_id=a', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_request');
    for (const body of [{ client_id: 'local-dev-client' }, { client_secret: 'x' }, { client_id: 1, client_secret: 'x' }, [], 'text']) {
      const response = await login(t, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
  });

  it('[#21] login with api_key in the body is accepted and the key ignored', async () => {
    const t = await startTestServer();
    const response = await login(t, { ...DEV_LOGIN, api_key: 'anything-at-all' });
    expect(response.status).toBe(200);
  });

  it('[#21] refresh on both routes → 200 with a new pair; the old refresh token then fails', async () => {
    const t = await startTestServer();
    let refreshToken = (await login(t)).body.refresh_token as string;
    for (const path of [REFRESH, '/connect-auth/v1/account/refresh']) {
      const response = await t.call('POST', path, { json: { refresh_token: refreshToken, access_token: 'expired-or-not' } });
      expect(response.status).toBe(200);
      expect(response.body.refresh_token).not.toBe(refreshToken);
      expect((await t.call('GET', '/v1/templates', { headers: { Authorization: `Bearer ${response.body.access_token}` } })).status).toBe(200);
      refreshToken = response.body.refresh_token;
    }
  });

  it('[#21] refresh with an unknown, expired or already used token → 401 authentication_failed', async () => {
    const t = await startTestServer({ refreshTokenLifetimeSeconds: 1 });
    const unknown = await t.call('POST', REFRESH, { json: { refresh_token: 'never-issued' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('authentication_failed');
    const issued = (await login(t)).body.refresh_token;
    expect((await t.call('POST', REFRESH, { json: { refresh_token: issued } })).status).toBe(200);
    const reused = await t.call('POST', REFRESH, { json: { refresh_token: issued } });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('authentication_failed');

    let now = Date.now();
    const clocked = await startTestServer({ refreshTokenLifetimeSeconds: 60, now: () => now });
    const old = (await login(clocked)).body.refresh_token;
    now += 61_000;
    const expired = await clocked.call('POST', REFRESH, { json: { refresh_token: old } });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('authentication_failed');
  });

  it('[#21] a protocol call without credentials → 401 authentication_failed "credentials required"', async () => {
    const t = await startTestServer();
    const response = await t.call('GET', '/v1/templates');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('authentication_failed');
    expect(response.body.error.message.toLowerCase()).toContain('credentials required');
  });

  it('[#21] unknown key, bad signature, malformed token → 401 authentication_failed with details.reason', async () => {
    const t = await startTestServer();
    const token = (await login(t)).body.access_token as string;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const badSignature = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...decodeClaims(token), 'b-id': 'b_other' })).toString('base64url')}.${signature}`;
    const cases: [Record<string, string>, string][] = [
      [{ 'X-API-Key': 'sk_unknown' }, 'unknown_api_key'],
      [{ Authorization: `Bearer ${badSignature}` }, 'bad_signature'],
      [{ Authorization: `Bearer ${forged}` }, 'bad_signature'],
      [{ Authorization: 'Bearer e30.bm90LWpzb24.' }, 'malformed_token'],
      [{ Authorization: 'Basic dXNlcjpwYXNz' }, 'unsupported_scheme'],
    ];
    for (const [headers, reason] of cases) {
      const response = await t.call('GET', '/v1/templates', { headers });
      expect(response.status, reason).toBe(401);
      expect(response.body.error.code).toBe('authentication_failed');
      expect(response.body.error.details.reason).toBe(reason);
    }
  });

  it('[#21] an expired access token → 401 token_expired', async () => {
    let now = Date.now();
    const t = await startTestServer({ tokenLifetimeSeconds: 1, now: () => now });
    const token = (await login(t)).body.access_token;
    expect((await t.call('GET', '/v1/templates', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    now += 1000;
    const response = await t.call('GET', '/v1/templates', { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('token_expired');
  });
});

describe('access tokens (1.6)', () => {
  it('[#22] access tokens are HS256 JWTs with iss, sub, b-id, iat, exp, jti and exp − iat = the configured lifetime', async () => {
    const t = await startTestServer({ tokenLifetimeSeconds: 42 });
    const response = await login(t);
    expect(response.body.expires_in).toBe(42);
    const token = response.body.access_token as string;
    expect(JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeClaims(token);
    expect(claims).toMatchObject({ sub: 'local-dev-client', 'b-id': 'b_local_dev', iss: t.server.url });
    expect(typeof claims.jti).toBe('string');
    expect((claims.exp as number) - (claims.iat as number)).toBe(42);
    expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('[#22] an access token stays valid across a restart on the same data directory (port may change)', async () => {
    const dataDir = await temporaryDataDir();
    const first = await startServer({ dataDir });
    const token = (await call(first.url, 'POST', LOGIN, { json: DEV_LOGIN })).body.access_token;
    await first.close();
    const second = await startServer({ dataDir });
    try {
      const response = await call(second.url, 'GET', '/v1/templates', { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
    } finally {
      await second.close();
    }
    const other = await startServer({ dataDir: await temporaryDataDir() });
    try {
      const response = await call(other.url, 'GET', '/v1/templates', { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(response.body.error.details.reason).toBe('bad_signature');
    } finally {
      await other.close();
    }
  });

  it('[#22] refresh tokens are single use, also across a restart', async () => {
    const dataDir = await temporaryDataDir();
    const first = await startServer({ dataDir });
    const refreshToken = (await call(first.url, 'POST', LOGIN, { json: DEV_LOGIN })).body.refresh_token;
    await first.close();
    const second = await startServer({ dataDir });
    try {
      expect((await call(second.url, 'POST', REFRESH, { json: { refresh_token: refreshToken } })).status).toBe(200);
      expect((await call(second.url, 'POST', REFRESH, { json: { refresh_token: refreshToken } })).status).toBe(401);
    } finally {
      await second.close();
    }
  });
});

describe('API keys and credential resolution (1.4)', () => {
  it('[#23] the three API-key forms are accepted', async () => {
    const t = await startTestServer();
    const forms: Record<string, string>[] = [{ 'X-API-Key': DEV_KEY }, { Authorization: `X-API-Key ${DEV_KEY}` }, { Authorization: `Bearer ${DEV_KEY}` }];
    for (const headers of forms) {
      const response = await t.call('GET', '/v1/templates', { headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('[#23] X-API-Key wins over Authorization, which wins over jwt-payload', async () => {
    const t = await startTestServer({ accounts: [
      { clientId: 'a', clientSecret: 'a', businessId: 'b_a', apiKeys: ['key_a'] },
      { clientId: 'b', clientSecret: 'b', businessId: 'b_b', apiKeys: ['key_b'] },
    ] });
    const sessionA = await createSession(t, {}, { 'X-API-Key': 'key_a' });
    // With both headers valid, the X-API-Key business decides: the session of A is visible.
    expect((await t.call('GET', `/v1/sessions/${sessionA}`, { headers: { 'X-API-Key': 'key_a', Authorization: 'Bearer key_b' } })).status).toBe(202);
    expect((await t.call('GET', `/v1/sessions/${sessionA}`, { headers: { Authorization: 'Bearer key_b', 'X-API-Key': 'key_a' } })).status).toBe(202);
    // Authorization over jwt-payload.
    expect((await t.call('GET', `/v1/sessions/${sessionA}`, { headers: { Authorization: 'Bearer key_a', 'jwt-payload': '{"b-id":"b_b"}' } })).status).toBe(202);
    expect((await t.call('GET', `/v1/sessions/${sessionA}`, { headers: { Authorization: 'Bearer key_b', 'jwt-payload': '{"b-id":"b_a"}' } })).status).toBe(404);
  });

  it('[#23] an invalid first credential is 401 with no fall-through to a valid later one', async () => {
    const t = await startTestServer();
    const cases: Record<string, string>[] = [
      { 'X-API-Key': 'wrong', Authorization: `Bearer ${DEV_KEY}` },
      { 'X-API-Key': '', Authorization: `Bearer ${DEV_KEY}` },
      { Authorization: 'Bearer wrong', 'jwt-payload': '{"b-id":"b_local_dev"}' },
      { Authorization: 'Bearer x.y.z', 'jwt-payload': '{"b-id":"b_local_dev"}' },
    ];
    for (const headers of cases) expect((await t.call('GET', '/v1/templates', { headers })).status, JSON.stringify(headers)).toBe(401);
  });
});

describe('jwt-payload dev mode (1.5)', () => {
  it('[#24] jwt-payload with any JSON whitespace authenticates as its b-id and gets the list shape', async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    const id = await createSession(t, {}, { 'jwt-payload': '{"b-id":"b_local_dev","iss":"dev"}' });
    const spaced = await t.call('GET', `/v1/sessions/${id}`, { headers: { 'jwt-payload': ' { "b-id" : "b_local_dev" ,\t"iss": "dev" } ' } });
    expect(spaced.status).toBe(202);
    // Same business as the dev API key.
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).status).toBe(202);
  });

  it('[#24] jwt-payload without b-id or with bad JSON → 401 authentication_failed', async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    for (const value of ['{"iss":"dev"}', '{"b-id":""}', '{bad', '"b_local_dev"', '{"b-id":5}']) {
      const response = await t.call('GET', '/v1/templates', { headers: { 'jwt-payload': value } });
      expect(response.status, value).toBe(401);
      expect(response.body.error.code).toBe('authentication_failed');
    }
  });

  it('[#24] with trustJwtPayload off, jwt-payload is refused', async () => {
    const t = await startTestServer({ trustJwtPayload: false });
    const response = await t.call('GET', '/v1/templates', { headers: { 'jwt-payload': '{"b-id":"b_local_dev"}' } });
    expect(response.status).toBe(401);
    expect(response.body.error.details.reason).toBe('jwt_payload_disabled');
  });
});

describe('business isolation', () => {
  it("[#25] another business's session is 404 session_not_found on every route", async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    const id = await createSession(t);
    const other = { 'jwt-payload': '{"b-id":"b_other"}' };
    const attempts = [
      t.call('GET', `/v1/sessions/${id}`, { headers: other }),
      t.call('PATCH', `/v1/sessions/${id}`, { headers: other, json: { user_status: 'x' } }),
      t.call('POST', `/v1/sessions/${id}/end`, { headers: other, json: { audio_files_sent: 0 } }),
      t.call('POST', `/v1/sessions/${id}/audio/chunk_0.wav`, { headers: { ...other, 'Content-Type': 'audio/wav' }, body: 'x' }),
      t.call('POST', `/v1/sessions/${id}/audio`, { headers: { ...other, 'Content-Disposition': 'attachment; filename="chunk_0.wav"' }, body: 'x' }),
      t.call('POST', `/v1/sessions/${id}/process/template`, { headers: other }),
      t.call('POST', `/voice/v1/sessions/${id}/process/template/soap`, { headers: other }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({ code: 'session_not_found', message: expect.any(String), details: { session_id: id } });
    }
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.status).toBe('created');
  });

  it('[#25] templates, sessions and webhooks need auth', async () => {
    const t = await startTestServer();
    const requests: [string, string][] = [
      ['GET', '/v1/templates'],
      ['POST', '/v1/sessions'],
      ['GET', '/v1/sessions/ses_aaaaaaaaaaaaaaaaaaaaaaaa'],
      ['PATCH', '/voice/v1/sessions/ses_aaaaaaaaaaaaaaaaaaaaaaaa'],
      ['POST', '/v1/sessions/ses_aaaaaaaaaaaaaaaaaaaaaaaa/end'],
      ['POST', '/v1/sessions/ses_aaaaaaaaaaaaaaaaaaaaaaaa/audio/chunk_0.wav'],
      ['POST', '/v1/sessions/ses_aaaaaaaaaaaaaaaaaaaaaaaa/process/template'],
      ['POST', '/v1/webhooks'],
      ['GET', '/v1/webhooks'],
      ['DELETE', '/v1/webhooks/wh_x'],
    ];
    for (const [method, path] of requests) {
      const response = await t.call(method, path);
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.body.error.code).toBe('authentication_failed');
    }
  });
});
