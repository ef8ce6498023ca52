import { alreadyQueued, ChunkStoreQuotaError, SessionStateError, ValidationError, type ChunkStore, type QueuedChunkInfo, type QueuedSession } from '@scribe/core/internal';

/** The database a client uses when no name is given. */
export const DEFAULT_QUEUE_DATABASE = 'scribe-chunk-queue';

/** Options of {@link createIndexedDbChunkStore}. */
export interface IndexedDbChunkStoreOptions {
  /** The IndexedDB database name (one origin can keep several queues apart). Default `scribe-chunk-queue`. */
  database?: string;
  /** The IndexedDB factory. Default: the page's `indexedDB` (a ConfigError-free TypeError at first use when there is none). */
  indexedDB?: IDBFactory;
  /** Wall clock for `createdAt` / `updatedAt`, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** A ChunkStore on IndexedDB, with the name of its database and a way to let go of its connection. */
export interface IndexedDbChunkStore extends ChunkStore {
  /** The database name. */
  readonly database: string;
  /**
   * Closes the connection; every later call rejects with SessionStateError (a recording still running on this handle
   * fails rather than writing on behind a new owner's back). Open the database again with a new store. Idempotent.
   */
  close(): void;
}

// Chunk facts are kept in the session record too, so listChunks reads one small record instead of every chunk's bytes;
// both are written in the same transaction as the chunk, so they can never disagree.
interface StoredSession extends QueuedSession {
  readonly chunks: Readonly<Record<number, Omit<QueuedChunkInfo, 'index'>>>;
}

interface StoredChunk {
  readonly sessionId: string;
  readonly index: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly durationSeconds: number | undefined;
}

const SESSIONS = 'sessions';
const CHUNKS = 'chunks';
const VERSION = 1;

/**
 * Core's ChunkStore on IndexedDB (two object stores: `sessions` keyed by session id, `chunks` keyed by
 * `[sessionId, index]`): chunks survive a lost network, a reload and a crashed tab. `putChunk` and `acknowledgeChunk`
 * are each one transaction over both stores; a browser storage quota is a ChunkStoreQuotaError with nothing of the
 * chunk stored. Exactly the bytes of the view are kept, and reads return copies. The database opens at first use.
 */
export function createIndexedDbChunkStore(options: IndexedDbChunkStoreOptions = {}): IndexedDbChunkStore {
  const database = options.database ?? DEFAULT_QUEUE_DATABASE;
  const now = options.now ?? Date.now;
  let connection: Promise<IDBDatabase> | undefined;
  let closed = false;

  const open = (): Promise<IDBDatabase> => {
    if (closed) return Promise.reject(new SessionStateError(`The chunk queue ${database} was closed (its client was closed); open it again with a new store.`));
    connection ??= openDatabase(options.indexedDB ?? globalThis.indexedDB, database).then((db) => {
      // Another tab upgrading the schema (a newer SDK) needs this connection gone; the next call reopens.
      db.onversionchange = () => {
        db.close();
        connection = undefined;
      };
      // Closed by the browser (the database was deleted, storage cleared): the next call opens it again.
      db.onclose = () => {
        connection = undefined;
      };
      return db;
    });
    connection.catch(() => (connection = undefined));
    return connection;
  };

  const run = async <T>(names: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => T | Promise<T>): Promise<T> => {
    // `strict`: the write is on disk when the transaction completes, so an acknowledged put survives a crash.
    const tx = (await open()).transaction(names, mode, { durability: 'strict' });
    const done = transactionDone(tx);
    done.catch(() => undefined); // awaited below; this only keeps an early failure from being reported as unhandled
    let value: T;
    try {
      value = await body(tx);
    } catch (error) {
      safeAbort(tx);
      await done.catch(() => undefined);
      throw error;
    }
    await done;
    return value;
  };

  return {
    database,
    close() {
      closed = true;
      const current = connection;
      connection = undefined;
      void current?.then((db) => db.close(), () => undefined);
    },
    putSession: (session) =>
      run([SESSIONS], 'readwrite', async (tx) => {
        const sessions = tx.objectStore(SESSIONS);
        if ((await request(sessions.getKey(session.sessionId))) !== undefined) throw alreadyQueued(session.sessionId);
        const at = session.createdAt ?? now();
        const startIndex = session.startIndex ?? 0;
        const stored: StoredSession = {
          sessionId: session.sessionId,
          scope: session.scope,
          startIndex,
          nextIndex: startIndex,
          acknowledged: 0,
          endRequested: false,
          uploadUrl: session.uploadUrl,
          label: session.label,
          createdAt: at,
          updatedAt: at,
          chunks: {},
        };
        sessions.add(stored);
        return toRecord(stored);
      }),
    getSession: (sessionId) =>
      run([SESSIONS], 'readonly', async (tx) => {
        const stored = await request<StoredSession | undefined>(tx.objectStore(SESSIONS).get(sessionId));
        return stored && toRecord(stored);
      }),
    listSessions: (listOptions = {}) =>
      run([SESSIONS], 'readonly', async (tx) => {
        const all = await request<StoredSession[]>(tx.objectStore(SESSIONS).getAll());
        return all
          .filter((stored) => listOptions.scope === undefined || stored.scope === listOptions.scope)
          .sort((a, b) => a.createdAt - b.createdAt || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0))
          .map(toRecord);
      }),
    updateSession: (sessionId, change) =>
      run([SESSIONS], 'readwrite', async (tx) => {
        const sessions = tx.objectStore(SESSIONS);
        const stored = await request<StoredSession | undefined>(sessions.get(sessionId));
        if (!stored) return;
        sessions.put({
          ...stored,
          ...(change.endRequested !== undefined ? { endRequested: change.endRequested } : {}),
          ...(change.label !== undefined ? { label: change.label } : {}),
          updatedAt: now(),
        } satisfies StoredSession);
      }),
    deleteSession: (sessionId) =>
      run([SESSIONS, CHUNKS], 'readwrite', (tx) => {
        tx.objectStore(SESSIONS).delete(sessionId);
        tx.objectStore(CHUNKS).delete(chunksOf(sessionId));
      }),
    putChunk: async (chunk) => {
      // The copy is taken before the first await: a caller reusing its buffer afterwards changes nothing stored.
      const stored: StoredChunk = { sessionId: chunk.sessionId, index: chunk.index, fileName: chunk.fileName, bytes: chunk.bytes.slice(), durationSeconds: chunk.durationSeconds };
      try {
        await run([SESSIONS, CHUNKS], 'readwrite', async (tx) => {
          const sessions = tx.objectStore(SESSIONS);
          const session = await request<StoredSession | undefined>(sessions.get(chunk.sessionId));
          if (!session) throw new ValidationError(`No queued session ${chunk.sessionId}: open it with putSession before storing its chunks.`);
          tx.objectStore(CHUNKS).put(stored);
          sessions.put({
            ...session,
            nextIndex: Math.max(session.nextIndex, chunk.index + 1),
            chunks: { ...session.chunks, [chunk.index]: { fileName: chunk.fileName, byteLength: stored.bytes.byteLength, durationSeconds: chunk.durationSeconds } },
            updatedAt: now(),
          } satisfies StoredSession);
        });
      } catch (error) {
        if (isQuotaError(error)) {
          throw new ChunkStoreQuotaError(`The browser's storage quota refused ${chunk.fileName} (${stored.bytes.byteLength} bytes) in the chunk queue ${database}.`, {
            details: { file_name: chunk.fileName, byte_length: stored.bytes.byteLength, database },
            cause: error,
          });
        }
        throw error;
      }
    },
    getChunk: (sessionId, index) =>
      run([CHUNKS], 'readonly', async (tx) => {
        const stored = await request<StoredChunk | undefined>(tx.objectStore(CHUNKS).get([sessionId, index]));
        // A fresh copy per read: what the caller does with it stays out of the next read (IndexedDB clones anyway).
        return stored && Object.freeze({ sessionId, index, fileName: stored.fileName, bytes: stored.bytes.slice(), durationSeconds: stored.durationSeconds });
      }),
    listChunks: (sessionId) =>
      run([SESSIONS], 'readonly', async (tx) => {
        const stored = await request<StoredSession | undefined>(tx.objectStore(SESSIONS).get(sessionId));
        if (!stored) return [];
        return Object.entries(stored.chunks)
          .map(([index, info]): QueuedChunkInfo => Object.freeze({ index: Number(index), fileName: info.fileName, byteLength: info.byteLength, durationSeconds: info.durationSeconds }))
          .sort((a, b) => a.index - b.index);
      }),
    acknowledgeChunk: (sessionId, index) =>
      run([SESSIONS, CHUNKS], 'readwrite', async (tx) => {
        const sessions = tx.objectStore(SESSIONS);
        const session = await request<StoredSession | undefined>(sessions.get(sessionId));
        if (!session || !(index in session.chunks)) return;
        const { [index]: _gone, ...chunks } = session.chunks;
        tx.objectStore(CHUNKS).delete([sessionId, index]);
        sessions.put({ ...session, chunks, acknowledged: session.acknowledged + 1, updatedAt: now() } satisfies StoredSession);
      }),
  };
}

function toRecord(stored: StoredSession): QueuedSession {
  const { chunks: _chunks, ...record } = stored;
  return Object.freeze(record);
}

function chunksOf(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
}

function openDatabase(factory: IDBFactory | undefined, name: string): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new TypeError('IndexedDB is not available here: pass queue: false to the client, or an indexedDB factory to the store.'));
  return new Promise((resolve, reject) => {
    const opening = factory.open(name, VERSION);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      if (!db.objectStoreNames.contains(SESSIONS)) db.createObjectStore(SESSIONS, { keyPath: 'sessionId' });
      if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS, { keyPath: ['sessionId', 'index'] });
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error(`IndexedDB refused to open ${name}.`));
    // Another tab holds an older version open and does not let go: say so instead of waiting forever.
    opening.onblocked = () => reject(new Error(`IndexedDB database ${name} is held open by another tab with an older version; close it and retry.`));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('The IndexedDB transaction was aborted.', 'AbortError'));
  });
}

function safeAbort(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}
