import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/harness.js';
import { connect, createStreamSession, send, storedLog, tone } from './stream-client.js';

// Issue 11 item 11: max_speed holds per session (reconnecting buys no fresh allowance) and credits the session's age,
// so a client resuming after an outage may send its backlog at once.
const BYTES_PER_SECOND = 32000;

async function sendSeconds(url: string, seconds: number): Promise<{ code: number; reason: string }> {
  const socket = connect(url);
  await socket.opened;
  for (let i = 0; i < seconds; i++) await send(socket, tone(1)).catch(() => undefined);
  await send(socket, JSON.stringify({ event: 'stop' })).catch(() => undefined);
  return socket.closed;
}

describe('the stream speed limit is per session and credits a resumed backlog (issue 11 #11)', () => {
  it('reconnecting does not reset the allowance: a second burst on a new connection is closed 4429', async () => {
    const start = Date.now();
    const t = await startTestServer({ now: () => start, stream: { maxSpeed: 2 } });
    const { url, sessionId } = await createStreamSession(t);
    expect(await sendSeconds(url, 8)).toMatchObject({ code: 1000 });
    const second = await sendSeconds(url, 8);
    expect(second.code).toBe(4429);
    expect(second.reason).toMatch(/faster than 2x real time/);
    expect((await storedLog(t, sessionId)).length).toBeLessThanOrEqual(11 * BYTES_PER_SECOND);
  });

  it('after an outage the backlog is accepted: the allowance counts from the session start, not the connection', async () => {
    let now = Date.now();
    const t = await startTestServer({ now: () => now, stream: { maxSpeed: 2 } });
    const { url, sessionId } = await createStreamSession(t);
    // The session has been recording for 30 s (2x allows 60 s + 10 s); the client arrives with 25 s not yet stored.
    now += 30_000;
    expect(await sendSeconds(url, 25)).toMatchObject({ code: 1000 });
    expect((await storedLog(t, sessionId)).length).toBe(25 * BYTES_PER_SECOND);
  });
});
