import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createMemoryChunkStore, resumePendingSessions, type ChunkStore } from '@scribe/core';
import { decodeWav, type SessionState } from '@scribe/core/internal';
import { createScriptedLiveSource } from '@scribe/core/testing';
import type { ScribeClient } from '@scribe/node';
import { startCuttableProxy, type CuttableProxy } from '@scribe/server';
import { ekaClient } from '../support/client-factory';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { createTempDirectory } from '../support/temp-directory';
import { CONSULTATION_WAV, endRequests, storedChunks, uploadRequests } from '../upload-audio/support/upload-test-helpers';

/** Short backoff so the test waits milliseconds, not seconds, for the network to come back. */
const QUEUE = { retry: { initialDelayMs: 50, maxDelayMs: 400 } };
const CHUNKING = { chunking: { preferredChunkSeconds: 4, maxChunkSeconds: 8 } };

/** The consultation, handed over in 100 ms blocks by a live source the test controls (a microphone stand-in). */
function liveConsultation() {
  const { channels, sampleRate } = decodeWav(readFileSync(CONSULTATION_WAV));
  return createScriptedLiveSource({ pcm: channels[0]!, sampleRate, description: 'the test microphone' });
}

/** A server with a data directory, a proxy in front of it, and a client (no transport retries: the queue's are tested). */
async function harness(): Promise<{ t: TestServer; proxy: CuttableProxy; dataDir: string; client: (options?: object) => ScribeClient }> {
  const dataDir = createTempDirectory();
  const t = await startTestServer({ dataDir });
  const proxy = await startCuttableProxy(t.url);
  onTestFinished(() => proxy.close());
  return { t, proxy, dataDir, client: (options = {}) => ekaClient(t, { baseUrl: proxy.url, authBaseUrl: proxy.url, maxRetries: 0, ...options }) };
}

const CRASH_CHILD = join(import.meta.dirname, 'support', 'queue-crash-child.mjs');

/** What the child process reports after each snapshot. */
interface ChildLine {
  status: string;
  sessionId: string | undefined;
  chunksCut: number;
  chunksPending: number;
  chunksAcknowledged: number;
  connection: string;
}

/** `.chunk` files waiting in a queue directory (createFileChunkStore's layout). */
function queuedChunkFiles(queueDir: string): string[] {
  const sessions = join(queueDir, 'sessions');
  return readdirSync(sessions, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('s-'))
    .flatMap((entry) => readdirSync(join(sessions, entry.name)).filter((name) => name.endsWith('.chunk')));
}

/** One past the highest chunk index the queue holds durably (a renamed `{i}.chunk` or an `{i}.ack` marker), 0 when none. */
function durableNextIndex(queueDir: string): number {
  const indexes = queuedNames(queueDir).flatMap((name) => /^(\d+)\.(?:chunk|ack)$/.exec(name)?.[1] ?? []).map(Number);
  return indexes.length === 0 ? 0 : Math.max(...indexes) + 1;
}

function queuedNames(queueDir: string): string[] {
  const sessions = join(queueDir, 'sessions');
  return readdirSync(sessions, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('s-'))
    .flatMap((entry) => readdirSync(join(sessions, entry.name)));
}

/** The file names the server accepted (200) for a session, in arrival order. */
const accepted = (t: TestServer, sessionId: string) => uploadRequests(t, sessionId).filter((r) => r.status === 200).map((r) => r.path.slice(r.path.lastIndexOf('/') + 1));
/** At least one chunk acknowledged and nothing cut is waiting or uploading: the moment to cut the network. */
const settled = ({ activity: a }: SessionState) => a.chunksAcknowledged >= 1 && a.chunksAcknowledged === a.chunksCut && a.uploadsInFlight === 0 && a.chunksPending === 0;
const names = (count: number) => Array.from({ length: count }, (_, i) => `chunk_${i}.wav`);

describe('ScribeClient.session with a chunkStore against the real server: no audio lost to a network cut', () => {
  it('the network is cut mid-recording: detection goes on, chunks wait in the store, then arrive once and in order; the session completes', async () => {
    const { t, proxy, dataDir, client } = await harness();
    const store = createMemoryChunkStore();
    const mic = liveConsultation();
    const session = client().session({ audio: mic.source, chunkStore: store, queue: QUEUE, speech: CHUNKING });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    mic.captureUpTo(0.5);
    await expect.poll(() => settled(session.getSnapshot()), { timeout: 15_000 }).toBe(true);
    const cutAt = session.getSnapshot().activity.chunksCut;
    proxy.cut();
    mic.captureUpTo(0.85);
    await expect.poll(() => session.getSnapshot().activity.chunksCut, { timeout: 15_000 }).toBeGreaterThanOrEqual(cutAt + 2);
    await expect.poll(() => session.getSnapshot().activity.connection, { timeout: 5_000 }).toBe('reconnecting');
    const offline = session.getSnapshot();
    expect(offline.status).toBe('recording');
    expect(offline.activity.chunksPending).toBe(offline.activity.chunksCut - 1);
    expect(offline.activity.lastError).toMatchObject({ code: 'api_error', retryable: true });
    expect((await store.listChunks(session.sessionId!)).length).toBe(offline.activity.chunksPending);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second more of outage: the queue keeps trying
    expect(session.getSnapshot().activity.connection).toBe('reconnecting');
    proxy.restore();
    mic.captureUpTo(1);
    await session.stop();
    expect((await session.result()).status).toBe('completed');
    const id = session.sessionId!;
    const { activity } = session.getSnapshot();
    const stored = storedChunks(dataDir, id);
    expect(stored.map((c) => c.name)).toEqual(names(activity.chunksCut));
    expect(accepted(t, id)).toEqual(names(activity.chunksCut)); // each once, in order
    expect(uploadRequests(t, id).length).toBe(activity.chunksCut); // nothing reached the server while cut
    expect(endRequests(t, id).map((r) => r.body)).toEqual([{ audio_files_sent: activity.chunksCut }]);
    expect(activity).toMatchObject({ chunksAcknowledged: activity.chunksCut, chunksPending: 0, connection: 'idle' });
    expect(proxy.refused).toBeGreaterThan(0);
    expect(seen.map((s) => s.activity.connection).filter((c, i, all) => c !== all[i - 1])).toEqual(['idle', 'reconnecting', 'idle']);
    expect(await store.listSessions()).toEqual([]);
    console.log(`network cut: ${activity.chunksCut} chunks, ${offline.activity.chunksPending} cut while offline, ${proxy.refused} connections refused, ${uploadRequests(t, id).length} uploads reached the server`);
  });

  it('the client dies while offline with chunks queued; a new client resumes them: every chunk once, in order, the session ended with the full count', async () => {
    const { t, proxy, dataDir, client } = await harness();
    const store: ChunkStore = createMemoryChunkStore();
    const mic = liveConsultation();
    const first = client();
    const session = first.session({ audio: mic.source, chunkStore: store, queue: QUEUE, speech: CHUNKING });
    await session.start();
    mic.captureUpTo(0.5);
    await expect.poll(() => settled(session.getSnapshot()), { timeout: 15_000 }).toBe(true);
    proxy.cut();
    mic.captureUpTo(1);
    await expect.poll(() => session.getSnapshot().activity.chunksPending, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await first.close(); // the process is gone: nothing more is sent, nothing is ended
    await expect(session.result()).rejects.toBeDefined();
    const id = session.sessionId!;
    const left = await store.listChunks(id);
    expect(left.length).toBeGreaterThanOrEqual(2);
    expect(endRequests(t, id)).toHaveLength(0);
    proxy.restore();
    // A second client over the same storage (another object, as a new process would open).
    const reopened: ChunkStore = { ...store };
    const resumed = await resumePendingSessions(client(), reopened, { retry: QUEUE.retry, signal: AbortSignal.timeout(20_000) });
    const total = session.getSnapshot().activity.chunksAcknowledged + left.length;
    expect(resumed).toEqual([{ sessionId: id, outcome: 'ended', chunksUploaded: left.length, audioFilesSent: total, error: undefined }]);
    expect(accepted(t, id)).toEqual(names(total));
    expect(storedChunks(dataDir, id).map((c) => c.name)).toEqual(names(total));
    expect(endRequests(t, id).map((r) => r.body)).toEqual([{ audio_files_sent: total }]);
    expect(await store.listSessions()).toEqual([]);
    expect((await client().waitForResults(id)).status).toBe('completed');
  });

  it('a process with queueDir is killed with SIGKILL while offline; a second process resumes: every chunk once, in order, the session ended and completed', async () => {
    const { t, proxy, dataDir, client } = await harness();
    const queueDir = createTempDirectory();
    const child = spawn(process.execPath, [CRASH_CHILD, proxy.url, queueDir, CONSULTATION_WAV], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let latest: ChildLine | undefined;
    let stderr = '';
    let buffered = '';
    child.stdout.on('data', (data: Buffer) => {
      buffered += data.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line) latest = JSON.parse(line) as ChildLine;
    });
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    try {
      await expect.poll(() => latest?.sessionId, { timeout: 20_000 }).toBeDefined();
      proxy.cut(); // from here no upload gets through
      // The whole file has been cut into chunks and every one not acknowledged is on disk.
      await expect.poll(() => latest && latest.status === 'ending' && latest.connection === 'reconnecting' && latest.chunksPending === latest.chunksCut - latest.chunksAcknowledged, { timeout: 20_000 }).toBe(true);
      // The snapshot counts a chunk when it is cut; its durable write (fsync, rename) may still be in flight. Only what
      // is durable can survive SIGKILL, so the kill waits for the last chunk to be on disk.
      await expect.poll(() => durableNextIndex(queueDir), { timeout: 20_000 }).toBe(latest!.chunksCut);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited, stderr).toBe('SIGKILL');
    const sessionId = latest!.sessionId!;
    const total = latest!.chunksCut;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(queuedChunkFiles(queueDir)).toHaveLength(latest!.chunksPending);
    expect(endRequests(t, sessionId)).toHaveLength(0);
    proxy.restore();
    const second = client({ queueDir });
    expect((await second.pendingSessions()).map((s) => [s.sessionId, s.nextIndex, s.endRequested])).toEqual([[sessionId, total, false]]);
    const resumed = await second.resumePending({ retry: QUEUE.retry, signal: AbortSignal.timeout(20_000) });
    expect(resumed).toEqual([{ sessionId, outcome: 'ended', chunksUploaded: latest!.chunksPending, audioFilesSent: total, error: undefined }]);
    expect(storedChunks(dataDir, sessionId).map((c) => c.name)).toEqual(names(total));
    expect(accepted(t, sessionId)).toEqual(names(total));
    expect(endRequests(t, sessionId).map((r) => r.body)).toEqual([{ audio_files_sent: total }]);
    expect(await second.pendingSessions()).toEqual([]);
    expect(queuedChunkFiles(queueDir)).toEqual([]);
    expect((await second.waitForResults(sessionId)).status).toBe('completed');
    console.log(`SIGKILL: ${total} chunks, ${latest!.chunksPending} on disk at the kill, resumed by a second process`);
  });
});
