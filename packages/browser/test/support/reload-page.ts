// A page of its own for the reload test: loaded into a second tab by the `reloadMidSession` browser command (it is not
// a vitest test file), it records through the relay with the SDK, and after the real reload resumes what it left.
import { createBrowserClient, type BrowserScribeClient } from '../../src/index';
import type { ScribeSession } from '@scribe/core';
import { scriptedLiveSource, type ScriptedLiveSource } from './live-source';
import { CONSULTATION_WAV, speechPcm, TEST_TEMPLATES } from './speech-audio';
import { TEST_ASSET_BASE_URL } from './test-assets';

const RETRY = { initialDelayMs: 50, maxDelayMs: 400 };
let client: BrowserScribeClient | undefined;
let session: ScribeSession | undefined;
let mic: ScriptedLiveSource | undefined;

const until = async (condition: () => boolean, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    const state = session?.getSnapshot();
    if (state?.status === 'error') throw new Error(`the session failed while waiting for ${what}: ${String(state.error)} ${String((state.error as { cause?: unknown }).cause)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${JSON.stringify({ status: state?.status, activity: state?.activity })})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** What the command calls in the page. */
const probe = {
  /** Starts a chunked session over the scripted microphone; resolves once half the recording is cut and acknowledged. */
  async start(relayUrl: string, database: string, cookie: string): Promise<string> {
    document.cookie = cookie;
    client = createBrowserClient({ relayUrl, assetBaseUrl: TEST_ASSET_BASE_URL, defaultTemplates: TEST_TEMPLATES, queue: { database } });
    const { pcm, sampleRate } = await speechPcm(CONSULTATION_WAV);
    mic = scriptedLiveSource(pcm, sampleRate);
    session = client.session({ audio: mic.source, queue: { retry: RETRY, label: 'before the reload' }, speech: { chunking: { preferredChunkSeconds: 4, maxChunkSeconds: 8 } } });
    await session.start();
    mic.captureUpTo(0.5);
    const s = session;
    await until(() => {
      const { activity: a } = s.getSnapshot();
      return a.chunksAcknowledged >= 1 && a.chunksAcknowledged === a.chunksCut && a.uploadsInFlight === 0 && a.chunksPending === 0;
    }, 'the first chunks');
    return s.sessionId!;
  },
  /** (Network cut by then.) Takes the rest of the recording in; resolves once at least two chunks wait in IndexedDB. */
  async captureRest(): Promise<{ chunksCut: number; chunksPending: number; chunksAcknowledged: number; locks: number }> {
    mic!.captureUpTo(1);
    const s = session!;
    await until(() => s.getSnapshot().activity.chunksPending >= 2, 'chunks pending');
    const { chunksCut, chunksPending, chunksAcknowledged } = s.getSnapshot().activity;
    const { held } = await navigator.locks.query();
    return { chunksCut, chunksPending, chunksAcknowledged, locks: (held ?? []).filter((lock) => lock.name?.startsWith('scribe-queue:')).length };
  },
  /** After the reload: a new client lists what the old page left and resumes it. */
  async resume(relayUrl: string, database: string) {
    client = createBrowserClient({ relayUrl, assetBaseUrl: TEST_ASSET_BASE_URL, defaultTemplates: TEST_TEMPLATES, queue: { database } });
    const pending = (await client.pendingSessions()).map((s) => ({ sessionId: s.sessionId, label: s.label, nextIndex: s.nextIndex, acknowledged: s.acknowledged }));
    const resumed = await client.resumePending({ retry: RETRY, signal: AbortSignal.timeout(30_000) });
    const result = resumed[0]?.outcome === 'ended' ? await client.waitForResults(resumed[0].sessionId) : undefined;
    return {
      pending,
      resumed: resumed.map((r) => ({ sessionId: r.sessionId, outcome: r.outcome, chunksUploaded: r.chunksUploaded, audioFilesSent: r.audioFilesSent, error: r.error === undefined ? undefined : String(r.error) })),
      status: result?.status,
      left: (await client.pendingSessions()).length,
    };
  },
};

(globalThis as { scribeReloadProbe?: typeof probe }).scribeReloadProbe = probe;
