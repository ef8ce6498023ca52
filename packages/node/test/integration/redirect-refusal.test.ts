import { describe, expect, it } from 'vitest';
import { APIError, AuthError, ScribeError, createScribeRelay, toNodeHandler } from '@scribe/node';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { createCapturingLogger } from '../support/capturing-logger';
import { isolatedClient } from '../support/client-factory';
import { redirectTo, startHostileServer, startRedirectTarget, type ReceivedRequest } from '../support/redirect-servers';
import { createShiftedSdkClock } from '../support/shifted-clocks';

const TOKEN_BODY = { access_token: 'hostile-issued-token', refresh_token: 'hostile-refresh-token', expires_in: 60, token_type: 'Bearer' };
const CLIENT_SECRET = 'SENTINEL-secret-never-redirected-4c1d';
const PASSWORD = 'SENTINEL-password-never-redirected-9e2f';

async function caught(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!ScribeError.is(error)) throw new Error(`expected a ScribeError, got ${String(error)}`);
  return error;
}

const paths = (received: readonly ReceivedRequest[]) => received.map((request) => `${request.method} ${request.path}`);

describe('credentials never follow a redirect to another host (issue 11 item 2)', () => {
  it.each([307, 308] as const)('client-credentials login answered %i → AuthError naming 127.0.0.2, the secret never reaches it', async (status) => {
    const target = await startRedirectTarget();
    const hostile = await startHostileServer((request) => redirectTo(target, request, status));
    const client = isolatedClient(undefined, { baseUrl: hostile.url, clientId: 'a-client', clientSecret: CLIENT_SECRET });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status, details: { redirect_host: target.host } });
    expect(error.message).toContain(`to ${target.host}`);
    expect(target.received).toEqual([]);
    expect(paths(hostile.received)).toEqual(['POST /connect-auth/v1/account/login']);
  });

  it.each([307, 308] as const)('password login answered %i → AuthError naming 127.0.0.2, the password never reaches it', async (status) => {
    const target = await startRedirectTarget();
    const hostile = await startHostileServer((request) => redirectTo(target, request, status));
    const client = isolatedClient(undefined, { baseUrl: hostile.url, username: 'clinic-admin', password: PASSWORD, defaultLanguageHint: 'en' });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status, details: { redirect_host: target.host } });
    expect(error.message).not.toContain(PASSWORD);
    expect(target.received).toEqual([]);
    expect(paths(hostile.received)).toEqual(['POST /connect-auth/v1/login']);
  });

  it('a token refresh answered 307 is not followed: the refresh token stays home and a fresh login replaces it', async () => {
    const target = await startRedirectTarget();
    const hostile = await startHostileServer((request) => {
      if (request.path === '/connect-auth/v1/account/refresh-token') return redirectTo(target, request, 307);
      if (request.path === '/connect-auth/v1/account/login') return { status: 200, body: TOKEN_BODY };
      return { status: 200, body: { templates: [{ id: 'soap', name: 'SOAP note' }] } };
    });
    const clock = createShiftedSdkClock();
    const client = isolatedClient(undefined, { baseUrl: hostile.url, clientId: 'a-client', clientSecret: CLIENT_SECRET, clock });

    await client.templates.list();
    clock.advance(31); // a 60 s token is stale after 30 s: refresh, redirected, then a fresh login
    await client.templates.list();

    expect(target.received).toEqual([]);
    expect(paths(hostile.received)).toEqual([
      'POST /connect-auth/v1/account/login',
      'GET /v1/templates',
      'POST /connect-auth/v1/account/refresh-token',
      'POST /connect-auth/v1/account/login',
      'GET /v1/templates',
    ]);
  });

  it.each([307, 308] as const)('an authenticated protocol call answered %i is an error naming 127.0.0.2; the bearer token is not re-sent', async (status) => {
    const target = await startRedirectTarget();
    const hostile = await startHostileServer((request) => redirectTo(target, request, status));
    const client = isolatedClient(undefined, { baseUrl: hostile.url, getToken: async () => 'bearer-from-get-token' });

    const error = await caught(client.templates.list());

    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(status);
    expect(error.message).toContain(target.host);
    expect(target.received).toEqual([]);
  });

  it('the relay does not follow a 307 from the service: the browser gets 502, the relay log names 127.0.0.2, nothing reaches it', async () => {
    const target = await startRedirectTarget();
    const hostile = await startHostileServer((request) =>
      request.path === '/connect-auth/v1/account/login' ? { status: 200, body: TOKEN_BODY } : redirectTo(target, request, 307),
    );
    const logger = createCapturingLogger();
    const client = isolatedClient(undefined, { baseUrl: hostile.url, clientId: 'relay-service', clientSecret: CLIENT_SECRET });
    const handler = createScribeRelay({ client, secret: 'relay-secret-0123456789abcdef0123456789abcdef', authorize: () => ({ userId: 'user-1' }), logger });
    const relay = createServer(toNodeHandler(handler));
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => relay.close(() => resolve())));
    const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;

    const response = await fetch(`${relayUrl}/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ templates: ['soap'] }) });

    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_gateway');
    expect(logger.lines.some((line) => line.includes(`redirected (HTTP 307) to ${target.host}`))).toBe(true);
    expect(target.received).toEqual([]);
    expect(paths(hostile.received)).toEqual(['POST /connect-auth/v1/account/login', 'POST /v1/sessions']);
  });

  it('a stream whose WebSocket handshake is answered 307 fails at once with an error naming 127.0.0.2; the stream URL is not re-sent', async () => {
    const target = await startRedirectTarget();
    const hostile = await startHostileServer((request, self) => {
      if (request.path.startsWith('/stream/')) return redirectTo(target, request, 307);
      if (request.method === 'POST' && request.path === '/v1/sessions') {
        const now = Date.now();
        return {
          status: 201,
          body: {
            session_id: 'sess_redirected_stream_0001',
            status: 'created',
            created_at: new Date(now).toISOString(),
            expires_at: new Date(now + 3_600_000).toISOString(),
            upload_url: `${self.url.replace('http:', 'ws:')}/stream/secret-stream-token`,
          },
        };
      }
      return { status: 404, body: { error: { code: 'not_found', message: 'Not found.' } } };
    });
    const client = isolatedClient(undefined, { baseUrl: hostile.url, accessToken: 'fixed-bearer-token' });

    const error = await caught(client.openStream({ resume: false }).then(async (stream) => {
      await expect.poll(() => stream.getSnapshot().phase).toBe('failed');
      throw stream.getSnapshot().error;
    }));

    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain(`redirected (HTTP 307) to ${target.host}`);
    expect(target.received).toEqual([]);
    expect(hostile.received.filter((request) => request.path.startsWith('/stream/'))).toHaveLength(1);
  });
});
