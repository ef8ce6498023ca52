import { describe, expect, it } from 'vitest';
import { AuthError, ScribeError } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';

const LOGIN = /^\/connect-auth\/v1\/account\/login$/;
const WRONG_SECRET = 'wrong-secret-5f2e9b1c';

async function rejection(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

// Long enough for a looping client to have sent more requests.
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('[#17] a second 401 → AuthError, no loop', () => {
  it('client credentials: 401, fresh login, retry, 401 again → AuthError after exactly two logins', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const body = { error: { code: 'token_expired', message: 'Access token expired.' } };
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 401, body, times: 2 });

    const error = await rejection(client.templates.list());
    await settle();

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
    expect(error.serverCode).toBe('token_expired');
    expect(error.message).toContain('env');
    expect(t.requests(LOGIN)).toHaveLength(2);
    expect(t.requests(/\/v1\/templates$/)).toHaveLength(2);
  });

  it('a bad static access token → AuthError after one request, with advice to supply a fresh token', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { clientId: undefined, clientSecret: undefined, accessToken: 'not-a-real-token-value' });

    const error = await rejection(client.createSession());
    await settle();

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
    expect(error.serverCode).toBe('authentication_failed');
    expect(error.message).toMatch(/bearer token was rejected/);
    expect(t.server.requests).toHaveLength(1);
    expect(t.requests(LOGIN)).toHaveLength(0);
  });

  it('msa: a wrong API key → AuthError after one session call (discovery is public and not retried for it)', async () => {
    const t = await startTestServer();
    const client = msaClient(t, { apiKey: 'sk_test_wrong_key' });

    const error = await rejection(client.createSession());
    await settle();

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
    expect(t.requests(/\/v1\/sessions$/)).toHaveLength(1);
    expect(error.message).not.toContain('sk_test_wrong_key');
  });
});

describe('[#18] login rejected → AuthError naming env and the auth host, without secrets', () => {
  it('wrong secret: 400 PWD_MISMATCH', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { clientSecret: WRONG_SECRET });

    const error = await rejection(client.createSession());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(400);
    expect(error.serverCode).toBe('PWD_MISMATCH');
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('pwd mismatch');
    // The auth host is set by hand: the advice names it and does not blame `env`.
    expect(error.message).toContain(`issued by the auth host \`${t.url}\` (set by your configuration, so \`env\` does not choose it)`);
    expect(error.message).not.toContain('`env` (now');
    for (const exposed of [error.message, JSON.stringify(error), String(error.stack)]) expect(exposed).not.toContain(WRONG_SECRET);
    expect(t.requests(LOGIN)).toHaveLength(1);
    expect(t.requests(/^\/v1\//)).toHaveLength(0);
  });

  it('unknown client id: 404 PROFILE_NOT_FOUND; with a host set by hand, env (here dev) is not blamed', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { env: 'dev', clientId: 'no-such-client', clientSecret: WRONG_SECRET });

    const error = await rejection(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(404);
    expect(error.serverCode).toBe('PROFILE_NOT_FOUND');
    expect(error.message).toContain('PROFILE_NOT_FOUND');
    expect(error.message).not.toContain('`env` (now `dev`');
    expect(error.message).toContain(`issued by the auth host \`${t.url}\``);
    expect(JSON.stringify(error)).not.toContain(WRONG_SECRET);
  });

  it('a rejected login is not retried', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { clientSecret: WRONG_SECRET });

    await rejection(client.templates.list());
    await settle();

    expect(t.requests(LOGIN)).toHaveLength(1);
  });
});
