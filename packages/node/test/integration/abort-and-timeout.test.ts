import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ScribeError, type ScribeClient, type StreamSession } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/start-test-server';
import { makeWav, makeWavChunks } from '../support/wav-fixtures';
import { speechPcm, tonePcm } from '../stream/stream-support';

// Every public async method of ScribeClient, held in flight by the real server, then cancelled four ways.
const SPEECH_WAV = join(import.meta.dirname, '..', 'fixtures', 'audio', 'speech.wav');
const HOLD_MS = 3000;
const DEADLINE_MS = 400;
const settle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A request the server holds for {@link HOLD_MS}; the test acts the moment the client sends it. */
interface Hold {
  method: string;
  path: RegExp;
}

interface Row {
  name: string;
  server?: TestServerOptions;
  /** The request to hold; none for stream calls, which are held by a stream fault set in `prepare`. */
  hold?: Hold;
  /** Builds what the call needs (a helper client does server-side setup) and returns the call itself. */
  prepare(t: TestServer, client: ScribeClient, helper: ScribeClient): Promise<(signal?: AbortSignal) => Promise<unknown>>;
}

async function openSession(helper: ScribeClient): Promise<string> {
  return (await helper.createSession()).sessionId;
}

async function completedSession(t: TestServer, helper: ScribeClient): Promise<string> {
  const sessionId = await openSession(helper);
  await helper.uploadChunks(sessionId, makeWavChunks(1));
  t.engine.release();
  await helper.waitForResults(sessionId);
  return sessionId;
}

const sessionPath = /\/sessions\/[^/]+$/;
const rows: Row[] = [
  { name: 'createSession', hold: { method: 'POST', path: /\/sessions$/ }, prepare: async (_t, c) => (signal) => c.createSession({ signal }) },
  {
    name: 'sessions.get',
    hold: { method: 'GET', path: sessionPath },
    prepare: async (_t, c, h) => {
      const id = await openSession(h);
      return (signal) => c.sessions.get(id, { signal });
    },
  },
  {
    name: 'sessions.patch',
    hold: { method: 'PATCH', path: sessionPath },
    prepare: async (_t, c, h) => {
      const id = await openSession(h);
      return (signal) => c.sessions.patch(id, { userStatus: 'reviewing' }, { signal });
    },
  },
  {
    name: 'sessions.processTemplate',
    hold: { method: 'POST', path: /\/process\/template/ },
    prepare: async (t, c, h) => {
      const id = await completedSession(t, h);
      return (signal) => c.sessions.processTemplate(id, { signal });
    },
  },
  { name: 'templates.list', hold: { method: 'GET', path: /\/templates$/ }, prepare: async (_t, c) => (signal) => c.templates.list({ signal }) },
  {
    name: 'uploadChunk',
    hold: { method: 'POST', path: /\/audio\// },
    prepare: async (_t, c, h) => {
      const id = await openSession(h);
      return (signal) => c.uploadChunk(id, { bytes: makeWav({ seconds: 1 }), index: 0 }, { signal });
    },
  },
  {
    name: 'uploadChunks',
    hold: { method: 'POST', path: /\/audio\// },
    prepare: async (_t, c, h) => {
      const id = await openSession(h);
      return (signal) => c.uploadChunks(id, makeWavChunks(2), { signal, endSession: false });
    },
  },
  {
    name: 'uploadAudioFile',
    hold: { method: 'POST', path: /\/audio\// },
    prepare: async (_t, c, h) => {
      const id = await openSession(h);
      return (signal) => c.uploadAudioFile(id, SPEECH_WAV, { signal, endSession: false });
    },
  },
  {
    name: 'uploadPcm',
    hold: { method: 'POST', path: /\/audio\// },
    prepare: async (_t, c, h) => {
      const id = await openSession(h);
      const pcm = await speechPcm();
      return (signal) => c.uploadPcm(id, pcm, { sampleRate: 16000, signal, endSession: false });
    },
  },
  {
    name: 'endSession',
    hold: { method: 'POST', path: /\/end$/ },
    prepare: async (_t, c, h) => {
      const id = await openSession(h);
      return (signal) => c.endSession(id, { audioFilesSent: 0, signal });
    },
  },
  {
    name: 'waitForResults',
    server: { holdProcessing: true },
    hold: { method: 'GET', path: sessionPath },
    prepare: async (t, c, h) => {
      const id = await openSession(h);
      await h.uploadChunks(id, makeWavChunks(1));
      return (signal) => {
        const waiting = c.waitForResults(id, { signal });
        // Processing finishes only for the call made after the cancelled one.
        if (!signal) t.engine.release();
        return waiting;
      };
    },
  },
  {
    name: 'openStream',
    hold: { method: 'POST', path: /\/sessions$/ },
    prepare: async (_t, c) => async (signal) => {
      const stream = await c.openStream({ signal });
      await stream.stop();
    },
  },
  {
    name: 'stream.sendAudio',
    prepare: async (t, c) => {
      // The stall starts at the connection, inside openStream: long enough that a loaded machine's slow set-up cannot
      // outlast it before the call under test runs (3 s did once in CI, and the send then simply completed).
      t.server.streams.stallReads(10_000);
      const stream = await c.openStream();
      const pcm = tonePcm(300); // more than the socket buffers take while the server is not reading
      return (signal) => (signal ? stream.sendAudio(pcm, { signal }) : stream.sendAudio(pcm.subarray(0, 3200)));
    },
  },
  {
    name: 'session().start',
    hold: { method: 'POST', path: /\/sessions$/ },
    prepare: async (_t, c) => async (signal) => {
      // A file session ends by itself once read; the client's close at the end of the test cancels the rest.
      await c.session({ audio: { file: SPEECH_WAV }, results: false }).start({ signal });
    },
  },
  {
    name: 'session().stop',
    hold: { method: 'POST', path: /\/end$/ },
    prepare: async (_t, c) => {
      // Raw PCM that keeps arriving until stop: the session ends only when stopped.
      const pcm = new PassThrough();
      pcm.write(await speechPcm());
      const session = c.session({ audio: { pcm, sampleRate: 16000 }, results: false });
      await session.start();
      // stop() stops reading a PCM input at once: let the session take the speech in first.
      await expect.poll(() => session.getSnapshot().activity.audioSeconds).toBeGreaterThan(8);
      return (signal) => session.stop({ signal });
    },
  },
  {
    name: 'stream.stop',
    prepare: async (t, c) => {
      const stream: StreamSession = await c.openStream();
      await stream.sendAudio(tonePcm(1));
      t.server.streams.ignoreStop();
      return (signal) => stream.stop({ signal });
    },
  },
];

/** The client under test, whose fetch reports when the held request leaves it. */
function clientFor(t: TestServer, hold: Hold | undefined) {
  let armed: ((url: URL, method: string) => boolean) | undefined;
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (armed?.(url, method)) armed = undefined;
    return t.fetch(input, init);
  };
  const client = ekaClient(t, { fetch });
  return {
    client,
    /** Resolves when the next matching request is sent (the held one; any request with `anyRequest`), or soon for stream holds. */
    sent(anyRequest = false): Promise<void> {
      if (!hold && !anyRequest) return settle(100);
      return new Promise<void>((resolve) => {
        armed = (url, method) => {
          if (!anyRequest && !(hold!.method === method && hold!.path.test(url.pathname))) return false;
          // After fetch has the request: the caller cancels a call that is really in flight.
          queueMicrotask(resolve);
          return true;
        };
      });
    },
  };
}

async function setUp(row: Row) {
  const t = await startTestServer({ longPollSeconds: 1, ...row.server });
  const helper = ekaClient(t);
  const { client, sent } = clientFor(t, row.hold);
  const call = await row.prepare(t, client, helper);
  if (row.hold) t.server.faults.add({ method: row.hold.method, path: row.hold.path, kind: 'delay', ms: HOLD_MS, times: 100 });
  return { t, client, sent, call };
}

const outcome = (promise: Promise<unknown>) => promise.then((value) => ({ resolved: value }), (error: unknown) => error);

// Uploads of several chunks reject with a ChunkUploadError (it carries where to resume) whose code is the abort's.
function expectCode(error: unknown, code: 'aborted' | 'timeout'): void {
  expect(ScribeError.is(error), String(error)).toBe(true);
  expect(error).toMatchObject({ code });
  expect([code === 'timeout' ? 'TimeoutError' : 'AbortError', 'ChunkUploadError']).toContain((error as ScribeError).name);
}

describe('abort and timeout: every public async method of ScribeClient against the real server', () => {
  it.each(rows)("$name: the caller's abort -> AbortError", { timeout: 20_000 }, async (row) => {
    const { call, sent } = await setUp(row);
    const controller = new AbortController();
    const pending = outcome(call(controller.signal));
    await sent();
    const started = performance.now();
    controller.abort();
    const error = await pending;
    expectCode(error, 'aborted');
    expect(performance.now() - started).toBeLessThan(HOLD_MS / 2);
  });

  it.each(rows)("$name: the caller's AbortSignal.timeout() -> TimeoutError", { timeout: 20_000 }, async (row) => {
    const { call } = await setUp(row);
    const error = await outcome(call(AbortSignal.timeout(DEADLINE_MS)));
    expectCode(error, 'timeout');
  });

  it.each(rows)('$name: client.close() during the call -> AbortError', { timeout: 20_000 }, async (row) => {
    const { client, call, sent } = await setUp(row);
    const pending = outcome(call(new AbortController().signal));
    await sent();
    await client.close();
    const error = await pending;
    expectCode(error, 'aborted');
  });

  it.each(rows)('$name: a call right after an aborted call on the same client succeeds', { timeout: 20_000 }, async (row) => {
    const { t, call, sent } = await setUp(row);
    t.server.faults.clear();
    const controller = new AbortController();
    // Cancelled as its very first request leaves (discovery or login for a fresh client, shared with later calls).
    const firstRequest = row.hold ? sent(true) : sent();
    const first = outcome(call(controller.signal));
    await firstRequest;
    controller.abort();
    // Straight after the abort, before its rejection has even been seen: nothing shared may still carry it.
    const second = outcome(call());
    expect(await first).toMatchObject({ code: 'aborted' });
    expect(await second).toHaveProperty('resolved');
  });
});

describe('nothing shared inherits an abort', () => {
  it('msa: createSession() straight after a createSession({ signal }) aborted during the discovery fetch succeeds', async () => {
    const t = await startTestServer();
    let discoverySent: () => void = () => undefined;
    const discoveryStarted = new Promise<void>((resolve) => (discoverySent = resolve));
    const client = msaClient(t, {
      fetch: (input, init) => {
        if (String(input instanceof Request ? input.url : input).includes('/.well-known/')) queueMicrotask(discoverySent);
        return t.fetch(input, init);
      },
    });
    t.server.faults.add({ method: 'GET', path: /\/\.well-known\//, kind: 'delay', ms: 200 });
    const controller = new AbortController();
    const first = outcome(client.createSession({ signal: controller.signal }));
    await discoveryStarted;
    controller.abort();
    const second = outcome(client.createSession());
    expect(await first).toMatchObject({ code: 'aborted' });
    expect(await second).toHaveProperty('resolved');
  });
});
