/**
 * The durable chunk queue's port: where speech chunks wait between being cut and being acknowledged by the service.
 * Core ships an in-memory implementation; @scribe/browser implements it on IndexedDB and @scribe/node on files.
 * Every method is asynchronous and each write is one atomic step (one IndexedDB transaction, one file rename), so a
 * crash leaves either the old or the new state, never half of one.
 */

/** What the queue keeps about one session: enough to upload what is left and end it after a crash or reload. */
export interface QueuedSession {
  /** The service's session id. */
  readonly sessionId: string;
  /** Which service the session belongs to (`{dialect} {base URL}` by default); resume touches one scope only. */
  readonly scope: string;
  /** Index of the first chunk this queue took (earlier indexes were filled by other calls). */
  readonly startIndex: number;
  /**
   * One past the highest index stored so far (starts at `startIndex`). Once every chunk is acknowledged it is the
   * session's `audio_files_sent` (contract 5.6: indexes are contiguous, earlier calls filled `0..startIndex-1`).
   */
  readonly nextIndex: number;
  /** Chunks the service acknowledged and the queue removed. */
  readonly acknowledged: number;
  /** The recording was stopped and the session is to be ended (a crashed recording is ended on resume all the same). */
  readonly endRequested: boolean;
  /** `msa`: the session's `upload_url` from create, where its chunks go. */
  readonly uploadUrl: string | undefined;
  /** A caller's label for lists such as "2 unfinished sessions" (no patient data needed here). */
  readonly label: string | undefined;
  /** When the record was created, epoch milliseconds. */
  readonly createdAt: number;
  /** When the record last changed (a chunk stored or acknowledged, a flag set), epoch milliseconds. */
  readonly updatedAt: number;
}

/** The record a controller opens for a new session (`putSession`). */
export interface NewQueuedSession {
  /** The service's session id. Required. */
  sessionId: string;
  /** The scope (see `QueuedSession.scope`). Required. */
  scope: string;
  /** Index of the first chunk. Default 0. */
  startIndex?: number;
  /** `msa`: the session's `upload_url`. Default none. */
  uploadUrl?: string;
  /** A label for lists. Default none. */
  label?: string;
  /** Creation time, epoch milliseconds. Default: the store's clock. */
  createdAt?: number;
}

/** Facts about one waiting chunk, without its bytes (`listChunks`). */
export interface QueuedChunkInfo {
  /** Index in the session. */
  readonly index: number;
  /** The name it is uploaded under (`chunk_3.wav`): the same on every attempt, so a repeat overwrites (contract 5.6). */
  readonly fileName: string;
  /** Size of its bytes. */
  readonly byteLength: number;
  /** Seconds of audio, when known. */
  readonly durationSeconds: number | undefined;
}

/** One waiting chunk with its bytes (`putChunk`, `getChunk`). */
export interface QueuedChunk {
  /** The session it belongs to. */
  readonly sessionId: string;
  /** Index in the session. */
  readonly index: number;
  /** File name (`{prefix}_{index}.{ext}`). */
  readonly fileName: string;
  /** The encoded chunk (a complete WAV file by default); stores keep a copy of exactly these bytes. */
  readonly bytes: Uint8Array;
  /** Seconds of audio, when known. */
  readonly durationSeconds?: number;
}

/** Which sessions `listSessions` returns. */
export interface ListQueuedSessionsOptions {
  /** Only sessions of this scope. Default: every scope. */
  scope?: string;
}

/** Flags a controller sets on a session record (`updateSession`). */
export interface QueuedSessionChange {
  /** The recording was stopped and the session is to be ended. */
  endRequested?: boolean;
  /** A new label. */
  label?: string;
}

/**
 * Durable storage of chunks waiting for upload, per session. Rules every implementation keeps (checked by
 * `describeChunkStoreContract` in `@scribe/core/testing`):
 * - `putChunk` stores a copy of the chunk and raises the session's `nextIndex` to `index + 1` in the same atomic
 *   write; putting an index again replaces it; a chunk of a session without a record is refused (ValidationError);
 *   a storage quota or full disk is a `ChunkStoreQuotaError`, and nothing of that chunk is stored.
 * - `acknowledgeChunk` removes the chunk and counts it in `acknowledged` in one write; for an index that is not
 *   stored (already acknowledged) it does nothing, so counting stays exact across a crash between ack and removal.
 * - `listSessions` orders by `createdAt`, then session id; `listChunks` by numeric index.
 * - Reads return copies: changing a returned object or byte array changes nothing stored.
 */
export interface ChunkStore {
  /** Creates a session's record and returns it; a session already held is refused (ValidationError). */
  putSession(session: NewQueuedSession): Promise<QueuedSession>;
  /** A session's record, or undefined. */
  getSession(sessionId: string): Promise<QueuedSession | undefined>;
  /** Every session record (of one scope), oldest first. */
  listSessions(options?: ListQueuedSessionsOptions): Promise<QueuedSession[]>;
  /** Sets flags on a session's record; no-op for an unknown session. */
  updateSession(sessionId: string, change: QueuedSessionChange): Promise<void>;
  /** Removes a session's record and all its chunks; no-op for an unknown session. */
  deleteSession(sessionId: string): Promise<void>;
  /** Stores a chunk (see the rules above). */
  putChunk(chunk: QueuedChunk): Promise<void>;
  /** A stored chunk with its bytes, or undefined. */
  getChunk(sessionId: string, index: number): Promise<QueuedChunk | undefined>;
  /** The session's stored chunks in index order, without bytes. */
  listChunks(sessionId: string): Promise<QueuedChunkInfo[]>;
  /** Removes a chunk the service acknowledged and counts it (see the rules above). */
  acknowledgeChunk(sessionId: string, index: number): Promise<void>;
}
