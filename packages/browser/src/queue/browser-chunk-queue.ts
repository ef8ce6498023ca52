import {
  chunkQueueScope,
  claimQueuedSession,
  listPendingSessions,
  resumePendingSessions,
  type ChunkStore,
  type QueuedSession,
  type ResumeCore,
  type ResumedSession,
  type ResumePendingSessionsOptions,
} from '@scribe/core/internal';
import { createIndexedDbChunkStore, type IndexedDbChunkStore } from './indexeddb-chunk-store';
import { createQueueSessionLocks, type QueueLockManager } from './queue-session-locks';

/** Options of `BrowserScribeClient.resumePending`: core's resume options (the clock is the client's). */
export type BrowserResumePendingOptions = Omit<ResumePendingSessionsOptions, 'clock'>;

/** Options of {@link createBrowserChunkQueue}. */
export interface BrowserChunkQueueOptions {
  /** The IndexedDB database name. Required. */
  database: string;
  /** The IndexedDB factory. Default: the page's `indexedDB`. */
  indexedDB?: IDBFactory;
  /** The Web Locks manager. Default: `navigator.locks`, where present. */
  locks?: QueueLockManager;
}

/**
 * A client's durable queue: the IndexedDB store, the store its recording sessions write through (which holds each
 * session's Web Lock while the session records and uploads), and resume under those locks.
 */
export interface BrowserChunkQueue {
  /** The IndexedDB store itself (no locking). */
  readonly store: IndexedDbChunkStore;
  /** The store a recording session gets: `putSession` takes the session's lock, `deleteSession` lets it go. */
  readonly sessionStore: ChunkStore;
  /** Lets go of a recording session's lock (it failed, was cancelled or finished). */
  release(sessionId: string): void;
  /** Unfinished sessions of the client's scope, oldest first. */
  pending(config: ResumeCore['config']): Promise<QueuedSession[]>;
  /** Core's resumePendingSessions over the sessions no tab holds; held ones come back `busy`, untouched. */
  resume(core: ResumeCore, options: ResumePendingSessionsOptions): Promise<ResumedSession[]>;
  /** Releases every lock this queue holds and closes the database connection. */
  close(): void;
}

/** Creates the durable queue of a browser client (see {@link BrowserChunkQueue}). */
export function createBrowserChunkQueue(options: BrowserChunkQueueOptions): BrowserChunkQueue {
  const store = createIndexedDbChunkStore({ database: options.database, indexedDB: options.indexedDB });
  const locks = createQueueSessionLocks(options.database, options.locks);
  const recording = new Map<string, () => Promise<void>>();
  const resuming = new Set<() => Promise<void>>();

  const release = (sessionId: string) => {
    void recording.get(sessionId)?.();
    recording.delete(sessionId);
  };
  const sessionStore: ChunkStore = {
    ...store,
    async putSession(session) {
      // A new session id is held by no one; if it were (an attached session another tab resumes), record anyway:
      // both upload the same names, which the service overwrites.
      const held = await locks.hold(session.sessionId);
      if (held) recording.set(session.sessionId, held);
      try {
        return await store.putSession(session);
      } catch (error) {
        release(session.sessionId);
        throw error;
      }
    },
    async deleteSession(sessionId) {
      try {
        await store.deleteSession(sessionId);
      } finally {
        release(sessionId);
      }
    },
  };

  return {
    store,
    sessionStore,
    release,
    pending: (config) => listPendingSessions(store, { scope: chunkQueueScope(config) }),
    async resume(core, resumeOptions) {
      const scope = resumeOptions.scope ?? chunkQueueScope(core.config);
      // Without Web Locks, the in-tab exclusion core keeps (per store object) is all there is.
      if (!locks.enforced) return resumePendingSessions(core, sessionStore, { ...resumeOptions, scope });
      const records = await store.listSessions({ scope });
      const held = new Map<string, () => Promise<void>>();
      try {
        for (const record of records) {
          const lock = await locks.hold(record.sessionId);
          if (!lock) continue;
          // Also this tab's own claim on the recording store: a session failing in this tab may have let go of its lock
          // a moment before its pipeline let go of the store.
          const claim = claimQueuedSession(sessionStore, record.sessionId);
          if (!claim) {
            await lock();
            continue;
          }
          const both = async () => {
            claim();
            await lock();
          };
          held.set(record.sessionId, both);
          resuming.add(both);
        }
        const lockedOnly: ChunkStore = { ...sessionStore, listSessions: async (list) => (await store.listSessions(list)).filter((record) => held.has(record.sessionId)) };
        const done = new Map((await resumePendingSessions(core, lockedOnly, { ...resumeOptions, scope })).map((result) => [result.sessionId, result]));
        return records.map((record) => done.get(record.sessionId) ?? busy(record.sessionId));
      } finally {
        for (const lock of held.values()) {
          resuming.delete(lock);
          await lock();
        }
      }
    },
    close() {
      // The store first: from here a recording still running on this client cannot write, so letting go of its locks
      // cannot let another client resume a session that is still growing.
      store.close();
      for (const sessionId of [...recording.keys()]) release(sessionId);
      for (const lock of resuming) void lock();
      resuming.clear();
    },
  };
}

function busy(sessionId: string): ResumedSession {
  return { sessionId, outcome: 'busy', chunksUploaded: 0, audioFilesSent: undefined, error: undefined };
}
