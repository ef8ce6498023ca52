import type { CreateSessionOptions, ScribeProgressEvent, ScribeSession, SessionResult } from '@scribe/core';

/**
 * Where a session's audio comes from: the microphone (with the client's own capture options, `{}` for its defaults)
 * or a recorded file that the client decodes.
 */
export type ScribeAudioRequest = { readonly microphone: object } | { readonly file: Blob };

/** The session fields the hook fills in: every create option but the ones the client owns (signal, upload type, protocol). */
export type ScribeCreateOptions = Omit<CreateSessionOptions, 'signal' | 'uploadType' | 'communicationProtocol'>;

/** What `useScribe` asks its client for: one session, lazy until `start()` (the client opens nothing before). */
export interface ScribeSessionRequest {
  /** The audio source. */
  audio: ScribeAudioRequest;
  /** `chunks` (speech found locally, uploaded in chunks) or `stream` (live over a WebSocket). Default: the client's. */
  transport?: 'chunks' | 'stream';
  /** Templates, model, language and mode of the session to create (provider defaults merged with hook options). */
  create?: ScribeCreateOptions;
  /** Every pipeline and upload event of the session (the hook's `onChunk` reads it). */
  onProgress?: (event: ScribeProgressEvent) => void;
}

/** An unfinished session left in the client's durable chunk queue (by a reload, a crash, a lost network). */
export interface PendingSession {
  /** The service's session id. */
  readonly sessionId: string;
  /** The label the app gave the session, if any. */
  readonly label?: string | undefined;
  /** When the session was queued, epoch milliseconds, when known. */
  readonly createdAt?: number;
  /** When the queue last changed for it, epoch milliseconds, when known. */
  readonly updatedAt?: number;
}

/** How resuming one unfinished session went (core's `ResumedSession`). */
export interface ResumedPendingSession {
  /** The session id. */
  readonly sessionId: string;
  /** `ended`: its chunks were uploaded and it was ended; `empty`, `failed` (see `error`) or `busy` (held by a live recording). */
  readonly outcome: 'ended' | 'empty' | 'failed' | 'busy' | (string & {});
  /** Why it failed, for `failed`. */
  readonly error?: unknown;
}

/**
 * What the React bindings need from a client: a structural interface, so `createBrowserClient(...)` from
 * `@scribe/browser` fits, and so does any object with these calls (a test double, a custom platform). The hook holds no
 * protocol logic: everything below is the client's.
 */
export interface ScribeReactClient {
  /** A new session controller (core's `ScribeSession`), lazy until its `start()`. */
  session(request: ScribeSessionRequest): ScribeSession;
  /** Polls a session until it has a final result; rejects with AbortError once `signal` aborts. */
  waitForResults(sessionId: string, options: { signal: AbortSignal; onUpdate?: (result: SessionResult) => void }): Promise<SessionResult>;
  /** Unfinished sessions in the durable queue (core's `QueuedSession` records fit). Optional: without it the hook reports none. */
  pendingSessions?(): Promise<readonly PendingSession[]>;
  /**
   * Uploads what the durable queue holds of unfinished sessions, in order, and ends them; `signal` stops waiting for
   * the network (the hook aborts it on unmount). Optional, with `pendingSessions`.
   */
  resumePending?(options?: { signal?: AbortSignal }): Promise<readonly ResumedPendingSession[] | void>;
}
