import { describe, expect, it } from 'vitest';
import { AuthError, ScribeError } from '@scribe/node';
import { DEV_API_KEY, isolatedClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';

async function rejection(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

describe('[#90] FastAPI-style {"detail": ...} auth bodies say what happened (issue 14 item 3)', () => {
  it.each([
    { detail: 'missing_token', says: 'No token was sent' },
    { detail: 'invalid_token', says: 'The token was rejected' },
    { detail: 'token_expired', says: 'The token was rejected' },
  ])('a 403 {"detail": $detail} → AuthError with that code, saying $says', async ({ detail, says }) => {
    const t = await startTestServer();
    const client = isolatedClient(t, { baseUrl: t.url, apiKey: DEV_API_KEY });
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 403, body: { detail } });

    const error = await rejection(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('auth_error');
    expect(error.status).toBe(403);
    expect(error.serverCode).toBe(detail);
    expect(error.message).toContain(says);
    expect(error.message).not.toContain('may not do this');
    expect(error.message).not.toContain(DEV_API_KEY);
  });

  it('a 401 in the contract envelope with token_expired also says the token was rejected', async () => {
    const t = await startTestServer();
    const client = isolatedClient(t, { baseUrl: t.url, apiKey: DEV_API_KEY });
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 401, body: { error: { code: 'token_expired', message: 'expired' } } });

    const error = await rejection(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.serverCode).toBe('token_expired');
    expect(error.message).toContain('The token was rejected');
  });

  it('a 403 that is about permissions still says the credentials may not do this', async () => {
    const t = await startTestServer();
    const client = isolatedClient(t, { baseUrl: t.url, apiKey: DEV_API_KEY });
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 403, body: { detail: 'Not allowed for this role' } });

    const error = await rejection(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('may not do this');
    expect(error.message).toContain('Not allowed for this role');
  });
});
