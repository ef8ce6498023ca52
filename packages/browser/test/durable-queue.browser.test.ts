import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChunkQueueFullError, ScribeError } from '@scribe/core';
import type { SessionState } from '@scribe/core/internal';
import { createBrowserClient, type BrowserScribeClient } from '../src/client/browser-client';
import type { BrowserClientOptions } from '../src/client/browser-options';
import { commands } from './support/browser-commands';
import { scriptedLiveSource } from './support/live-source';
import { CONSULTATION_WAV, speechPcm, TEST_TEMPLATES } from './support/speech-audio';
import { TEST_ASSET_BASE_URL } from './support/test-assets';

// No audio lost, in real Chromium, through the real relay (createScribeRelay on the page's own server) to the real
// @scribe/server: the network between the relay and the service is cut by a TCP proxy (browser commands, run in Node),
// chunks wait in IndexedDB, and the server's request log and disk say what arrived.

/** Short backoff so the test waits milliseconds, not seconds, for the network to come back. */
const RETRY = { initialDelayMs: 50, maxDelayMs: 400 };
/** More, shorter chunks than the defaults, so a cut falls between several of them. */
const SPEECH = { chunking: { preferredChunkSeconds: 4, maxChunkSeconds: 8 } };

const clients: BrowserScribeClient[] = [];
afterEach(async () => {
  await commands.restoreNetwork();
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

beforeAll(() => {
  // The app's session cookie: the relay's authorize reads the user from it (same origin, so fetch sends it).
  document.cookie = `${inject('relayUserCookie')}=alice; path=/`;
});

let counter = 0;
const databaseName = () => `scribe-test-queue-${Date.now()}-${counter++}`;

/** A relay-mode client over its own IndexedDB database. */
function relayClient(database: string, overrides: Partial<BrowserClientOptions> = {}): BrowserScribeClient {
  const client = createBrowserClient({ relayUrl: inject('relayUrl'), assetBaseUrl: TEST_ASSET_BASE_URL, defaultTemplates: TEST_TEMPLATES, queue: { database }, ...overrides });
  clients.push(client);
  return client;
}

const names = (count: number) => Array.from({ length: count }, (_, i) => `chunk_${i}.wav`);
/** At least one chunk acknowledged and nothing cut is waiting or uploading: the moment to cut the network. */
const settled = ({ activity: a }: SessionState) => a.chunksAcknowledged >= 1 && a.chunksAcknowledged === a.chunksCut && a.uploadsInFlight === 0 && a.chunksPending === 0;
const accepted = (traffic: { uploads: { name: string; status: number | null }[] }) => traffic.uploads.filter((u) => u.status === 200).map((u) => u.name);

/** Every record of a queue database, as text (chunk bytes as Latin-1, so an ASCII secret inside would show). */
async function dumpDatabase(name: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const texts: string[] = [];
    for (const storeName of db.objectStoreNames) {
      const records = await new Promise<unknown[]>((resolve, reject) => {
        const all = db.transaction(storeName).objectStore(storeName).getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
      for (const record of records) {
        texts.push(JSON.stringify(record, (_key, value: unknown) => (value instanceof Uint8Array ? Array.from(value, (byte) => String.fromCharCode(byte)).join('') : value)));
      }
    }
    return texts;
  } finally {
    db.close();
  }
}

describe('durable queue in IndexedDB, through the real relay', () => {
  it('(a) the network is cut mid-recording: recording goes on, chunks wait in IndexedDB, then arrive once and in order; another client sees the session busy', async () => {
    const database = databaseName();
    const client = relayClient(database);
    const { pcm, sampleRate } = await speechPcm(CONSULTATION_WAV);
    const mic = scriptedLiveSource(pcm, sampleRate);
    const session = client.session({ audio: mic.source, queue: { retry: RETRY }, speech: SPEECH });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    mic.captureUpTo(0.5);
    await expect.poll(() => settled(session.getSnapshot()), { timeout: 30_000 }).toBe(true);
    const cutAt = session.getSnapshot().activity.chunksCut;
    await commands.cutNetwork();
    mic.captureUpTo(0.9);
    await expect.poll(() => session.getSnapshot().activity.chunksCut, { timeout: 30_000 }).toBeGreaterThanOrEqual(cutAt + 2);
    await expect.poll(() => session.getSnapshot().activity.connection, { timeout: 10_000 }).toBe('reconnecting');
    const offline = session.getSnapshot();
    expect(offline.status).toBe('recording');
    expect(offline.activity.chunksPending).toBe(offline.activity.chunksCut - cutAt);
    // The relay answers the lost upstream with a retryable 503.
    expect(offline.activity.lastError).toMatchObject({ status: 503, retryable: true });
    const id = session.sessionId!;
    expect(id).toMatch(/^rs1\./);

    // A second client on the same database (another tab would be the same): it lists the session but may not touch it.
    const other = relayClient(database);
    expect((await other.pendingSessions()).map((s) => [s.sessionId, s.endRequested])).toEqual([[id, false]]);
    expect(await other.resumePending({ retry: RETRY, signal: AbortSignal.timeout(10_000) })).toEqual([
      { sessionId: id, outcome: 'busy', chunksUploaded: 0, audioFilesSent: undefined, error: undefined },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second more of outage: the queue keeps trying
    expect(session.getSnapshot().activity.connection).toBe('reconnecting');
    const refused = await commands.refusedConnections();

    await commands.restoreNetwork();
    mic.captureUpTo(1);
    await session.stop();
    expect((await session.result()).status).toBe('completed');
    const { activity } = session.getSnapshot();
    const traffic = await commands.sessionTraffic(id);
    expect(accepted(traffic)).toEqual(names(activity.chunksCut)); // each once, in order
    expect(traffic.uploads).toHaveLength(activity.chunksCut); // nothing reached the service while cut
    expect(traffic.stored).toEqual(names(activity.chunksCut));
    expect(traffic.ends).toEqual([{ body: { audio_files_sent: activity.chunksCut }, status: 202 }]);
    expect(activity).toMatchObject({ chunksAcknowledged: activity.chunksCut, chunksPending: 0, connection: 'idle' });
    expect(seen.map((s) => s.activity.connection).filter((c, i, all) => c !== all[i - 1])).toEqual(['idle', 'reconnecting', 'idle']);
    expect(await client.pendingSessions()).toEqual([]);
    expect(await dumpDatabase(database)).toEqual([]);
    console.log(`network cut: ${activity.chunksCut} chunks, ${offline.activity.chunksPending} cut while offline, ${refused} upstream connections refused`);
  });

  it('(b) the tab dies with chunks pending (no stop); a new client over the same database resumes: every chunk once, in order, ended, completed', async () => {
    const database = databaseName();
    const first = relayClient(database);
    const { pcm, sampleRate } = await speechPcm(CONSULTATION_WAV);
    const mic = scriptedLiveSource(pcm, sampleRate);
    const session = first.session({ audio: mic.source, queue: { retry: RETRY, label: 'Visit 1' }, speech: SPEECH });
    await session.start();
    mic.captureUpTo(0.5);
    await expect.poll(() => settled(session.getSnapshot()), { timeout: 30_000 }).toBe(true);
    await commands.cutNetwork();
    mic.captureUpTo(1);
    await expect.poll(() => session.getSnapshot().activity.chunksPending, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const id = session.sessionId!;
    const { chunksAcknowledged: acknowledgedBefore } = session.getSnapshot().activity;
    // The tab dies: nothing more is sent, nothing is ended (no stop), its Web Locks go with it.
    await first.close();
    await expect(session.result()).rejects.toBeDefined();
    expect((await commands.sessionTraffic(id)).ends).toEqual([]);

    const second = relayClient(database);
    const pending = await second.pendingSessions();
    expect(pending.map((s) => [s.sessionId, s.label, s.acknowledged, s.endRequested])).toEqual([[id, 'Visit 1', acknowledgedBefore, false]]);
    const total = pending[0]!.nextIndex;
    const left = total - acknowledgedBefore;
    expect(left).toBeGreaterThanOrEqual(2);
    await commands.restoreNetwork();
    const resumed = await second.resumePending({ retry: RETRY, signal: AbortSignal.timeout(30_000) });
    expect(resumed).toEqual([{ sessionId: id, outcome: 'ended', chunksUploaded: left, audioFilesSent: total, error: undefined }]);
    const traffic = await commands.sessionTraffic(id);
    expect(accepted(traffic)).toEqual(names(total));
    expect(traffic.stored).toEqual(names(total));
    expect(traffic.ends).toEqual([{ body: { audio_files_sent: total }, status: 202 }]);
    expect(await second.pendingSessions()).toEqual([]);
    expect(await dumpDatabase(database)).toEqual([]);
    expect((await second.waitForResults(id)).status).toBe('completed');
    console.log(`crash: ${total} chunks, ${left} resumed by a new client`);
  });

  it('(b, for real) a second tab is reloaded mid-session with chunks pending; the reloaded page resumes: every chunk once, in order, ended, completed', async () => {
    const database = databaseName();
    const report = await commands.reloadMidSession(location.origin, inject('relayUrl'), database, `${inject('relayUserCookie')}=alice; path=/`);
    const { sessionId, beforeReload, afterReload } = report;
    expect(beforeReload.chunksPending).toBeGreaterThanOrEqual(2);
    expect(beforeReload.locks).toBe(1); // the recording page held its session's Web Lock
    expect(report.endsBeforeResume).toBe(0);
    const total = beforeReload.chunksAcknowledged + beforeReload.chunksPending;
    expect(afterReload.pending).toEqual([{ sessionId, label: 'before the reload', nextIndex: total, acknowledged: beforeReload.chunksAcknowledged }]);
    // The reload released the lock: the new page was not told `busy`.
    expect(afterReload.resumed).toEqual([{ sessionId, outcome: 'ended', chunksUploaded: beforeReload.chunksPending, audioFilesSent: total, error: undefined }]);
    expect(afterReload.status).toBe('completed');
    expect(afterReload.left).toBe(0);
    const traffic = await commands.sessionTraffic(sessionId);
    expect(accepted(traffic)).toEqual(names(total));
    expect(traffic.uploads).toHaveLength(total);
    expect(traffic.stored).toEqual(names(total));
    expect(traffic.ends).toEqual([{ body: { audio_files_sent: total }, status: 202 }]);
    console.log(`reload: ${total} chunks, ${beforeReload.chunksPending} pending at the reload, resumed by the reloaded page`);
  });

  it('resumePendingOnLoad: a client created after the crash finishes the session by itself (initialResume)', async () => {
    const database = databaseName();
    const first = relayClient(database);
    const { pcm, sampleRate } = await speechPcm(CONSULTATION_WAV);
    const mic = scriptedLiveSource(pcm, sampleRate);
    const session = first.session({ audio: mic.source, queue: { retry: RETRY }, speech: SPEECH });
    await session.start();
    await commands.cutNetwork();
    mic.captureUpTo(1);
    await expect.poll(() => session.getSnapshot().activity.chunksPending, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const id = session.sessionId!;
    await first.close();
    await commands.restoreNetwork();
    const manual = relayClient(database);
    expect(manual.initialResume).toBeUndefined(); // off by default
    const total = (await manual.pendingSessions())[0]!.nextIndex;
    const second = relayClient(database, { resumePendingOnLoad: true });
    const resumed = await second.initialResume;
    expect(resumed?.map((r) => [r.sessionId, r.outcome, r.audioFilesSent])).toEqual([[id, 'ended', total]]);
    expect(accepted(await commands.sessionTraffic(id))).toEqual(names(total));
  });

  it('(c) relay mode: the client secret and the service tokens appear nowhere the page can see: IndexedDB, answers, headers, its JavaScript', async () => {
    const database = databaseName();
    const answers: string[] = [];
    const pendingReads: Promise<void>[] = [];
    // Every answer the page received, body and headers, through the client's fetch.
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      pendingReads.push(
        response
          .clone()
          .text()
          .then((text) => void answers.push(`${response.status} ${[...response.headers].map(([n, v]) => `${n}: ${v}`).join('\n')}\n${text}`), () => undefined),
      );
      return response;
    };
    const client = relayClient(database, { fetch: recordingFetch });
    await client.templates.list();
    await client.discovery.get();
    const { pcm, sampleRate } = await speechPcm(CONSULTATION_WAV);
    const mic = scriptedLiveSource(pcm, sampleRate);
    const session = client.session({ audio: mic.source, queue: { retry: RETRY }, speech: SPEECH });
    await session.start();
    await commands.cutNetwork();
    mic.captureUpTo(1);
    await expect.poll(() => session.getSnapshot().activity.chunksPending, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const whileOffline = await dumpDatabase(database);
    await commands.restoreNetwork();
    await session.stop();
    expect((await session.result()).status).toBe('completed');
    await Promise.all(pendingReads);

    // What the page loaded as code: every script resource, fetched again as the page got it.
    const scriptUrls = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => !/\.(wasm|onnx|wav)(\?|$)/.test(url) && !url.includes('/api/scribe/'));
    const scripts = await Promise.all(scriptUrls.map(async (url) => (await fetch(url)).text()));

    // The dumps are not empty: the stored chunks (a WAV header) and the session handle are in them.
    expect(whileOffline.some((text) => text.includes('RIFF'))).toBe(true);
    expect(whileOffline.some((text) => text.includes(session.sessionId!))).toBe(true);
    expect(answers.length).toBeGreaterThan(4);
    expect(scripts.length).toBeGreaterThan(10);
    const search = await commands.findSecrets([...whileOffline, ...answers, ...scripts, document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]);
    expect(search.found).toEqual([]);
    // The relay logged in (its access and refresh tokens were among what was searched for).
    expect(search.tokensSearched).toBeGreaterThanOrEqual(1);
    console.log(`secret search: ${search.secretsSearched} secrets over ${whileOffline.length} IndexedDB records, ${answers.length} answers, ${scripts.length} scripts (${search.charactersSearched} characters)`);
  });

  it('a full queue (maxChunks 1, offline) fails the session with ChunkQueueFullError; the chunk stored before stays and is resumed', async () => {
    const database = databaseName();
    const client = relayClient(database, { queue: { database, maxChunks: 1 } });
    const { pcm, sampleRate } = await speechPcm(CONSULTATION_WAV);
    const mic = scriptedLiveSource(pcm, sampleRate);
    const session = client.session({ audio: mic.source, queue: { retry: RETRY }, speech: SPEECH });
    await session.start();
    await commands.cutNetwork();
    mic.captureUpTo(1);
    const error = await session.result().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChunkQueueFullError);
    expect(ScribeError.is(error) && error.code).toBe('chunk_queue_full');
    expect((error as ScribeError).details).toMatchObject({ file_name: 'chunk_1.wav', pending_chunks: 1, max_chunks: 1 });
    expect(session.getSnapshot().status).toBe('error');
    const id = session.sessionId!;
    expect((await client.pendingSessions()).map((s) => [s.sessionId, s.nextIndex, s.acknowledged])).toEqual([[id, 1, 0]]);
    await commands.restoreNetwork();
    // In the same tab, once the failed session let go of its lock.
    const resumed = await client.resumePending({ retry: RETRY, signal: AbortSignal.timeout(30_000) });
    expect(resumed).toEqual([{ sessionId: id, outcome: 'ended', chunksUploaded: 1, audioFilesSent: 1, error: undefined }]);
    expect(accepted(await commands.sessionTraffic(id))).toEqual(['chunk_0.wav']);
  });
});
