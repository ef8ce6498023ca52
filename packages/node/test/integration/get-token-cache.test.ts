import { describe, expect, it } from 'vitest';
import { AuthError, type ScribeClientOptions } from '@scribe/node';

type GetToken = NonNullable<ScribeClientOptions['getToken']>;
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, isolatedClient } from '../support/client-factory';
import { createShiftedSdkClock } from '../support/shifted-clocks';
import { startTestServer, type TestServer } from '../support/start-test-server';

const TEMPLATES = /\/v1\/templates$/;

/** Logs in at the reference server, as an application's own token source would. */
async function login(t: TestServer): Promise<{ token: string; expiresIn: number }> {
  const response = await fetch(`${t.url}/connect-auth/v1/account/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: DEV_CLIENT_ID, client_secret: DEV_CLIENT_SECRET }),
  });
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { token: body.access_token, expiresIn: body.expires_in };
}

function bearerClient(t: TestServer, getToken: GetToken, clock = createShiftedSdkClock()) {
  return isolatedClient(t, { baseUrl: t.url, authBaseUrl: t.url, getToken, clock });
}

describe('[#12] a getToken callback is cached (issue 14 item 2)', () => {
  it('a plain JWT string: 10 sequential and 10 concurrent calls make one getToken call; past its exp (minus 60 s) a second', async () => {
    const t = await startTestServer();
    const clock = createShiftedSdkClock();
    let calls = 0;
    const client = bearerClient(t, async () => {
      calls += 1;
      return (await login(t)).token;
    }, clock);

    for (let i = 0; i < 10; i += 1) await client.templates.list();
    await Promise.all(Array.from({ length: 10 }, () => client.templates.list()));
    expect(calls).toBe(1);

    clock.advance(3600 - 30); // within the 60 s margin of the JWT's `exp`
    await client.templates.list();
    expect(calls).toBe(2);
    expect(t.requests(TEMPLATES).every((request) => request.status === 200)).toBe(true);
  });

  it('{ token, expiresAt } (epoch ms or Date) is honoured: one call until near expiresAt, then one more', async () => {
    const t = await startTestServer();
    const clock = createShiftedSdkClock();
    const shapes: ('number' | 'date')[] = [];
    const client = bearerClient(t, async () => {
      const { token } = await login(t);
      const expiresAt = clock.wallNow() + 600_000;
      const shape = shapes.length === 0 ? 'number' : 'date';
      shapes.push(shape);
      return { token, expiresAt: shape === 'number' ? expiresAt : new Date(expiresAt) };
    }, clock);

    await Promise.all(Array.from({ length: 5 }, () => client.templates.list()));
    clock.advance(500);
    await client.templates.list();
    expect(shapes).toEqual(['number']);
    clock.advance(50); // 50 s before expiresAt: inside the margin
    await client.templates.list();
    await client.templates.list();
    expect(shapes).toEqual(['number', 'date']);
  });

  it('a 401 makes one forced call and one retry; a 403 {"detail":"invalid_token"} does the same', async () => {
    const t = await startTestServer();
    const forced: boolean[] = [];
    const client = bearerClient(t, async ({ forceRefresh }) => {
      forced.push(forceRefresh);
      return (await login(t)).token;
    });

    await client.templates.list();
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 401 });
    await client.templates.list();
    expect(forced).toEqual([false, true]);

    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 403, body: { detail: 'invalid_token' } });
    await client.templates.list();
    expect(forced).toEqual([false, true, true]);
    await client.templates.list();
    expect(forced).toEqual([false, true, true]);
  });

  it('a 403 that is not about the token is final: no extra getToken call', async () => {
    const t = await startTestServer();
    let calls = 0;
    const client = bearerClient(t, async () => {
      calls += 1;
      return (await login(t)).token;
    });
    t.server.faults.add({ method: 'GET', path: '/v1/templates$', kind: 'status', status: 403, body: { error: { code: 'forbidden', message: 'not allowed' } } });

    await expect(client.templates.list()).rejects.toBeInstanceOf(AuthError);
    expect(calls).toBe(1);
  });
});
