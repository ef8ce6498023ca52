import { describe, expect, it } from 'vitest';
import { ekaClient } from '../support/client-factory';
import { createShiftedSdkClock } from '../support/shifted-clocks';
import { startTestServer } from '../support/start-test-server';

const LOGIN = /^\/connect-auth\/v1\/account\/login$/;
const REFRESH = /^\/connect-auth\/v1\/account\/refresh-token$/;

describe('[#16] single-flight login and refresh', () => {
  it('10 concurrent first calls share one login', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    // The login is held 200 ms so all ten calls are surely waiting on it at once.
    t.server.faults.add({ method: 'POST', path: LOGIN.source, kind: 'delay', ms: 200 });

    const results = await Promise.all(Array.from({ length: 10 }, () => client.templates.list()));

    expect(results.every((templates) => templates.length > 0)).toBe(true);
    expect(t.requests(LOGIN)).toHaveLength(1);
    expect(t.requests(/\/v1\/templates$/)).toHaveLength(10);
  });

  it('10 concurrent calls with a stale token share one refresh', async () => {
    const t = await startTestServer();
    const clock = createShiftedSdkClock();
    const client = ekaClient(t, { clock });
    await client.templates.list();
    t.server.faults.add({ method: 'POST', path: REFRESH.source, kind: 'delay', ms: 200 });

    clock.advance(3400);
    await Promise.all(Array.from({ length: 10 }, () => client.templates.list()));

    expect(t.requests(LOGIN)).toHaveLength(1);
    expect(t.requests(REFRESH)).toHaveLength(1);
    expect(t.requests(/\/v1\/templates$/).map((request) => request.status)).toEqual(Array(11).fill(200));
  });

  it('10 concurrent creates right after construction: one login, ten sessions', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);

    const sessions = await Promise.all(Array.from({ length: 10 }, () => client.createSession()));

    expect(new Set(sessions.map((session) => session.sessionId)).size).toBe(10);
    expect(t.requests(LOGIN)).toHaveLength(1);
  });
});
