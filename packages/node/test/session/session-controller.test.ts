import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, decodeWav, ScribeError, type PcmBlock, type ScribeErrorCode, type SessionAudioSource, type SessionState } from '@scribe/core/internal';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { fileMicrophone, loopedSpeech, storedStream } from '../stream/stream-support';
import { CONSULTATION_WAV, endRequests, startUploadHarness, storedChunks, uploadRequests } from '../upload-audio/support/upload-test-helpers';

const FAST_RECONNECT = { initialDelayMs: 20, maxDelayMs: 200 };

/** Statuses in the order the snapshots passed through them, each once. */
const statuses = (seen: readonly SessionState[]) => seen.map((s) => s.status).filter((status, i, all) => status !== all[i - 1]);

/** The consultation as 100 ms blocks, handed over by a live source the test controls (a microphone stand-in). */
function liveConsultation() {
  const { channels, sampleRate } = decodeWav(readFileSync(CONSULTATION_WAV));
  const step = sampleRate / 10;
  const blocks: PcmBlock[] = [];
  for (let at = 0; at < channels[0]!.length; at += step) blocks.push({ channels: [channels[0]!.subarray(at, at + step)], sampleRate });
  let closed = false;
  let wake: (() => void) | undefined;
  let released = 0;
  const source: SessionAudioSource = {
    live: true,
    description: 'the test microphone',
    open: () =>
      (async function* () {
        for (let i = 0; ; i++) {
          while (!closed && i >= released) await new Promise<void>((resolve) => (wake = resolve));
          if (i >= released || i >= blocks.length) return;
          yield blocks[i]!;
        }
      })(),
    close: () => {
      closed = true;
      wake?.();
    },
  };
  /** Releases `count` more blocks of "captured" audio. */
  const capture = (count: number) => {
    released = Math.min(blocks.length, released + count);
    wake?.();
  };
  return { source, capture, total: blocks.length, isClosed: () => closed };
}

describe('ScribeClient.session: the core controller against the real server, Silero and real audio', () => {
  it('a file: create, speech chunks cut and uploaded while decoding, end, poll, completed; counts match what the server stored', async () => {
    const { t, client, dataDir } = await startUploadHarness();
    const session = client.session({ audio: { file: CONSULTATION_WAV } });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    expect(t.requests(/\/v1\/sessions/)).toHaveLength(0);
    await session.start();
    const result = await session.result();
    expect(result.status).toBe('completed');
    expect(statuses(seen)).toEqual(['creating', 'created', 'recording', 'ending', 'processing', 'completed']);
    const { activity } = session.getSnapshot();
    const stored = storedChunks(dataDir, session.sessionId!);
    expect(activity).toMatchObject({ chunksCut: stored.length, chunksAcknowledged: stored.length, chunksQueued: 0, uploadsInFlight: 0, chunksFailed: 0 });
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(activity.audioSeconds).toBeCloseTo(22.66, 1);
    expect(activity.speechSeconds).toBeGreaterThan(10);
    expect(activity.speechSeconds).toBeLessThanOrEqual(activity.audioSeconds);
    expect(endRequests(t, session.sessionId!)).toHaveLength(1);
    // Every snapshot is a new frozen object, and counters never go backwards.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((s) => Object.isFrozen(s) && Object.isFrozen(s.activity))).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.activity.chunksAcknowledged).toBeGreaterThanOrEqual(seen[i - 1]!.activity.chunksAcknowledged);
  });

  it('live PCM: chunks are uploaded while recording goes on; stop flushes the rest, ends and polls', async () => {
    const { t, client, dataDir } = await startUploadHarness();
    const mic = liveConsultation();
    const session = client.session({ audio: mic.source, speech: { chunking: { preferredChunkSeconds: 4, maxChunkSeconds: 8 } } });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    mic.capture(Math.floor(mic.total * 0.7));
    await expect.poll(() => session.getSnapshot().activity.chunksAcknowledged, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(session.getSnapshot().status).toBe('recording');
    mic.capture(mic.total);
    await session.stop();
    expect(mic.isClosed()).toBe(true);
    const result = await session.result();
    expect(result.status).toBe('completed');
    expect(statuses(seen)).toEqual(['creating', 'created', 'recording', 'ending', 'processing', 'completed']);
    const stored = storedChunks(dataDir, session.sessionId!);
    expect(session.getSnapshot().activity).toMatchObject({ chunksCut: stored.length, chunksAcknowledged: stored.length });
    expect(uploadRequests(t, session.sessionId!)).toHaveLength(stored.length);
  });

  it('a stream with a dropped socket: the snapshot shows the reconnection, nothing is lost, the session completes', async () => {
    // The resend after the reconnection comes in a burst: a high speed limit keeps it within the service's rules.
    const t = await startTestServer({ stream: { maxSpeed: 1000 } });
    t.server.streams.dropAfter(200_000, 1);
    const session = ekaClient(t).session({ audio: { file: CONSULTATION_WAV }, transport: 'stream', stream: { reconnect: FAST_RECONNECT } });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    const result = await session.result();
    expect(result.status).toBe('completed');
    expect(statuses(seen)).toEqual(['creating', 'created', 'recording', 'ending', 'processing', 'completed']);
    const connections = seen.map((s) => s.activity.connection).filter((c, i, all) => c !== all[i - 1]);
    expect(connections).toEqual(['idle', 'connecting', 'open', 'reconnecting', 'open', 'closed']);
    const { activity } = session.getSnapshot();
    const stored = await storedStream(t.server, session.sessionId!);
    expect(activity).toMatchObject({ reconnects: 1, bytesSent: stored.length, bytesAcknowledged: stored.length });
    expect(stored.length).toBe(Math.round(22.66 * 16000) * 2);
  });

  it('a stream the service closes for good (4410: the session expired mid-stream): the session is expired and never ended with part of its audio', async () => {
    const t = await startTestServer({ sessionDurationSeconds: 2 });
    const mic = liveConsultation();
    const session = ekaClient(t).session({ audio: mic.source, transport: 'stream' });
    await session.start();
    mic.capture(10);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // past the session's 2 s lifetime
    mic.capture(10);
    await expect(session.result()).rejects.toMatchObject({ code: 'session_expired' });
    expect(session.getSnapshot()).toMatchObject({ status: 'expired', activity: { connection: 'closed' } });
    expect(mic.isClosed()).toBe(true);
    expect(endRequests(t, session.sessionId!)).toHaveLength(0);
  });

  it('a file streamed to the default service (max_speed 8x) is paced under the limit, not refused with 4429', async () => {
    const t = await startTestServer();
    const session = ekaClient(t).session({ audio: { file: CONSULTATION_WAV }, transport: 'stream' });
    await session.start();
    expect((await session.result()).status).toBe('completed');
    expect(session.getSnapshot().activity.bytesAcknowledged).toBe(Math.round(22.66 * 16000) * 2);
  });

  it('stop during a reconnection: the stream waits for the new connection, resends, then ends; nothing lost', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100 } });
    const mic = liveConsultation();
    const session = ekaClient(t).session({ audio: mic.source, transport: 'stream', stream: { reconnect: { initialDelayMs: 300, maxDelayMs: 300 } } });
    await session.start();
    mic.capture(20);
    await expect.poll(() => session.getSnapshot().activity.bytesAcknowledged).toBe(2 * 16000 * 2);
    expect(t.server.streams.dropAll()).toBe(1);
    await expect.poll(() => session.getSnapshot().activity.connection).toBe('reconnecting');
    mic.capture(10);
    await session.stop();
    expect(session.getSnapshot().status).toBe('processing');
    const stored = await storedStream(t.server, session.sessionId!);
    expect(stored.length).toBe(3 * 16000 * 2);
    expect(session.getSnapshot().activity).toMatchObject({ reconnects: 1, bytesAcknowledged: stored.length });
    expect((await session.result()).status).toBe('completed');
  });

  it('cancel mid-stream: the socket closes without the stop frame and stays closed; the audio is kept and the session left open', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100 } });
    const client = ekaClient(t);
    const mic = liveConsultation();
    const session = client.session({ audio: mic.source, transport: 'stream', stream: { reconnect: FAST_RECONNECT } });
    await session.start();
    mic.capture(60);
    await expect.poll(() => session.getSnapshot().activity.bytesAcknowledged).toBe(6 * 16000 * 2);
    expect(t.server.streams.connectionCount()).toBe(1);
    await session.cancel();
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', activity: { connection: 'closed' } });
    await expect.poll(() => t.server.streams.connectionCount()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the reconnect delay: no new socket comes
    expect(t.server.streams.connectionCount()).toBe(0);
    expect(endRequests(t, session.sessionId!)).toHaveLength(0);
    expect(mic.isClosed()).toBe(true);
    // The service kept the audio and the session open (no stop frame, no end): the app may still end it.
    expect((await storedStream(t.server, session.sessionId!)).length).toBe(6 * 16000 * 2);
    await client.endSession(session.sessionId!, { audioFilesSent: 0 });
    const result = await client.waitForResults(session.sessionId!);
    expect(result, JSON.stringify(result.raw)).toMatchObject({ status: 'completed' });
  });

  it('a microphone refused before anything else: no session is created on the service', async () => {
    const { t, client } = await startUploadHarness();
    const denied = new ConfigError('No microphone: plug one in.');
    const session = client.session({ audio: { live: true, open: () => Promise.reject(denied) } });
    await expect(session.start()).rejects.toBe(denied);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', failedIn: 'creating', sessionId: undefined });
    expect(t.server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/sessions'))).toEqual([]);
  });

  it('the microphone unplugged mid-recording: every chunk captured is stored, the session left open; recording resumes into it and ends', async () => {
    const { t, client, dataDir } = await startUploadHarness();
    const { channels, sampleRate } = decodeWav(readFileSync(CONSULTATION_WAV));
    const samples = channels[0]!;
    const cut = Math.floor(samples.length * 0.6); // mid-word, most likely: the speech in progress is flushed
    const blocksOf = (from: number, to: number) => {
      const blocks: PcmBlock[] = [];
      for (let at = from; at < to; at += sampleRate / 10) blocks.push({ channels: [samples.subarray(at, Math.min(to, at + sampleRate / 10))], sampleRate });
      return blocks;
    };
    const unplugged = new ScribeError('microphone_ended' as ScribeErrorCode, 'The microphone was disconnected.');
    const chunking = { preferredChunkSeconds: 4, maxChunkSeconds: 8 };
    const first = client.session({
      audio: {
        live: true,
        open: async function* () {
          yield* blocksOf(0, cut);
          throw unplugged;
        },
      },
      speech: { chunking },
    });
    await first.start();
    await expect(first.result()).rejects.toBe(unplugged);
    const sessionId = first.sessionId!;
    const afterFailure = storedChunks(dataDir, sessionId);
    expect(afterFailure.length).toBeGreaterThan(0);
    expect(first.getSnapshot()).toMatchObject({ status: 'error', error: unplugged, activity: { lastError: unplugged, chunksCut: afterFailure.length, chunksAcknowledged: afterFailure.length, chunksFailed: 0 } });
    expect(endRequests(t, sessionId)).toHaveLength(0);
    // A new microphone: the app records the rest into the same session, numbering on, and ends it.
    const second = client.session({ audio: { live: false, open: () => blocksOf(cut, samples.length) }, sessionId, speech: { chunking, startIndex: afterFailure.length } });
    await second.start();
    expect((await second.result()).status).toBe('completed');
    const stored = storedChunks(dataDir, sessionId);
    expect(stored.map((chunk) => chunk.index)).toEqual(stored.map((_, index) => index));
    expect(stored.length).toBe(afterFailure.length + second.getSnapshot().activity.chunksAcknowledged);
    expect(endRequests(t, sessionId)).toHaveLength(1);
  });

  it('cancel during an upload: the request is abandoned, the session is never ended, the status is cancelled', async () => {
    const { t, client } = await startUploadHarness();
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'delay', ms: 5_000, times: 100 });
    const session = client.session({ audio: { file: CONSULTATION_WAV } });
    await session.start();
    await expect.poll(() => session.getSnapshot().activity.uploadsInFlight, { timeout: 10_000 }).toBe(1);
    await session.cancel();
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', activity: { chunksAcknowledged: 0, uploadsInFlight: 0 } });
    await expect(session.result()).rejects.toMatchObject({ code: 'aborted' });
    expect(endRequests(t, session.sessionId!)).toHaveLength(0);
  });

  it('await using cancels a session that was started and never stopped', async () => {
    const { t, client } = await startUploadHarness();
    const mic = liveConsultation();
    let sessionId: string | undefined;
    {
      await using session = client.session({ audio: mic.source });
      await session.start();
      sessionId = session.sessionId;
      mic.capture(5);
    }
    expect(mic.isClosed()).toBe(true);
    expect(endRequests(t, sessionId!)).toHaveLength(0);
  });

  it('the microphone (arecord through an ALSA device reading a file): chunks go up while recording, stop releases the device and ends', async () => {
    const { t, client, dataDir } = await startUploadHarness();
    const { env, device } = fileMicrophone(await loopedSpeech(3));
    const session = client.session({ audio: { microphone: { device, env } }, speech: { chunking: { preferredChunkSeconds: 4, maxChunkSeconds: 8 } } });
    await session.start();
    await expect.poll(() => session.getSnapshot().activity.chunksAcknowledged, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(session.getSnapshot()).toMatchObject({ status: 'recording', activity: { connection: 'idle' } });
    expect(arecordChildren()).toBeGreaterThan(0);
    await session.stop();
    expect(arecordChildren()).toBe(0);
    expect((await session.result()).status).toBe('completed');
    const stored = storedChunks(dataDir, session.sessionId!);
    expect(session.getSnapshot().activity).toMatchObject({ chunksCut: stored.length, chunksAcknowledged: stored.length });
    expect(endRequests(t, session.sessionId!)).toHaveLength(1);
  });
});

/** Capture processes this test process started and that still run. */
function arecordChildren(): number {
  try {
    return execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n').filter((line) => line.includes('arecord')).length;
  } catch {
    return 0; // ps exits 1 when there are no children at all
  }
}
