import { describe, expect, it } from 'vitest';
import { ekaClient } from '../support/client-factory';
import { createShiftedSdkClock, createShiftedServerClock } from '../support/shifted-clocks';
import { startTestServer } from '../support/start-test-server';
import { sentBodies } from '../support/recording-fetch';
import { makeWavChunks } from '../support/wav-fixtures';

const LOGIN = /^\/connect-auth\/v1\/account\/login$/;
const REFRESH = /^\/connect-auth\/v1\/account\/refresh-token$/;
const TEMPLATES = /\/v1\/templates$/;

describe('token expiry and renewal (client credentials)', () => {
  it('[#14][#17] a 2 s token expiring mid-session is renewed transparently: every call succeeds', async () => {
    const t = await startTestServer({ tokenLifetimeSeconds: 2 });
    const client = ekaClient(t);
    const [first, second, third] = makeWavChunks(3);

    const session = await client.createSession();
    await client.uploadChunk(session.sessionId, { bytes: first!, index: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1200)); // past the stale point (half the lifetime)
    await client.uploadChunk(session.sessionId, { bytes: second!, index: 1 });
    await client.uploadChunks(session.sessionId, [third!], { startIndex: 2 });
    const result = await client.waitForResults(session.sessionId);

    expect(result.status).toBe('completed');
    expect(result.audioFiles).toEqual(['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav']);
    const renewals = t.requests(LOGIN).length + t.requests(REFRESH).length - 1;
    expect(renewals).toBeGreaterThanOrEqual(1);
    // Nothing the application saw failed: any 401 was absorbed by one renewal and one retry.
    const protocolFailures = t.server.requests.filter((request) => request.path.startsWith('/v1/') && (request.status ?? 0) >= 400 && request.status !== 401);
    expect(protocolFailures).toEqual([]);
  });

  it('[#14] a stale token is refreshed with {refresh_token, access_token}, and the rotated refresh token is used next', async () => {
    const t = await startTestServer();
    const clock = createShiftedSdkClock();
    const client = ekaClient(t, { clock });

    await client.templates.list();
    clock.advance(3301); // 3600 s tokens are stale 300 s before expiry
    await client.templates.list();
    clock.advance(3301);
    await client.templates.list();

    expect(t.requests(LOGIN)).toHaveLength(1);
    const refreshes = t.requests(REFRESH);
    expect(refreshes).toHaveLength(2);
    const exchanges = await t.exchanges();
    const tokenAnswers = exchanges.filter((exchange) => /\/connect-auth\//.test(exchange.url)).map((exchange) => JSON.parse(exchange.text));
    expect(sentBodies(exchanges, /\/refresh-token$/)).toEqual([
      { refresh_token: tokenAnswers[0].refresh_token, access_token: tokenAnswers[0].access_token },
      { refresh_token: tokenAnswers[1].refresh_token, access_token: tokenAnswers[1].access_token },
    ]);
    expect(refreshes.map((request) => request.status)).toEqual([200, 200]);
    expect(t.requests(TEMPLATES).map((request) => request.status)).toEqual([200, 200, 200]);
  });

  it.each([
    ['a 500 answer', { kind: 'status', status: 500 } as const],
    ['a dropped connection', { kind: 'drop', when: 'before' } as const],
    ['a non-JSON answer', { kind: 'html', status: 200 } as const],
  ])('[#15] a refresh failing with %s falls back to a fresh login', async (_what, fault) => {
    const t = await startTestServer();
    const clock = createShiftedSdkClock();
    const client = ekaClient(t, { clock });
    await client.templates.list();
    t.server.faults.add({ method: 'POST', path: REFRESH.source, ...fault });

    clock.advance(3301);
    const templates = await client.templates.list();

    expect(templates.length).toBeGreaterThan(0);
    expect(t.server.requests.map((request) => request.path.replace(/^\/connect-auth\/v1\/account\//, ''))).toEqual([
      'login',
      '/v1/templates',
      'refresh-token',
      'login',
      '/v1/templates',
    ]);
  });

  it('[#17] a token the server has expired gets one fresh login and one retry', async () => {
    const serverClock = createShiftedServerClock();
    const t = await startTestServer({ tokenLifetimeSeconds: 60, now: serverClock.now });
    const client = ekaClient(t);
    await client.templates.list();

    serverClock.advance(61); // the server now sees the client's still-fresh token as expired
    await client.templates.list();

    const summary = t.server.requests.map((request) => `${request.path.split('/').at(-1)} ${request.status}`);
    expect(summary).toEqual(['login 200', 'templates 200', 'templates 401', 'login 200', 'templates 200']);
    const rejected = (await t.exchanges()).find((exchange) => exchange.status === 401);
    expect(JSON.parse(rejected!.text).error.code).toBe('token_expired');
  });
});
