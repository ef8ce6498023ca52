import type { ScribeConfig } from '../config/scribe-config';
import { ScribeError } from '../errors';
import { createSystemClock, type Clock } from '../ports/clock';
import { backoffDelayMs } from '../retry/retry-policy';
import type { UploadChunkOptions, UploadedChunk, ChunkToUpload } from './audio-uploads';
import { createChunkQueueUploader, isWorthRetrying, type ChunkQueueRetryOptions } from './chunk-queue-uploader';
import type { ChunkStore, QueuedSession } from './chunk-store';
import type { UploadProgressEvent } from './chunk-uploader';
import { claimQueuedSession } from './queued-session-claims';
import { chunkQueueScope } from './queue-speech';

/** What resuming needs from a client: its configuration (for the scope), one-chunk upload and end. */
export interface ResumeCore {
  /** The resolved configuration. */
  readonly config: ScribeConfig;
  /** Uploads one chunk. */
  uploadChunk(sessionId: string, chunk: ChunkToUpload, options?: UploadChunkOptions): Promise<UploadedChunk>;
  /** Ends a session. */
  endSession(sessionId: string, options: { audioFilesSent: number; signal?: AbortSignal }): Promise<unknown>;
}

/** Options of `listPendingSessions`. */
export interface ListPendingSessionsOptions {
  /** Only sessions of this scope. Default: every scope. */
  scope?: string;
}

/** Options of `resumePendingSessions`. */
export interface ResumePendingSessionsOptions {
  /** Sessions of this scope only. Default: the client's (`{dialect} {base URL}`). */
  scope?: string;
  /** Uploads at once per session. Default 1 in `eka`, 3 in `msa`. */
  concurrency?: number;
  /** Backoff while the network is away. Default 1 s doubling to 30 s, jittered. */
  retry?: ChunkQueueRetryOptions;
  /** Waits between attempts. Default: the system clock. */
  clock?: Clock;
  /**
   * Stops the resume (AbortError, or TimeoutError for `AbortSignal.timeout`); chunks not yet acknowledged stay stored.
   * Without it a resume waits for the network for as long as it takes.
   */
  signal?: AbortSignal;
  /** Upload events of every session, with its id. Default none. */
  onProgress?: (event: UploadProgressEvent & { sessionId: string }) => void;
}

/** What `resumePendingSessions` did with one session. */
export interface ResumedSession {
  /** The session id. */
  sessionId: string;
  /**
   * `ended`: its chunks were uploaded and it was ended (its record removed). `empty`: it held no chunk at all, so it
   * was left open to expire and its record removed. `failed`: a failure that retrying cannot fix (the session is gone,
   * expired or refuses the chunk); the record and the chunks not sent are kept, see `error`. `busy`: a live
   * controller or another resume holds it; untouched.
   */
  outcome: 'ended' | 'empty' | 'failed' | 'busy';
  /** Chunks uploaded by this resume. */
  chunksUploaded: number;
  /** The `audio_files_sent` the session was ended with. */
  audioFilesSent: number | undefined;
  /** Why it failed. */
  error: unknown;
}

/** Sessions the store holds that were not finished (a crash, a reload, a failure), oldest first. */
export function listPendingSessions(store: ChunkStore, options: ListPendingSessionsOptions = {}): Promise<QueuedSession[]> {
  return store.listSessions(options.scope === undefined ? {} : { scope: options.scope });
}

/**
 * Finishes the unfinished sessions of a store, oldest first: uploads each one's remaining chunks in index order under
 * their own file names (a chunk acknowledged just before a crash is simply overwritten, contract 5.6), ends the
 * session with `audio_files_sent` = every chunk it holds, then removes its record. Network failures are retried with
 * backoff until `signal` stops the wait. Sessions a live controller of this store holds are skipped (`busy`).
 */
export async function resumePendingSessions(core: ResumeCore, store: ChunkStore, options: ResumePendingSessionsOptions = {}): Promise<ResumedSession[]> {
  const scope = options.scope ?? chunkQueueScope(core.config);
  const results: ResumedSession[] = [];
  for (const record of await store.listSessions({ scope })) {
    const release = claimQueuedSession(store, record.sessionId);
    if (!release) {
      results.push({ sessionId: record.sessionId, outcome: 'busy', chunksUploaded: 0, audioFilesSent: undefined, error: undefined });
      continue;
    }
    try {
      results.push(await resumeOne(core, store, record, options));
    } finally {
      release();
    }
  }
  return results;
}

async function resumeOne(core: ResumeCore, store: ChunkStore, record: QueuedSession, options: ResumePendingSessionsOptions): Promise<ResumedSession> {
  const { sessionId } = record;
  const clock = options.clock ?? createSystemClock();
  const signal = options.signal ?? new AbortController().signal;
  const uploader = createChunkQueueUploader({
    store,
    sessionId,
    clock,
    signal,
    concurrency: options.concurrency ?? (core.config.dialect === 'eka' ? 1 : 3),
    retry: options.retry,
    send: (chunk, sendOptions) =>
      core.uploadChunk(sessionId, { bytes: chunk.bytes, fileName: chunk.fileName, durationSeconds: chunk.durationSeconds }, { ...sendOptions, uploadUrl: record.uploadUrl }),
    onEvent: (event) => options.onProgress?.({ ...event, sessionId }),
  });
  for (const chunk of await store.listChunks(sessionId)) uploader.add(chunk.index);
  uploader.close();
  try {
    await uploader.drained;
  } catch (error) {
    if (signal.aborted) throw error;
    return { sessionId, outcome: 'failed', chunksUploaded: uploader.acknowledged, audioFilesSent: undefined, error };
  }
  const current = (await store.getSession(sessionId)) ?? record;
  if (current.nextIndex === 0) {
    await store.deleteSession(sessionId);
    return { sessionId, outcome: 'empty', chunksUploaded: uploader.acknowledged, audioFilesSent: undefined, error: undefined };
  }
  const audioFilesSent = current.nextIndex;
  try {
    await endWithRetries(() => core.endSession(sessionId, { audioFilesSent, signal }), clock, options.retry, signal);
  } catch (error) {
    // Ended before the crash (the record outlived the end call): it is done.
    if (!(ScribeError.is(error) && error.serverCode === 'session_ended')) {
      if (signal.aborted) throw error;
      return { sessionId, outcome: 'failed', chunksUploaded: uploader.acknowledged, audioFilesSent: undefined, error };
    }
  }
  await store.deleteSession(sessionId);
  return { sessionId, outcome: 'ended', chunksUploaded: uploader.acknowledged, audioFilesSent, error: undefined };
}

/** Repeats an end call while it fails for network reasons, with the queue's backoff. */
export async function endWithRetries<T>(end: () => Promise<T>, clock: Clock, retry: ChunkQueueRetryOptions | undefined, signal: AbortSignal | undefined): Promise<T> {
  const backoff = { initialDelayMs: retry?.initialDelayMs ?? 1_000, maxDelayMs: retry?.maxDelayMs ?? 30_000, random: retry?.random ?? Math.random };
  for (let attempt = 0; ; attempt++) {
    try {
      return await end();
    } catch (error) {
      if (!isWorthRetrying(error) || signal?.aborted) throw error;
      await clock.sleep(backoffDelayMs(attempt, backoff), signal);
    }
  }
}
