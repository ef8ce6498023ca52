import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/harness.js';
import { eventually } from '../helpers/server-process.js';
import { connect, createStreamSession, send, storedLog, tone } from './stream-client.js';

// Issue 11 item 11: nothing capped a stream log's size; within the speed limit a client could still fill the disk.
const BYTES_PER_SECOND = 32000;

async function sendSeconds(url: string, seconds: number): Promise<{ code: number; reason: string }> {
  const socket = connect(url);
  await socket.opened;
  for (let i = 0; i < seconds; i++) await send(socket, tone(1)).catch(() => undefined);
  await send(socket, JSON.stringify({ event: 'stop' })).catch(() => undefined);
  return socket.closed;
}

describe("a stream log is capped at the session's maximum duration (issue 11 #11)", () => {
  it('audio past the maximum closes the socket 1009 with the reason, the log keeps exactly the maximum, and a reconnect gets no more in', async () => {
    let now = Date.now();
    const t = await startTestServer({ now: () => now, sessionDurationSeconds: 20, stream: { maxSpeed: 100 } });
    const { url, sessionId } = await createStreamSession(t);
    // 15 s into a 20 s session: the speed limit would allow far more than 20 s, the session's maximum does not.
    now += 15_000;
    const first = await sendSeconds(url, 25);
    expect(first).toMatchObject({ code: 1009, reason: "the session's audio reached its maximum of 20 s" });
    // The server flushes a closed socket's audio right after the close (contract 6.6): wait for that flush.
    await eventually(async () => (await storedLog(t, sessionId)).length >= 20 * BYTES_PER_SECOND, 5_000);
    expect((await storedLog(t, sessionId)).length).toBe(20 * BYTES_PER_SECOND);
    const again = await sendSeconds(url, 1);
    expect(again).toMatchObject({ code: 1009, reason: "the session's audio reached its maximum of 20 s" });
    expect((await storedLog(t, sessionId)).length).toBe(20 * BYTES_PER_SECOND);
  });
});
