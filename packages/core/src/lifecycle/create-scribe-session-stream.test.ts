import { describe, expect, it } from 'vitest';
import type { PcmBlock } from '../audio/pcm-block';
import { createScribeCore } from '../client/create-scribe-core';
import { SessionNotFoundError } from '../errors';
import { createManualClock, type ManualClock } from '../testing/manual-clock';
import { createScriptedTransport } from '../testing/scripted-transport';
import { createTestConfig } from '../testing/test-config';
import { ScriptedWebSocket } from '../testing/scripted-web-socket';
import { createScribeSession } from './create-scribe-session';
import type { SessionAudioSource } from './session-audio-source';
import type { SessionState } from './session-state';

const BASE = 'https://api.eka.care/voice';
const BLOCK_BYTES = 16_000; // half a second of 16 kHz 16-bit mono
/** These tests follow every byte the stream reports: no coalescing (the rate test covers it). */
const EVERY_REPORT = 0;

/**
 * The service's end of the stream, scripted: it stores binary frames and acknowledges each (resume mode), answers a
 * new connection with what it holds, closes with 1000 after the stop frame, and can cut a connection (1006) as it is
 * about to pass a byte count, losing that frame.
 */
function streamService() {
  let stored = 0;
  let dropAt: number | undefined;
  const sockets: ServiceSocket[] = [];
  class ServiceSocket extends ScriptedWebSocket {
    constructor(url: string) {
      super(url);
      queueMicrotask(() => {
        this.open();
        this.later(() => this.ack(stored));
      });
    }
    override send(data: string | Uint8Array): void {
      super.send(data);
      if (typeof data === 'string') {
        if (data.includes('"stop"')) this.later(() => this.closeFromServer(1000));
        return;
      }
      if (dropAt !== undefined && stored + data.length > dropAt) {
        dropAt = undefined;
        return this.later(() => this.closeFromServer(1006));
      }
      stored += data.length;
      const ack = stored;
      this.later(() => this.ack(ack));
    }
    closeFromServer(code: number): void {
      if (this.readyState !== 3) this.drop(code);
    }
    private later(step: () => void): void {
      queueMicrotask(() => {
        if (this.readyState === 1) step();
      });
    }
  }
  return {
    createWebSocket: (url: string) => {
      const socket = new ServiceSocket(url);
      sockets.push(socket);
      return socket;
    },
    dropWhenPassing: (bytes: number) => void (dropAt = bytes),
    /** Cuts the open connection now (1006). */
    dropNow: () => sockets.at(-1)?.closeFromServer(1006),
    stored: () => stored,
    sockets,
  };
}

function setup(clock: ManualClock) {
  const service = streamService();
  let polls = 0;
  const transport = createScriptedTransport((request) => {
    if (request.url.includes('.well-known')) throw new SessionNotFoundError('HTTP 404', { status: 404 });
    if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) {
      return { status: 201, data: { session_id: 'ses_1', status: 'created', upload_url: 'ws://127.0.0.1:9/v1/stream/ses_1' } };
    }
    if (request.url.endsWith('/end')) return { status: 202, data: { session_id: 'ses_1', status: 'processing', audio_files_received: 0 } };
    polls += 1;
    return polls < 2 ? { status: 202, data: { session_id: 'ses_1', status: 'processing' } } : { status: 200, data: { session_id: 'ses_1', status: 'completed' } };
  });
  const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE, pollInterval: 0 }), transport, clock, createWebSocket: service.createWebSocket, random: () => 0.5 });
  return { core, service, transport };
}

const block = (): PcmBlock => ({ channels: [new Float32Array(BLOCK_BYTES / 2).fill(0.25)], sampleRate: 16000 });

/** One line per snapshot: status, socket, stream counters. */
const line = (state: SessionState) => {
  const { status, activity: a } = state;
  const result = 'result' in state && state.result ? ` result=${state.result.status}` : '';
  return `${status}${result} ${a.connection} audio=${a.audioSeconds} sent=${a.bytesSent} acked=${a.bytesAcknowledged} reconnects=${a.reconnects}`;
};

describe('createScribeSession: streamed sessions, snapshot by snapshot', () => {
  it('a stream with a dropped socket: reconnects, resends from the acknowledged byte, ends, completes; every byte stored once', async () => {
    const clock = createManualClock({ autoAdvance: true });
    const { core, service } = setup(clock);
    service.dropWhenPassing(2 * BLOCK_BYTES + 100);
    const audio: SessionAudioSource = { live: false, open: () => Array.from({ length: 4 }, block) };
    const session = createScribeSession(core, { progressIntervalMs: EVERY_REPORT, audio, transport: 'stream', stream: { resume: true }, clock });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    await session.result();
    expect(service.stored()).toBe(4 * BLOCK_BYTES);
    expect(service.sockets).toHaveLength(2);
    expect(seen.map(line)).toMatchInlineSnapshot(`
      [
        "creating idle audio=0 sent=0 acked=0 reconnects=0",
        "created idle audio=0 sent=0 acked=0 reconnects=0",
        "created open audio=0 sent=0 acked=0 reconnects=0",
        "recording open audio=0.5 sent=0 acked=0 reconnects=0",
        "recording open audio=0.5 sent=3200 acked=0 reconnects=0",
        "recording open audio=0.5 sent=3200 acked=3200 reconnects=0",
        "recording open audio=0.5 sent=6400 acked=3200 reconnects=0",
        "recording open audio=0.5 sent=6400 acked=6400 reconnects=0",
        "recording open audio=0.5 sent=9600 acked=6400 reconnects=0",
        "recording open audio=0.5 sent=9600 acked=9600 reconnects=0",
        "recording open audio=0.5 sent=12800 acked=9600 reconnects=0",
        "recording open audio=0.5 sent=12800 acked=12800 reconnects=0",
        "recording open audio=0.5 sent=16000 acked=12800 reconnects=0",
        "recording open audio=0.5 sent=16000 acked=16000 reconnects=0",
        "recording open audio=1 sent=16000 acked=16000 reconnects=0",
        "recording open audio=1 sent=19200 acked=16000 reconnects=0",
        "recording open audio=1 sent=19200 acked=19200 reconnects=0",
        "recording open audio=1 sent=22400 acked=19200 reconnects=0",
        "recording open audio=1 sent=22400 acked=22400 reconnects=0",
        "recording open audio=1 sent=25600 acked=22400 reconnects=0",
        "recording open audio=1 sent=25600 acked=25600 reconnects=0",
        "recording open audio=1 sent=28800 acked=25600 reconnects=0",
        "recording open audio=1 sent=28800 acked=28800 reconnects=0",
        "recording open audio=1 sent=32000 acked=28800 reconnects=0",
        "recording open audio=1 sent=32000 acked=32000 reconnects=0",
        "recording open audio=1.5 sent=32000 acked=32000 reconnects=0",
        "recording open audio=1.5 sent=35200 acked=32000 reconnects=0",
        "recording reconnecting audio=1.5 sent=35200 acked=32000 reconnects=0",
        "recording reconnecting audio=1.5 sent=35200 acked=32000 reconnects=1",
        "recording open audio=1.5 sent=35200 acked=32000 reconnects=1",
        "recording open audio=1.5 sent=38400 acked=32000 reconnects=1",
        "recording open audio=1.5 sent=38400 acked=35200 reconnects=1",
        "recording open audio=1.5 sent=38400 acked=38400 reconnects=1",
        "recording open audio=1.5 sent=41600 acked=38400 reconnects=1",
        "recording open audio=1.5 sent=41600 acked=41600 reconnects=1",
        "recording open audio=1.5 sent=44800 acked=41600 reconnects=1",
        "recording open audio=1.5 sent=44800 acked=44800 reconnects=1",
        "recording open audio=1.5 sent=48000 acked=44800 reconnects=1",
        "recording open audio=1.5 sent=48000 acked=48000 reconnects=1",
        "recording open audio=2 sent=48000 acked=48000 reconnects=1",
        "recording open audio=2 sent=51200 acked=48000 reconnects=1",
        "recording open audio=2 sent=51200 acked=51200 reconnects=1",
        "recording open audio=2 sent=54400 acked=51200 reconnects=1",
        "recording open audio=2 sent=54400 acked=54400 reconnects=1",
        "recording open audio=2 sent=57600 acked=54400 reconnects=1",
        "recording open audio=2 sent=57600 acked=57600 reconnects=1",
        "recording open audio=2 sent=60800 acked=57600 reconnects=1",
        "recording open audio=2 sent=60800 acked=60800 reconnects=1",
        "recording open audio=2 sent=64000 acked=60800 reconnects=1",
        "recording open audio=2 sent=64000 acked=64000 reconnects=1",
        "ending open audio=2 sent=64000 acked=64000 reconnects=1",
        "ending closed audio=2 sent=64000 acked=64000 reconnects=1",
        "processing closed audio=2 sent=64000 acked=64000 reconnects=1",
        "processing result=processing closed audio=2 sent=64000 acked=64000 reconnects=1",
        "completed result=completed closed audio=2 sent=64000 acked=64000 reconnects=1",
      ]
    `)
  });

  it('stop during a reconnection: waits for the new connection, resends what was not acknowledged, then stops and ends', async () => {
    const clock = createManualClock();
    const { core, service, transport } = setup(clock);
    let push!: (value: IteratorResult<PcmBlock>) => void;
    const captured: PcmBlock[] = [block(), block()];
    let closed = false;
    const microphone: SessionAudioSource = {
      live: true,
      open: () => ({
        [Symbol.asyncIterator]: () => ({
          next: () =>
            captured.length > 0
              ? Promise.resolve({ done: false, value: captured.shift()! })
              : closed
                ? Promise.resolve({ done: true, value: undefined })
                : new Promise<IteratorResult<PcmBlock>>((resolve) => (push = resolve)),
        }),
      }),
      close: () => {
        closed = true;
        push?.({ done: true, value: undefined });
      },
    };
    const session = createScribeSession(core, { progressIntervalMs: EVERY_REPORT, audio: microphone, transport: 'stream', stream: { resume: true }, results: false, clock });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    await until(() => session.getSnapshot().activity.bytesAcknowledged === 2 * BLOCK_BYTES);
    service.dropNow();
    await until(() => session.getSnapshot().activity.connection === 'reconnecting');
    push({ done: false, value: block() }); // captured while the socket is down: queued, not lost
    const stopping = session.stop();
    await until(() => session.getSnapshot().status === 'ending');
    expect(session.getSnapshot().activity).toMatchObject({ connection: 'reconnecting', bytesAcknowledged: 2 * BLOCK_BYTES });
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
    await clock.advance(1_000); // the reconnection delay
    await stopping;
    expect(session.getSnapshot()).toMatchObject({ status: 'processing', activity: { connection: 'closed', reconnects: 1, bytesAcknowledged: 3 * BLOCK_BYTES } });
    expect(service.stored()).toBe(3 * BLOCK_BYTES);
    expect(transport.requests.filter((r) => r.url.endsWith('/end'))).toHaveLength(1);
    expect(seen.map(line)).toMatchInlineSnapshot(`
      [
        "creating idle audio=0 sent=0 acked=0 reconnects=0",
        "created idle audio=0 sent=0 acked=0 reconnects=0",
        "created open audio=0 sent=0 acked=0 reconnects=0",
        "recording open audio=0.5 sent=0 acked=0 reconnects=0",
        "recording open audio=0.5 sent=16000 acked=0 reconnects=0",
        "recording open audio=0.5 sent=16000 acked=16000 reconnects=0",
        "recording open audio=1 sent=16000 acked=16000 reconnects=0",
        "recording open audio=1 sent=32000 acked=16000 reconnects=0",
        "recording open audio=1 sent=32000 acked=32000 reconnects=0",
        "recording reconnecting audio=1 sent=32000 acked=32000 reconnects=0",
        "recording reconnecting audio=1 sent=32000 acked=32000 reconnects=1",
        "recording reconnecting audio=1.5 sent=32000 acked=32000 reconnects=1",
        "ending reconnecting audio=1.5 sent=32000 acked=32000 reconnects=1",
        "ending open audio=1.5 sent=32000 acked=32000 reconnects=1",
        "ending open audio=1.5 sent=48000 acked=32000 reconnects=1",
        "ending open audio=1.5 sent=48000 acked=48000 reconnects=1",
        "ending closed audio=1.5 sent=48000 acked=48000 reconnects=1",
        "processing closed audio=1.5 sent=48000 acked=48000 reconnects=1",
      ]
    `);
  });

  it('cancel mid-stream closes the socket without the stop frame, never reconnects or ends, and shows cancelled and closed', async () => {
    const clock = createManualClock();
    const { core, service, transport } = setup(clock);
    const mic = pushedMicrophone();
    const session = createScribeSession(core, { progressIntervalMs: EVERY_REPORT, audio: mic.source, transport: 'stream', stream: { resume: true }, clock });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    mic.push(block());
    await until(() => session.getSnapshot().activity.bytesAcknowledged === BLOCK_BYTES);
    await session.cancel();
    const socket = service.sockets[0]!;
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'client stopped' });
    expect(socket.sent.filter((frame) => typeof frame === 'string')).toEqual([]); // no stop frame: the audio is kept, the session open
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', sessionId: 'ses_1', activity: { connection: 'closed' } });
    await clock.advance(60_000);
    expect(service.sockets).toHaveLength(1);
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
    expect(mic.isClosed()).toBe(true);
    expect(seen.map(line).slice(-2)).toEqual([
      'cancelled open audio=0.5 sent=16000 acked=16000 reconnects=0',
      'cancelled closed audio=0.5 sent=16000 acked=16000 reconnects=0',
    ]);
  });

  it('cancel while the socket is reconnecting stops the reconnection: no second socket ever opens', async () => {
    const clock = createManualClock();
    const { core, service } = setup(clock);
    const mic = pushedMicrophone();
    const session = createScribeSession(core, { progressIntervalMs: EVERY_REPORT, audio: mic.source, transport: 'stream', stream: { resume: true }, clock });
    await session.start();
    mic.push(block());
    await until(() => session.getSnapshot().activity.bytesAcknowledged === BLOCK_BYTES);
    service.dropNow();
    await until(() => session.getSnapshot().activity.connection === 'reconnecting');
    await session.cancel();
    await clock.advance(60_000);
    expect(service.sockets).toHaveLength(1);
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', activity: { connection: 'closed' } });
  });

  it('a live source that fails mid-stream (unplugged): the audio captured is sent and stopped (flushed by the service), then error; never ended', async () => {
    const clock = createManualClock({ autoAdvance: true });
    const { core, service, transport } = setup(clock);
    const unplugged = new SessionNotFoundError('stand-in for the device error');
    const microphone: SessionAudioSource = {
      live: true,
      open: async function* () {
        yield block();
        yield block();
        throw unplugged;
      },
    };
    const session = createScribeSession(core, { progressIntervalMs: EVERY_REPORT, audio: microphone, transport: 'stream', stream: { resume: true }, clock });
    await session.start();
    await expect(session.result()).rejects.toBe(unplugged);
    expect(service.stored()).toBe(2 * BLOCK_BYTES);
    expect(service.sockets[0]!.sent.filter((frame) => typeof frame === 'string')).toEqual(['{"event":"stop"}']);
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', failedIn: 'recording', error: unplugged, activity: { lastError: unplugged, connection: 'closed', bytesAcknowledged: 2 * BLOCK_BYTES } });
  });
});

/** A microphone the test pushes blocks into; `close` ends it with what was captured. */
function pushedMicrophone() {
  const captured: PcmBlock[] = [];
  let wake: ((value: IteratorResult<PcmBlock>) => void) | undefined;
  let closed = false;
  const source: SessionAudioSource = {
    live: true,
    open: () => ({
      [Symbol.asyncIterator]: () => ({
        next: () =>
          captured.length > 0
            ? Promise.resolve({ done: false, value: captured.shift()! })
            : closed
              ? Promise.resolve({ done: true, value: undefined })
              : new Promise<IteratorResult<PcmBlock>>((resolve) => (wake = resolve)),
      }),
    }),
    close: () => {
      closed = true;
      wake?.({ done: true, value: undefined });
    },
  };
  return {
    source,
    push(value: PcmBlock) {
      const resolve = wake;
      wake = undefined;
      if (resolve) resolve({ done: false, value });
      else captured.push(value);
    },
    isClosed: () => closed,
  };
}

/** Lets pending work run until `condition` holds (at most a few thousand turns). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 5000 && !condition(); turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition()).toBe(true);
}
