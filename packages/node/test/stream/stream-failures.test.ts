import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { InvalidAudioError, SessionExpiredError, SessionStateError, type WebSocketFactory } from '@scribe/node';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { recordingWebSocket, storedStream, tonePcm } from './stream-support';

describe('streaming: slow consumers, expiry, finalize timeout, refused audio', () => {
  it('a slow consumer slows the producer: sendAudio waits, memory stays at the high-water mark', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 10_000 } });
    t.server.streams.stallReads(1500);
    const highWaterMarkBytes = 64 * 1024;
    await using stream = await ekaClient(t).openStream({ resume: false, highWaterMarkBytes });
    const frame = tonePcm(1);
    const started = performance.now();
    let waitedMs = 0;
    let peakQueued = 0;
    stream.subscribe((snapshot) => (peakQueued = Math.max(peakQueued, snapshot.bytesQueued)));
    // 16 MB: far more than loopback socket buffers hold, so the stalled server must push back on the producer.
    for (let i = 0; i < 500; i++) {
      const before = performance.now();
      await stream.sendAudio(frame);
      waitedMs = Math.max(waitedMs, performance.now() - before);
    }
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(waitedMs).toBeGreaterThan(200);
    expect(peakQueued).toBeLessThanOrEqual(highWaterMarkBytes + frame.length);
    const result = await stream.stop({ finalize: false });
    expect(result.bytesSent).toBe(500 * frame.length);
    expect((await storedStream(t.server, stream.sessionId)).length).toBe(500 * frame.length);
  });

  it('an expired session closes the socket with 4410: sendAudio and stop fail with SessionExpiredError', async () => {
    const t = await startTestServer();
    await using stream = await ekaClient(t).openStream();
    await stream.sendAudio(tonePcm(0.5));
    expect(await t.server.expireSession(stream.sessionId)).toBe(1);
    await expect.poll(() => stream.getSnapshot().phase).toBe('failed');
    expect(stream.getSnapshot().error).toBeInstanceOf(SessionExpiredError);
    expect(stream.getSnapshot().error).toMatchObject({ details: { close_code: 4410 } });
    await expect(stream.sendAudio(tonePcm(0.1))).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(stream.stop()).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(stream.stop({ finalize: false })).resolves.toMatchObject({ end: undefined });
  });

  it('a server that never closes after stop: the finalize timeout fires, the client closes, and end is still called', async () => {
    const t = await startTestServer();
    t.server.streams.ignoreStop();
    const stream = await ekaClient(t).openStream({ finalizeTimeoutMs: 300 });
    await stream.sendAudio(tonePcm(0.5));
    const started = performance.now();
    const result = await stream.stop();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(result.closedByServer).toBe(false);
    expect(result.end?.status).toBe('processing');
    expect(t.requests(/\/end$/, 'POST')).toHaveLength(1);
    expect(stream.connection).toBe('closed');
  });

  it.each([
    ['a WAV file', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(40)])],
    ['an Ogg page', Buffer.concat([Buffer.from('OggS'), Buffer.alloc(28)])],
  ])('[#72] %s instead of PCM: the server closes 1003 and the client surfaces InvalidAudioError', async (_name, bytes) => {
    const t = await startTestServer();
    await using stream = await ekaClient(t).openStream();
    await stream.sendAudio(new Uint8Array(bytes));
    await expect.poll(() => stream.getSnapshot().phase).toBe('failed');
    const error = stream.getSnapshot().error as InvalidAudioError;
    expect(error).toBeInstanceOf(InvalidAudioError);
    expect(error.details).toMatchObject({ close_code: 1003 });
    await expect(stream.sendAudio(tonePcm(0.1))).rejects.toBe(error);
    await stream.stop({ finalize: false });
  });

  it('[#72] a 4404 (unknown stream) fails opening with SessionNotFoundError, a 4409 (ended) with SessionStateError', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const { factory } = recordingWebSocket();
    const forged: WebSocketFactory = (url) => factory(url.replace(/sessions\/[^/]+\/audio/, 'sessions/nosuchstream/audio'));
    await expect(client.openStream({ createWebSocket: forged })).rejects.toMatchObject({ code: 'session_not_found', details: { close_code: 4404 } });
    const stream = await client.openStream();
    await stream.stop();
    const after = await client.openStream({ waitForOpen: false });
    await client.endSession(after.sessionId, { audioFilesSent: 0 });
    // Accepted or already refused, depending on whether the 4409 arrived first.
    await after.sendAudio(new Uint8Array(2)).catch((error: unknown) => expect(error).toBeInstanceOf(SessionStateError));
    await expect.poll(() => after.getSnapshot().phase).toBe('failed');
    expect(after.getSnapshot().error).toBeInstanceOf(SessionStateError);
    await after.stop({ finalize: false });
  });

  it('[#72] sending faster than max_speed closes 4429 → RateLimitError', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 1 } });
    await using stream = await ekaClient(t).openStream();
    for (let i = 0; i < 13 && stream.getSnapshot().phase === 'streaming'; i++) await stream.sendAudio(tonePcm(1)).catch(() => undefined);
    await expect.poll(() => stream.getSnapshot().phase).toBe('failed');
    expect(stream.getSnapshot().error).toMatchObject({ code: 'rate_limited', details: { close_code: 4429 } });
    await stream.stop({ finalize: false });
  });

  it('the WebSocket port works with any implementation: a plain ws client passed as createWebSocket', async () => {
    const t = await startTestServer();
    const urls: string[] = [];
    await using stream = await ekaClient(t).openStream({ createWebSocket: (url) => (urls.push(url), new WebSocket(url) as never) });
    await stream.sendAudio(tonePcm(0.2));
    await stream.stop({ finalize: false });
    expect(urls).toHaveLength(1);
    expect((await storedStream(t.server, stream.sessionId)).length).toBe(6400);
  });
});
