import { describe, expect, it } from 'vitest';
import { endSession, startTestServer } from '../helpers/harness.js';
import { connect, createStreamSession, send, storedLog, tone } from './stream-client.js';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

/** Frames that must close the socket 1003, each with the reason it names (contract 6.5, first row of the table). */
const UNSUPPORTED: [string, string | Buffer, RegExp][] = [
  ['an odd-length binary frame', Buffer.alloc(1001), /odd-length/],
  ['a RIFF/WAVE header', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(40)]), /RIFF/],
  ['an Ogg page', Buffer.concat([Buffer.from('OggS'), Buffer.alloc(28)]), /Ogg/],
  ['an ID3 tag', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(29)]), /ID3/],
  ['a FLAC stream', Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(28)]), /FLAC/],
  ['an EBML (WebM) header', Buffer.concat([hex('1A45DFA3'), Buffer.alloc(28)]), /EBML/],
  ['an MP3 frame sync', Buffer.concat([hex('FFFB9064'), Buffer.alloc(28)]), /MP3/],
  ['text that is not JSON', 'hello', /not a JSON envelope/],
  ['a JSON array', '[1,2,3]', /not a JSON envelope/],
  ['JSON without an event', '{"media":{"payload":"AAAA"}}', /unknown envelope event/],
  ['an unknown event', '{"event":"dance"}', /unknown envelope event/],
  ['media whose payload is not base64', '{"event":"media","media":{"payload":"@@not-base64@@"}}', /not valid base64/],
  ['media without a payload', '{"event":"media","media":{}}', /base64 string/],
  ['media with an odd-length payload', JSON.stringify({ event: 'media', media: { payload: Buffer.alloc(3).toString('base64') } }), /odd-length/],
  ['start with a wrong sample rate', '{"event":"start","start":{"mediaFormat":{"encoding":"audio/x-l16","sampleRate":8000}}}', /sampleRate/],
  ['start with a wrong encoding', '{"event":"start","start":{"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":16000}}}', /encoding/],
];

describe('stream close codes (contract 6.5)', () => {
  it.each(UNSUPPORTED)('[#76] 1003 for %s', async (_name, frame, reason) => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    await send(socket, frame);
    const closed = await socket.closed;
    expect(closed.code).toBe(1003);
    expect(closed.reason).toMatch(reason);
    expect((await storedLog(t, sessionId)).length).toBe(0);
  });

  it('[#76] PCM whose samples merely look like an MP3 sync later in the stream is taken as PCM', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    await send(socket, tone(0.1));
    await send(socket, Buffer.concat([hex('FFFB9064'), Buffer.alloc(28)]));
    await send(socket, 'stop');
    expect((await socket.closed).code).toBe(1000);
    expect((await storedLog(t, sessionId)).length).toBe(3200 + 32);
  });

  it('[#76] 1009 for a binary frame or a decoded media payload over max_frame_bytes', async () => {
    const t = await startTestServer({ stream: { maxFrameBytes: 4096 } });
    for (const frame of [Buffer.alloc(4098), JSON.stringify({ event: 'media', media: { payload: Buffer.alloc(4098).toString('base64') } })]) {
      const { url } = await createStreamSession(t);
      const socket = connect(url);
      await socket.opened;
      await send(socket, Buffer.alloc(4096));
      await send(socket, frame);
      const closed = await socket.closed;
      expect(closed.code).toBe(1009);
      expect(closed.reason).toMatch(/max_frame_bytes \(4096\)/);
    }
  });

  it('[#76] 4001 when a newer connection supersedes an open one; [#78] its first ack covers what the old one sent', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const old = connect(`${url}?ack=1`);
    await old.opened;
    await send(old, tone(0.5));
    const newer = connect(`${url}?ack=1`);
    expect(await old.closed).toMatchObject({ code: 4001, reason: 'superseded by a newer connection' });
    await newer.opened;
    await expect.poll(() => newer.messages.length).toBeGreaterThan(0);
    expect(newer.messages[0]).toEqual({ event: 'ack', bytes: 16000 });
    await send(newer, 'stop');
    expect((await newer.closed).code).toBe(1000);
    expect((await storedLog(t, sessionId)).length).toBe(16000);
  });

  it('[#76] 4404 for an unknown stream id (the upgrade is accepted, then closed)', async () => {
    const t = await startTestServer();
    const { url } = await createStreamSession(t);
    const socket = connect(url.replace(/sessions\/[^/]+\/audio/, 'sessions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/audio'));
    await socket.opened;
    expect(await socket.closed).toMatchObject({ code: 4404, reason: 'unknown stream id' });
  });

  it('[#76] 4409 for a session already ended', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    expect((await endSession(t, sessionId, 0)).status).toBe(202);
    const socket = connect(url);
    await socket.opened;
    expect(await socket.closed).toMatchObject({ code: 4409, reason: 'session already ended' });
  });

  it('[#76] 4410 for an expired session, both on connect and for a socket open when it expires', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    await send(socket, tone(0.2));
    expect(await t.server.expireSession(sessionId)).toBe(1);
    expect(await socket.closed).toMatchObject({ code: 4410, reason: 'session expired' });
    const again = connect(url);
    expect(await again.closed).toMatchObject({ code: 4410 });
    expect((await storedLog(t, sessionId)).length).toBe(6400);
  });

  it('[#76] 4429 when audio arrives faster than max_speed × connected time + 10 s', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 2 } });
    const { url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    for (let i = 0; i < 12; i++) await send(socket, tone(1)).catch(() => undefined);
    const closed = await socket.closed;
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/faster than 2x real time/);
  });

  it('[#77] without ack=1 the server sends no data messages at all', async () => {
    const t = await startTestServer({ stream: { ackIntervalMs: 100 } });
    const { url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    for (let i = 0; i < 5; i++) {
      await send(socket, tone(0.1));
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    await send(socket, 'stop');
    expect((await socket.closed).code).toBe(1000);
    expect(socket.messages).toEqual([]);
  });

  it('[#78] with ack=1: an ack on open, at least one per second while audio arrives, and one after the stop flush', async () => {
    const t = await startTestServer();
    const { url } = await createStreamSession(t);
    const socket = connect(`${url}?ack=1`);
    await socket.opened;
    await expect.poll(() => socket.messages.length).toBe(1);
    expect(socket.messages[0]).toEqual({ event: 'ack', bytes: 0 });
    const started = performance.now();
    let sent = 0;
    while (performance.now() - started < 2600) {
      await send(socket, tone(0.1));
      sent += 3200;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await send(socket, 'stop');
    const closed = await socket.closed;
    expect(closed.code).toBe(1000);
    const acks = socket.messages as { event: string; bytes: number }[];
    expect(acks.every((ack) => ack.event === 'ack')).toBe(true);
    expect(acks.at(-1)).toEqual({ event: 'ack', bytes: sent });
    const during = socket.arrivals.slice(1, -1);
    expect(during.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < during.length; i++) expect(during[i]! - during[i - 1]!).toBeLessThan(1000);
    expect(acks.map((ack) => ack.bytes)).toEqual([...acks.map((ack) => ack.bytes)].sort((a, b) => a - b));
  });

  it('[#76] 1011 when the stream log cannot be written; the next connection finds every byte once, none doubled', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const first = connect(`${url}?ack=1`);
    await first.opened;
    const audio = tone(0.5);
    await send(first, audio);
    // The write fails after half of the pending audio reached the file, as a disk error mid-write would.
    t.server.streams.failWrites(1);
    await send(first, 'stop');
    expect(await first.closed).toMatchObject({ code: 1011, reason: 'the stream could not be stored' });

    const second = connect(`${url}?ack=1`);
    await second.opened;
    await expect.poll(() => second.messages.length).toBeGreaterThan(0);
    expect(second.messages[0]).toEqual({ event: 'ack', bytes: audio.length });
    await send(second, 'stop');
    expect((await second.closed).code).toBe(1000);
    expect(Buffer.compare(await storedLog(t, sessionId), audio)).toBe(0);
  });
});
