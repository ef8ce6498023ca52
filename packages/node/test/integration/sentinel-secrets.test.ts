import { describe, expect, it } from 'vitest';
import { ScribeError } from '@scribe/node';
import { createCapturingLogger, type CapturingLogger } from '../support/capturing-logger';
import { closedPort } from '../support/closed-port';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { sentBodies } from '../support/recording-fetch';
import { makeWavChunks } from '../support/wav-fixtures';

const SENTINEL_SECRET = 'SENTINEL-client-secret-3b8f0e1a';
const SENTINEL_KEY = 'sk_live_SENTINEL-api-key-51c2d9';
const SENTINEL_TOKEN = 'SENTINEL-access-token-9e77a4b2';
const SENTINEL_BUSINESS = 'b_SENTINEL-jwt-payload-0c4d';

/** Everything an application could print or ship about an error: message, stack, cause chain, details, JSON. */
function exposedText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 6; depth += 1) {
    parts.push(String(current), JSON.stringify(current) ?? '');
    if (current instanceof Error) parts.push(current.message, current.stack ?? '');
    if (ScribeError.is(current)) parts.push(JSON.stringify(current.details ?? {}));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

async function failure(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

function expectNowhere(secrets: readonly string[], error: ScribeError, logger: CapturingLogger): void {
  expect(logger.lines.length, 'the flow should have logged something').toBeGreaterThan(0);
  const logs = logger.lines.join('\n');
  for (const secret of secrets) {
    expect(exposedText(error)).not.toContain(secret);
    expect(logs).not.toContain(secret);
  }
}

describe('[#94] sentinel secrets never appear in errors or logs', () => {
  it('a client secret rejected at login', async () => {
    const t = await startTestServer();
    const logger = createCapturingLogger();
    const client = ekaClient(t, { clientSecret: SENTINEL_SECRET, apiKey: SENTINEL_KEY, logger });

    const error = await failure(client.createSession());

    expect(error.code).toBe('auth_error');
    // The secret did reach the server (in the login body), so leaving it out of the error was a choice.
    expect(sentBodies(await t.exchanges(), /\/login$/)[0]).toMatchObject({ client_secret: SENTINEL_SECRET, api_key: SENTINEL_KEY });
    // The server's request log shows it redacted.
    expect(t.requests(/\/login$/)[0]?.body).toMatchObject({ client_secret: '[redacted]', api_key: '[redacted]' });
    expectNowhere([SENTINEL_SECRET, SENTINEL_KEY], error, logger);
  });

  it('an API key rejected by the service (msa)', async () => {
    const t = await startTestServer();
    const logger = createCapturingLogger();
    const client = msaClient(t, { apiKey: SENTINEL_KEY, logger });

    const error = await failure(client.createSession());

    expect(error.status).toBe(401);
    expectNowhere([SENTINEL_KEY], error, logger);
  });

  it('a static access token rejected by the service', async () => {
    const t = await startTestServer();
    const logger = createCapturingLogger();
    const client = ekaClient(t, { clientId: undefined, clientSecret: undefined, accessToken: SENTINEL_TOKEN, logger });

    const error = await failure(client.templates.list());

    expect(error.status).toBe(401);
    expectNowhere([SENTINEL_TOKEN], error, logger);
  });

  it('access and refresh tokens the server issued, after a login, a refresh and a rejected retry', async () => {
    const t = await startTestServer();
    const logger = createCapturingLogger();
    const client = ekaClient(t, { clientSecret: 'local-dev-secret', logger });
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1), { endSession: false });
    t.server.faults.add({ method: 'POST', path: '/end$', kind: 'status', status: 401, times: 2 });

    const error = await failure(client.endSession(session.sessionId));

    const issued = (await t.exchanges())
      .filter((exchange) => exchange.url.endsWith('/login'))
      .flatMap((exchange) => {
        const body = JSON.parse(exchange.text) as { access_token: string; refresh_token: string };
        return [body.access_token, body.refresh_token];
      });
    expect(issued).toHaveLength(4);
    expect(error.status).toBe(401);
    expectNowhere([...issued, 'local-dev-secret'], error, logger);
  });

  it('a connection failure while logging in with the sentinel secret', async () => {
    const port = await closedPort();
    const t = await startTestServer();
    const logger = createCapturingLogger();
    const client = ekaClient(t, { authBaseUrl: `http://127.0.0.1:${port}`, clientSecret: SENTINEL_SECRET, maxRetries: 1, logger });

    const error = await failure(client.templates.list());

    expect(error.code).toBe('api_error');
    expect(error.cause).toBeDefined();
    expectNowhere([SENTINEL_SECRET], error, logger);
  });

  it('a jwt-payload whose business is unknown to the session', async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    const logger = createCapturingLogger();
    const client = ekaClient(t, { clientId: undefined, clientSecret: undefined, jwtPayload: { 'b-id': SENTINEL_BUSINESS, iss: 'dev' }, logger });

    const error = await failure(client.sessions.get('ses_belongs_to_nobody'));

    expect(error.code).toBe('session_not_found');
    expectNowhere([SENTINEL_BUSINESS, JSON.stringify({ 'b-id': SENTINEL_BUSINESS, iss: 'dev' })], error, logger);
  });
});
