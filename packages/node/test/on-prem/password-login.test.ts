import { describe, expect, it } from 'vitest';
import { AuthError, ConfigError, ScribeError, TimeoutError } from '@scribe/node';
import { createCapturingLogger } from '../support/capturing-logger';
import { createShiftedSdkClock, createShiftedServerClock } from '../support/shifted-clocks';
import { sentBodies } from '../support/recording-fetch';
import { startTestServer } from '../support/start-test-server';
import { DEV_PASSWORD, DEV_USERNAME, PASSWORD_LOGIN, onPremClient, startOnPremServer } from './on-prem-support';

const TEMPLATES = /\/v1\/templates$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function caught(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!ScribeError.is(error)) throw new Error(`expected a ScribeError, got ${String(error)}`);
  return error;
}

describe('password login against the on-prem server (issue 14 item 1)', () => {
  it('logs in once with {username, password} at /connect-auth/v1/login, derived from the base URL, and lists UUID templates', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t);

    const templates = await client.templates.list();
    await client.templates.list();

    expect(templates.length).toBeGreaterThan(0);
    expect(templates.every((template) => template.id === 'transcript' || UUID.test(template.id))).toBe(true);
    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(1);
    expect(t.requests(/^\/connect-auth\/v1\/account\//)).toEqual([]);
    expect(sentBodies(await t.exchanges(), PASSWORD_LOGIN)).toEqual([{ username: DEV_USERNAME, password: DEV_PASSWORD }]);
    expect(t.requests(TEMPLATES).map((request) => request.status)).toEqual([200, 200]);
  });

  it('renews before expiry by logging in again: a 60 s token is stale after 30 s (short expires_in injected)', async () => {
    const t = await startOnPremServer({ tokenLifetimeSeconds: 60 });
    const clock = createShiftedSdkClock();
    const client = onPremClient(t, { clock });

    await client.templates.list();
    clock.advance(29);
    await client.templates.list();
    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(1);
    clock.advance(2); // past expiry − min(300 s, lifetime / 2)
    await client.templates.list();

    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(2);
    // Renewed before use: the service never saw the stale token.
    expect(t.requests(TEMPLATES).map((request) => request.status)).toEqual([200, 200, 200]);
  });

  it('a token the service says has expired (403 {"detail":"token_expired"}) is replaced by one fresh login and one retry', async () => {
    const serverClock = createShiftedServerClock();
    const t = await startOnPremServer({ tokenLifetimeSeconds: 60, now: serverClock.now });
    const client = onPremClient(t);

    await client.templates.list();
    serverClock.advance(120); // the server's clock runs past the token's exp; the SDK's does not
    const templates = await client.templates.list();

    expect(templates.length).toBeGreaterThan(0);
    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(2);
    expect(t.requests(TEMPLATES).map((request) => request.status)).toEqual([200, 403, 200]);
  });

  it('10 concurrent first calls share one login', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t);
    // The login is held 200 ms so all ten calls are surely waiting on it at once.
    t.server.faults.add({ method: 'POST', path: PASSWORD_LOGIN.source, kind: 'delay', ms: 200 });

    const results = await Promise.all(Array.from({ length: 10 }, () => client.templates.list()));

    expect(results.every((templates) => templates.length > 0)).toBe(true);
    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(1);
    expect(t.requests(TEMPLATES)).toHaveLength(10);
  });

  it('a wrong password is an AuthError that says the username or password was rejected, without the password', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t, { password: 'not-the-password-7f3a' });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('rejected the username or password');
    expect(error.message).toContain('SCRIBE_PASSWORD');
    expect(`${error.message} ${JSON.stringify(error)} ${error.stack}`).not.toContain('not-the-password-7f3a');
    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(1);
    expect(t.requests(TEMPLATES)).toEqual([]);
  });

  it('a login failure that quotes the password back has it redacted in the error and the log', async () => {
    const t = await startOnPremServer();
    const sentinel = 'SENTINEL-password-echoed-5d0c';
    const logger = createCapturingLogger();
    const client = onPremClient(t, { password: sentinel, logger });
    t.server.faults.add({ method: 'POST', path: PASSWORD_LOGIN.source, kind: 'status', status: 401, body: { detail: `password ${sentinel} is wrong` } });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('[REDACTED]');
    const exposed = [error.message, JSON.stringify(error), String(error.stack), ...logger.lines].join('\n');
    expect(exposed).not.toContain(sentinel);
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it('client credentials against the on-prem server get the 403 {"detail":"missing_token"} login failure, pointing to password login', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t, { username: undefined, password: undefined, clientId: 'local-dev-client', clientSecret: 'local-dev-secret' });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(403);
    expect(error.message).toContain('missing_token');
    expect(error.message).toContain('set SCRIBE_USERNAME and SCRIBE_PASSWORD');
  });

  it('authMode "password" without a password is a ConfigError at the first call naming SCRIBE_PASSWORD', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t, { password: undefined, authMode: 'password' });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('SCRIBE_USERNAME is set but SCRIBE_PASSWORD is not');
    expect(t.requests(PASSWORD_LOGIN)).toEqual([]);
  });

  it('username and password come from SCRIBE_USERNAME / SCRIBE_PASSWORD', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t, { username: undefined, password: undefined, processEnv: { SCRIBE_USERNAME: DEV_USERNAME, SCRIBE_PASSWORD: DEV_PASSWORD } });

    await client.templates.list();

    expect(t.requests(PASSWORD_LOGIN).map((request) => request.status)).toEqual([200]);
  });
});

describe('with both logins configured, the service\'s discovery document picks one (issue 14 item 1)', () => {
  const both = { username: DEV_USERNAME, password: DEV_PASSWORD, clientId: 'local-dev-client', clientSecret: 'local-dev-secret' };

  it('the on-prem server advertises password_login: password login, never the client-credentials route', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t, both);

    await Promise.all([client.templates.list(), client.templates.list()]);

    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(1);
    expect(t.requests(/^\/connect-auth\/v1\/account\//)).toEqual([]);
    expect(t.requests(/\.well-known\/medscribealliance$/).length).toBeGreaterThanOrEqual(1);
  });

  it('the hosted-style server advertises client_credentials: client-credentials login, the password never sent', async () => {
    const t = await startTestServer();
    const client = onPremClient(t, { ...both, defaultTemplates: ['clinical_notes_template'] });

    const templates = await client.templates.list();

    expect(templates.length).toBeGreaterThan(0);
    expect(t.requests(/^\/connect-auth\/v1\/account\/login$/).map((request) => request.status)).toEqual([200]);
    expect(t.requests(PASSWORD_LOGIN)).toEqual([]);
  });
});

describe('login honours the caller\'s requestTimeout (issue 11 item 13)', () => {
  it('an explicit requestTimeout of 0.5 s bounds each login attempt (instead of a fixed 30 s)', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t, { requestTimeout: 0.5, maxRetries: 0 });
    t.server.faults.add({ method: 'POST', path: PASSWORD_LOGIN.source, kind: 'delay', ms: 3000 });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('/connect-auth/v1/login got no answer within 0.5 s');
  });
});
