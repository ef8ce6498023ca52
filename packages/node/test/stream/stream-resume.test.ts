import { describe, expect, it } from 'vitest';
import type { StreamConnectionState } from '@scribe/node';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { recordingWebSocket, storedStream, tonePcm } from './stream-support';

const FAST_RECONNECT = { initialDelayMs: 20, maxDelayMs: 200 };

describe('streaming: reconnect and resume', () => {
  it('[#79] after several mid-stream drops, the audio the server stored equals the audio sent, byte for byte', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100 } });
    const { factory, record } = recordingWebSocket();
    const pcm = tonePcm(12);
    // Each of three connections is cut (no close frame) as it is about to pass 64 KB of audio: that frame is lost
    // in flight, and whatever the server received but had not acknowledged must be settled by the resume handshake.
    t.server.streams.dropAfter(64_000, 3);
    const connections: StreamConnectionState[] = [];
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory, reconnect: FAST_RECONNECT });
    stream.subscribe((snapshot) => {
      if (connections.at(-1) !== snapshot.connection) connections.push(snapshot.connection);
    });
    for (let offset = 0; offset < pcm.length; offset += 3200) await stream.sendAudio(pcm.subarray(offset, offset + 3200));
    const result = await stream.stop({ finalize: false });
    expect(record.urls).toHaveLength(4);
    expect(stream.getSnapshot().reconnects).toBe(3);
    expect(connections).toEqual(expect.arrayContaining(['reconnecting', 'open', 'closed']));
    expect(result).toMatchObject({ bytesSent: pcm.length, bytesAcknowledged: pcm.length, closedByServer: true });
    const stored = await storedStream(t.server, stream.sessionId);
    expect(stored.length).toBe(pcm.length);
    expect(Buffer.compare(Buffer.from(stored), Buffer.from(pcm))).toBe(0);
  });

  it('[#79] JSON mode resumes the same way: start again after each reconnect, then the unacknowledged media', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100 } });
    const { factory, record } = recordingWebSocket();
    const pcm = tonePcm(6);
    t.server.streams.dropAfter(40_000, 2);
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory, frameMode: 'json', reconnect: FAST_RECONNECT });
    for (let offset = 0; offset < pcm.length; offset += 4000) await stream.sendAudio(pcm.subarray(offset, offset + 4000));
    await stream.stop({ finalize: false });
    expect(record.urls).toHaveLength(3);
    expect(record.sent.filter((frame) => typeof frame === 'string' && frame.startsWith('{"event":"start"'))).toHaveLength(3);
    expect(Buffer.compare(Buffer.from(await storedStream(t.server, stream.sessionId)), Buffer.from(pcm))).toBe(0);
  });

  it('a stop while reconnecting waits for the new connection, resends, then stops: nothing is lost', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100 } });
    const pcm = tonePcm(4);
    await using stream = await ekaClient(t).openStream({ reconnect: { initialDelayMs: 300, maxDelayMs: 300 } });
    await stream.sendAudio(pcm.subarray(0, 64_000));
    expect(t.server.streams.dropAll()).toBe(1);
    await expect.poll(() => stream.connection).toBe('reconnecting');
    await stream.sendAudio(pcm.subarray(64_000));
    const result = await stream.stop();
    expect(result.end?.status).toBe('processing');
    expect(result).toMatchObject({ bytesSent: pcm.length, bytesAcknowledged: pcm.length });
    expect(Buffer.compare(Buffer.from(await storedStream(t.server, stream.sessionId)), Buffer.from(pcm))).toBe(0);
  });

  it('a server error while storing (1011) mid-stream and at stop: the client reconnects and resends, nothing lost or doubled', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100, ackIntervalMs: 100 } });
    const { factory, record } = recordingWebSocket();
    const pcm = tonePcm(4);
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory, reconnect: FAST_RECONNECT });
    await stream.sendAudio(pcm.subarray(0, 64_000));
    // The server's next write of the stream log fails halfway: it closes this socket 1011.
    t.server.streams.failWrites(1);
    await expect.poll(() => stream.getSnapshot().reconnects).toBe(1);
    await stream.sendAudio(pcm.subarray(64_000, 96_000));
    // Everything so far stored through the new connection, so the next fault falls on the audio sent after it.
    await expect.poll(() => stream.getSnapshot().bytesAcknowledged).toBe(96_000);
    // Again, on the next flush: the tick's or the one that stop asks for.
    t.server.streams.failWrites(1);
    await stream.sendAudio(pcm.subarray(96_000));
    const result = await stream.stop({ finalize: false });
    expect(record.urls.length).toBeGreaterThanOrEqual(3);
    expect(result).toMatchObject({ bytesSent: pcm.length, bytesAcknowledged: pcm.length });
    expect(Buffer.compare(Buffer.from(await storedStream(t.server, stream.sessionId)), Buffer.from(pcm))).toBe(0);
  });

  it('without resume, a drop is reconnected and the stream continues with new audio (what was in flight may be lost)', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100 } });
    const { factory, record } = recordingWebSocket();
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory, resume: false, reconnect: FAST_RECONNECT });
    await stream.sendAudio(tonePcm(1));
    t.server.streams.dropAll();
    await expect.poll(() => stream.getSnapshot().reconnects).toBe(1);
    await stream.opened();
    await stream.sendAudio(tonePcm(1));
    const result = await stream.stop({ finalize: false });
    expect(record.urls.every((url) => !url.includes('ack='))).toBe(true);
    expect(record.urls).toHaveLength(2);
    expect(result.bytesAcknowledged).toBe(0);
    const stored = await storedStream(t.server, stream.sessionId);
    expect(stored.length).toBeLessThanOrEqual(64_000);
    expect(stored.length).toBeGreaterThanOrEqual(32_000);
  });
});
