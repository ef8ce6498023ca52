import { describe, expect, it } from 'vitest';
import { createScriptedVoiceActivityDetector, frameRms } from '../audio/create-scripted-voice-activity-detector';
import type { PcmBlock } from '../audio/pcm-block';
import { createScribeCore } from '../client/create-scribe-core';
import { APIError, SessionExpiredError, SessionNotFoundError } from '../errors';
import { createManualClock, type ManualClock } from '../testing/manual-clock';
import { createScriptedTransport, type ScriptedTransport } from '../testing/scripted-transport';
import { createTestConfig } from '../testing/test-config';
import type { ChunkStore } from '../uploads/chunk-store';
import { createMemoryChunkStore } from '../uploads/create-memory-chunk-store';
import { resumePendingSessions } from '../uploads/resume-pending-sessions';
import { createScribeSession } from './create-scribe-session';
import type { ScribeSessionOptions } from './scribe-session';
import type { SessionAudioSource } from './session-audio-source';
import type { SessionState } from './session-state';

const BASE = 'https://api.eka.care/voice';
const RATE = 16000;
const SCOPE = `eka ${BASE}`;
/** One second of speech then one of pause per chunk: each `SPEECH` cuts exactly one chunk. */
const SPEECH = ['tone', 'tone', 'silence', 'silence'] as const;
const SHORT_CHUNKS = { preferredChunkSeconds: 1, maxChunkSeconds: 2, cutWindowSeconds: 0.5, maxMergeGapSeconds: 0.5 };
/** Jitter off: every backoff is exactly 1 s × 2^attempt, capped at 8 s. */
const RETRY = { initialDelayMs: 1_000, maxDelayMs: 8_000, random: () => 1 };

function block(kind: 'tone' | 'silence'): PcmBlock {
  const samples = new Float32Array(RATE / 2);
  if (kind === 'tone') for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / RATE);
  return { channels: [samples], sampleRate: RATE };
}

const fileName = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/** The service, writing what happens into `log`; `network()` false makes every upload fail as a dropped connection. */
function service(log: string[], network: { up: boolean; uploadError?: (name: string) => Error | undefined } = { up: true }, sessionId = 'ses_1') {
  return createScriptedTransport((request) => {
    if (request.url.includes('.well-known')) throw new SessionNotFoundError('HTTP 404', { status: 404 });
    if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) return { status: 201, data: { session_id: sessionId, status: 'created' } };
    if (request.url.includes('/audio/')) {
      const name = fileName(request.url);
      if (!network.up) {
        log.push(`upload ${name}: offline`);
        throw new APIError(`POST ${name} could not reach api.eka.care: connection refused (ECONNREFUSED)`, { retryable: true });
      }
      const refused = network.uploadError?.(name);
      if (refused) {
        log.push(`upload ${name}: ${refused.message}`);
        throw refused;
      }
      log.push(`upload ${name}: ok`);
      return { status: 200, data: { success: true } };
    }
    if (request.url.endsWith('/end')) {
      log.push(`end ${JSON.stringify(request.body)}`);
      return { status: 202, data: { session_id: sessionId, status: 'processing' } };
    }
    return { status: 200, data: { session_id: sessionId, status: 'completed', transcript: 'hello' } };
  });
}

/** A store that writes every call into `log` (a second handle on the same storage, as a new process would open). */
function loggingStore(inner: ChunkStore, log: string[], faults: { failAcknowledge?: number } = {}): ChunkStore {
  return {
    ...inner,
    putSession: async (session) => {
      log.push(`store session ${session.sessionId} from ${session.startIndex ?? 0}`);
      return inner.putSession(session);
    },
    putChunk: async (chunk) => {
      await inner.putChunk(chunk);
      log.push(`store ${chunk.fileName}`);
    },
    acknowledgeChunk: async (sessionId, index) => {
      if (faults.failAcknowledge === index) {
        faults.failAcknowledge = undefined;
        log.push(`store crash before removing chunk_${index}.wav`);
        throw new Error('the tab was closed');
      }
      await inner.acknowledgeChunk(sessionId, index);
      log.push(`remove chunk_${index}.wav`);
    },
    deleteSession: async (sessionId) => {
      await inner.deleteSession(sessionId);
      log.push(`remove session ${sessionId}`);
    },
  };
}

/** A live source the test feeds block by block. */
function liveSource() {
  const waiting: ((value: IteratorResult<PcmBlock>) => void)[] = [];
  const failing: ((error: unknown) => void)[] = [];
  const captured: PcmBlock[] = [];
  let closed = false;
  let failure: { error: unknown } | undefined;
  const source: SessionAudioSource = {
    live: true,
    description: 'the microphone',
    open: () => ({
      [Symbol.asyncIterator]: () => ({
        next: () => {
          const next = captured.shift();
          if (next) return Promise.resolve({ done: false, value: next });
          if (closed) return Promise.resolve({ done: true, value: undefined });
          if (failure) return Promise.reject(failure.error);
          return new Promise<IteratorResult<PcmBlock>>((resolve, reject) => {
            waiting.push(resolve);
            failing.push(reject);
          });
        },
      }),
    }),
    close: () => {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve({ done: true, value: undefined });
    },
  };
  const speak = async (kinds: readonly ('tone' | 'silence')[]) => {
    for (const kind of kinds) {
      const resolve = waiting.shift();
      failing.shift();
      if (resolve) resolve({ done: false, value: block(kind) });
      else captured.push(block(kind));
      while (!closed && (captured.length > 0 || waiting.length === 0)) await tick();
    }
  };
  /** The device goes away (unplugged): what was captured has been read; the next read throws `error`. */
  const unplug = (error: unknown) => {
    failure = { error };
    waiting.splice(0);
    for (const reject of failing.splice(0)) reject(error);
  };
  return { source, speak, unplug, isClosed: () => closed };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(transport: ScriptedTransport, store: ChunkStore, clock: ManualClock, overrides: Partial<ScribeSessionOptions> & { audio: SessionAudioSource }) {
  const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE, pollInterval: 0 }), transport, clock });
  const session = createScribeSession(core, {
    createDetector: async () => createScriptedVoiceActivityDetector({ probability: (_, frame) => (frameRms(frame) > 0.05 ? 0.9 : 0.05) }),
    speech: { chunking: SHORT_CHUNKS },
    progressIntervalMs: 0, // no progress timer among the backoff sleeps these tests count (the rate test covers it)
    chunkStore: store,
    queue: { retry: RETRY },
    clock,
    ...overrides,
  });
  const seen: SessionState[] = [];
  session.subscribe(() => seen.push(session.getSnapshot()));
  return { core, session, seen };
}

const line = (s: SessionState) => {
  const a = s.activity;
  return `${s.status} ${a.connection} cut=${a.chunksCut} pending=${a.chunksPending} q=${a.chunksQueued} up=${a.uploadsInFlight} ok=${a.chunksAcknowledged}`;
};

describe('createScribeSession with a chunkStore: the durable queue', () => {
  it('every chunk is stored before its upload and removed only after the acknowledgement; end counts them all, then the record goes', async () => {
    const log: string[] = [];
    const inner = createMemoryChunkStore();
    const clock = createManualClock({ autoAdvance: true });
    const { session, seen } = setup(service(log), loggingStore(inner, log), clock, { audio: { live: false, open: () => [...SPEECH, ...SPEECH, ...SPEECH].map(block) } });
    await session.start();
    expect((await session.result()).status).toBe('completed');
    expect(log).toEqual([
      'store session ses_1 from 0',
      'store chunk_0.wav',
      'upload chunk_0.wav: ok',
      'remove chunk_0.wav',
      'store chunk_1.wav',
      'upload chunk_1.wav: ok',
      'remove chunk_1.wav',
      'store chunk_2.wav',
      'upload chunk_2.wav: ok',
      'remove chunk_2.wav',
      'end {"audio_files_sent":3}',
      'remove session ses_1',
    ]);
    expect(await inner.listSessions()).toEqual([]);
    expect(session.getSnapshot().activity).toMatchObject({ chunksCut: 3, chunksAcknowledged: 3, chunksPending: 0, connection: 'idle' });
    // chunksPending rises when a chunk is stored and falls when it is acknowledged.
    expect(seen.map((s) => s.activity.chunksPending).filter((n, i, all) => n !== all[i - 1])).toEqual([0, 1, 0, 1, 0, 1, 0]);
  });

  it('offline: recording and detection go on, chunks wait in the store with capped backoff, then drain in order once the network is back', async () => {
    const log: string[] = [];
    const network = { up: false };
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const transport = service(log, network);
    const mic = liveSource();
    const { session, seen } = setup(transport, loggingStore(inner, log), clock, { audio: mic.source, results: false });
    await session.start();
    await mic.speak(SPEECH);
    await mic.speak(SPEECH);
    await clock.advance(1_000); // first backoff: chunk_0 again, still offline
    await mic.speak(SPEECH);
    await clock.advance(2_000);
    await clock.advance(4_000);
    await clock.advance(8_000);
    await clock.advance(8_000); // capped at 8 s
    // Three chunks cut and stored while no upload got through; the snapshot says so.
    expect(line(session.getSnapshot())).toBe('recording reconnecting cut=3 pending=3 q=3 up=0 ok=0');
    expect(session.getSnapshot().activity.lastError).toMatchObject({ code: 'api_error', retryable: true, message: expect.stringContaining('ECONNREFUSED') });
    expect((await inner.listChunks('ses_1')).map((c) => c.fileName)).toEqual(['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav']);
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    network.up = true;
    await clock.advance(8_000);
    await mic.speak(SPEECH);
    const stopping = session.stop();
    await stopping;
    expect(log.filter((entry) => entry.startsWith('upload') && entry.endsWith('ok'))).toEqual(['upload chunk_0.wav: ok', 'upload chunk_1.wav: ok', 'upload chunk_2.wav: ok', 'upload chunk_3.wav: ok']);
    expect(log.filter((entry) => entry.endsWith('offline'))).toEqual(Array(6).fill('upload chunk_0.wav: offline'));
    expect(log.slice(-2)).toEqual(['end {"audio_files_sent":4}', 'remove session ses_1']);
    expect(line(session.getSnapshot())).toBe('processing idle cut=4 pending=0 q=0 up=0 ok=4');
    // The connection axis showed the wait and its end.
    expect(seen.map((s) => s.activity.connection).filter((c, i, all) => c !== all[i - 1])).toEqual(['idle', 'reconnecting', 'idle']);
    expect(transport.maxInFlight).toBe(1);
  });

  it('the microphone unplugged mid-recording while offline: the chunks stay queued until acknowledged, then error; the session is not ended', async () => {
    const log: string[] = [];
    const network = { up: false };
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const mic = liveSource();
    const { session, seen } = setup(service(log, network), loggingStore(inner, log), clock, { audio: mic.source, results: false });
    await session.start();
    await mic.speak([...SPEECH, 'tone', 'tone']);
    const unplugged = new APIError('The microphone was disconnected.');
    mic.unplug(unplugged);
    await clock.advance(1_000);
    // Intake is over and the speech in progress was cut; both chunks wait in the store for the network.
    expect(line(session.getSnapshot())).toBe('recording reconnecting cut=2 pending=2 q=2 up=0 ok=0');
    expect(seen.some((s) => s.activity.lastError === unplugged)).toBe(true);
    expect((await inner.listChunks('ses_1')).map((c) => c.fileName)).toEqual(['chunk_0.wav', 'chunk_1.wav']);
    network.up = true;
    await clock.advance(8_000);
    await expect(session.result()).rejects.toBe(unplugged);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', failedIn: 'recording', error: unplugged, activity: { lastError: unplugged } });
    expect(line(session.getSnapshot())).toBe('error idle cut=2 pending=0 q=0 up=0 ok=2');
    expect(log.filter((entry) => !entry.endsWith('offline'))).toEqual([
      'store session ses_1 from 0',
      'store chunk_0.wav',
      'store chunk_1.wav',
      'upload chunk_0.wav: ok',
      'remove chunk_0.wav',
      'upload chunk_1.wav: ok',
      'remove chunk_1.wav',
      'remove session ses_1', // all acknowledged: nothing for resumePendingSessions to end
    ]);
    expect(mic.isClosed()).toBe(true);
  });

  it('a full queue fails the session with ChunkQueueFullError; the chunks stored stay and a resume finishes the session with them', async () => {
    const log: string[] = [];
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const mic = liveSource();
    const { session } = setup(service(log, { up: false }), loggingStore(inner, log), clock, { audio: mic.source, results: false, queue: { maxChunks: 2, retry: RETRY } });
    await session.start();
    await mic.speak([...SPEECH, ...SPEECH, ...SPEECH]);
    await expect(session.result()).rejects.toMatchObject({
      name: 'ChunkQueueFullError',
      code: 'chunk_queue_full',
      details: { file_name: 'chunk_2.wav', pending_chunks: 2, max_chunks: 2 },
    });
    expect(session.getSnapshot()).toMatchObject({ status: 'error', activity: { chunksPending: 2, chunksCut: 3 } });
    expect(mic.isClosed()).toBe(true);
    expect((await inner.listChunks('ses_1')).map((c) => c.fileName)).toEqual(['chunk_0.wav', 'chunk_1.wav']);
    // The network is back: a resume (a new client over the same storage) uploads them and ends the session.
    const resumeLog: string[] = [];
    const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE }), transport: service(resumeLog), clock });
    const resumed = await resumePendingSessions(core, loggingStore(inner, resumeLog), { clock, retry: RETRY });
    expect(resumed).toEqual([{ sessionId: 'ses_1', outcome: 'ended', chunksUploaded: 2, audioFilesSent: 2, error: undefined }]);
    expect(resumeLog).toEqual(['upload chunk_0.wav: ok', 'remove chunk_0.wav', 'upload chunk_1.wav: ok', 'remove chunk_1.wav', 'end {"audio_files_sent":2}', 'remove session ses_1']);
  });

  it('a crash: a new client over the same store resumes in order, re-sends the chunk acknowledged but not yet removed under its own name, and counts it once', async () => {
    const log: string[] = [];
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const network = { up: true };
    const mic = liveSource();
    // The first process "dies" between the acknowledgement of chunk_1 and its removal, and its network is gone after that.
    const first = setup(service(log, network), loggingStore(inner, log, { failAcknowledge: 1 }), clock, { audio: mic.source, results: false });
    await first.session.start();
    await mic.speak(SPEECH);
    await mic.speak(SPEECH);
    await expect(first.session.result()).rejects.toThrow('the tab was closed');
    expect((await inner.getSession('ses_1'))).toMatchObject({ nextIndex: 2, acknowledged: 1, endRequested: false });
    expect((await inner.listChunks('ses_1')).map((c) => c.fileName)).toEqual(['chunk_1.wav']);
    // Chunks cut later by a pipeline that kept running elsewhere would be in the store too: add one as a crash leaves it.
    await inner.putChunk({ sessionId: 'ses_1', index: 2, fileName: 'chunk_2.wav', bytes: new Uint8Array([1, 2, 3, 4]) });
    const resumeLog: string[] = [];
    const transport = service(resumeLog);
    const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE }), transport, clock });
    const resumed = await resumePendingSessions(core, loggingStore(inner, resumeLog), { clock });
    expect(resumed).toEqual([{ sessionId: 'ses_1', outcome: 'ended', chunksUploaded: 2, audioFilesSent: 3, error: undefined }]);
    expect(resumeLog).toEqual(['upload chunk_1.wav: ok', 'remove chunk_1.wav', 'upload chunk_2.wav: ok', 'remove chunk_2.wav', 'end {"audio_files_sent":3}', 'remove session ses_1']);
    // Across both processes chunk_1 went up twice under the same name: the service overwrites it (contract 5.6).
    expect(log.filter((entry) => entry.startsWith('upload'))).toEqual(['upload chunk_0.wav: ok', 'upload chunk_1.wav: ok']);
    expect(await inner.listSessions()).toEqual([]);
    expect(await resumePendingSessions(core, inner, { clock })).toEqual([]); // idempotent: nothing left
  });

  it('the session gone (404) fails it with SessionNotFoundError and keeps its audio; a resume reports it failed and keeps it too', async () => {
    const log: string[] = [];
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const gone = { up: true, uploadError: () => new SessionNotFoundError('No session ses_1 for this account.', { status: 404, serverCode: 'session_not_found' }) };
    const mic = liveSource();
    const { session } = setup(service(log, gone), loggingStore(inner, log), clock, { audio: mic.source, results: false });
    await session.start();
    await mic.speak(SPEECH);
    await expect(session.result()).rejects.toMatchObject({ code: 'session_not_found', status: 404 });
    expect(session.getSnapshot()).toMatchObject({ status: 'error', activity: { chunksPending: 1 } });
    expect(mic.isClosed()).toBe(true);
    expect(clock.sleeps).toEqual([]); // not retried
    expect((await inner.listChunks('ses_1')).map((c) => c.fileName)).toEqual(['chunk_0.wav']);
    const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE }), transport: service([], gone), clock });
    const [resumed] = await resumePendingSessions(core, inner, { clock });
    expect(resumed).toMatchObject({ sessionId: 'ses_1', outcome: 'failed', chunksUploaded: 0, error: { code: 'session_not_found' } });
    expect(await inner.getSession('ses_1')).toMatchObject({ nextIndex: 1 });
  });

  it('a session a live controller holds is busy for a resume in the same realm; cancel removes its queued chunks', async () => {
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const mic = liveSource();
    const { session, core } = setup(service([], { up: false }), inner, clock, { audio: mic.source, results: false });
    await session.start();
    await mic.speak(SPEECH);
    expect(await resumePendingSessions(core, inner, { clock })).toEqual([{ sessionId: 'ses_1', outcome: 'busy', chunksUploaded: 0, audioFilesSent: undefined, error: undefined }]);
    expect(session.getSnapshot().activity.chunksPending).toBe(1);
    await session.cancel();
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', activity: { chunksPending: 0 } });
    expect(await inner.listSessions({ scope: SCOPE })).toEqual([]);
  });

  it('cancel({ keepQueued: true }) (a page leaving mid-recording) releases everything but keeps the queued chunks; a resume then ends the session with them', async () => {
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const network = { up: false };
    const mic = liveSource();
    const { session } = setup(service([], network), inner, clock, { audio: mic.source, results: false });
    await session.start();
    await mic.speak(SPEECH);
    await mic.speak(SPEECH);
    await session.cancel({ keepQueued: true });
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled' });
    expect(mic.isClosed()).toBe(true);
    expect(await inner.getSession('ses_1')).toMatchObject({ nextIndex: 2, acknowledged: 0, endRequested: false });
    expect((await inner.listChunks('ses_1')).map((c) => c.fileName)).toEqual(['chunk_0.wav', 'chunk_1.wav']);
    network.up = true;
    const resumeLog: string[] = [];
    const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE }), transport: service(resumeLog), clock });
    expect(await resumePendingSessions(core, inner, { clock })).toEqual([{ sessionId: 'ses_1', outcome: 'ended', chunksUploaded: 2, audioFilesSent: 2, error: undefined }]);
    expect(resumeLog).toEqual(['upload chunk_0.wav: ok', 'upload chunk_1.wav: ok', 'end {"audio_files_sent":2}']);
    expect(await inner.listSessions()).toEqual([]);
  });

  it('stop() while offline waits for the queue: nothing is ended until every chunk is acknowledged, then the end counts them all', async () => {
    const log: string[] = [];
    const network = { up: false };
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const mic = liveSource();
    const { session } = setup(service(log, network), loggingStore(inner, log), clock, { audio: mic.source, results: false });
    await session.start();
    await mic.speak([...SPEECH, ...SPEECH]);
    let stopped = false;
    const stopping = session.stop().then(() => (stopped = true));
    await clock.advance(1_000);
    await clock.advance(2_000);
    expect(stopped).toBe(false);
    expect(session.getSnapshot()).toMatchObject({ status: 'ending', activity: { connection: 'reconnecting', chunksPending: 2 } });
    expect(await inner.getSession('ses_1')).toMatchObject({ endRequested: true, nextIndex: 2 });
    expect(log.some((entry) => entry.startsWith('end'))).toBe(false);
    network.up = true;
    await clock.advance(4_000);
    await stopping;
    expect(log.slice(-6)).toEqual(['upload chunk_0.wav: ok', 'remove chunk_0.wav', 'upload chunk_1.wav: ok', 'remove chunk_1.wav', 'end {"audio_files_sent":2}', 'remove session ses_1']);
    expect(session.getSnapshot()).toMatchObject({ status: 'processing', activity: { connection: 'idle', chunksPending: 0, chunksAcknowledged: 2 } });
  });

  it('the session expired (410) while chunks waited: the status is expired, the audio stays in the store', async () => {
    const inner = createMemoryChunkStore();
    const clock = createManualClock();
    const expired = { up: true, uploadError: () => new SessionExpiredError('Session ses_1 expired.', { status: 410, serverCode: 'session_expired' }) };
    const mic = liveSource();
    const { session } = setup(service([], expired), inner, clock, { audio: mic.source, results: false });
    await session.start();
    await mic.speak(SPEECH);
    await expect(session.result()).rejects.toMatchObject({ name: 'SessionExpiredError', status: 410 });
    expect(session.getSnapshot()).toMatchObject({ status: 'expired', activity: { chunksPending: 1 } });
    expect((await inner.listChunks('ses_1')).map((c) => c.fileName)).toEqual(['chunk_0.wav']);
  });
});
