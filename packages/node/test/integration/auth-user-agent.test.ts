import { describe, expect, it } from 'vitest';
import { ekaClient } from '../support/client-factory';
import { createShiftedSdkClock } from '../support/shifted-clocks';
import { startTestServer } from '../support/start-test-server';

const LOGIN = /^\/connect-auth\/v1\/account\/login$/;
const REFRESH = /^\/connect-auth\/v1\/account\/refresh-token$/;
const TEMPLATES = /\/v1\/templates$/;

describe('login and refresh go through a transport with the client’s own options', () => {
  it.each([
    ['a configured User-Agent', 'clinic-app/4.2 scribe-ts', 'clinic-app/4.2 scribe-ts'],
    ["none of the SDK's when userAgent is ''", '', undefined],
  ])('login and refresh carry %s, like the protocol calls', async (_what, userAgent, expected) => {
    const t = await startTestServer();
    const clock = createShiftedSdkClock();
    const client = ekaClient(t, { clock, userAgent });

    await client.templates.list();
    clock.advance(3301); // stale: the next call refreshes
    await client.templates.list();

    const [login] = t.requests(LOGIN);
    const [refresh] = t.requests(REFRESH);
    expect(login?.status).toBe(200);
    expect(refresh?.status).toBe(200);
    const [protocol] = t.requests(TEMPLATES);
    if (expected) {
      for (const request of [login, refresh, protocol]) expect(request?.headers['user-agent']).toBe(expected);
    } else {
      // Node's fetch names itself when the SDK sends no User-Agent: what matters is that no scribe-ts header went out.
      for (const request of [login, refresh, protocol]) expect(request?.headers['user-agent'] ?? '').not.toContain('scribe-ts');
    }
  });

  it('a login answered with a redirect is not followed: AuthError naming the target host, the credentials stay home', async () => {
    const t = await startTestServer();
    t.server.faults.add({ method: 'POST', path: LOGIN, kind: 'status', status: 307, headers: { Location: 'https://elsewhere.example/connect-auth/v1/account/login' } });
    const client = ekaClient(t);

    const error = await client.templates.list().catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'auth_error', status: 307, details: { redirect_host: 'elsewhere.example' } });
    expect((error as Error).message).toContain('elsewhere.example');
    expect(t.requests(LOGIN)).toHaveLength(1);
    expect(t.requests(TEMPLATES)).toHaveLength(0);
  });
});
