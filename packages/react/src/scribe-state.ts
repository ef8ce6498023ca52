import { ScribeError, type ConnectionState, type SessionLifecycleStatus, type SessionState } from '@scribe/core';
import { toScribeResult, type ScribeResult } from './scribe-result';
import type { PendingSession } from './scribe-react-client';

/** Chunk counts of the current session. */
export interface ScribeChunkCounts {
  /** Speech chunks cut from the audio so far. */
  readonly cut: number;
  /** Chunks the service acknowledged. */
  readonly uploaded: number;
  /** Chunks cut but not acknowledged yet: waiting, being uploaded, waiting for the network; with a durable queue, every chunk it still holds. */
  readonly pending: number;
  /** Chunks given up on. */
  readonly failed: number;
}

/** What `useScribe` reports: one frozen object, replaced only when something changed. */
export interface ScribeState {
  /** Where the session stands (`idle` until `start()` or `uploadFile()`, `error` after a failure). */
  readonly status: SessionLifecycleStatus;
  /** The stream socket (`idle` for chunked sessions). */
  readonly connection: ConnectionState;
  /** Audio is being taken in: recording and not paused. */
  readonly isRecording: boolean;
  /** Audio intake is paused (`pause()`). */
  readonly isPaused: boolean;
  /** Level of the latest audio block in [0, 1], for a meter. */
  readonly level: number;
  /** Milliseconds of audio intake, paused time excluded. */
  readonly elapsedMs: number;
  /** Chunk counts of this session. */
  readonly chunks: ScribeChunkCounts;
  /** The latest result: while `processing` the service's progress, then the final result. */
  readonly result: ScribeResult | undefined;
  /** Why the session failed or expired (status `error` or `expired`), else why reading or resuming the durable queue failed; undefined otherwise. */
  readonly error: ScribeError | undefined;
  /** The session id, once created. */
  readonly sessionId: string | undefined;
  /** Unfinished sessions found in the client's durable queue (empty when the client has no queue). */
  readonly pending: readonly PendingSession[];
}

/** What the controller knows besides the session's own snapshot. */
export interface ScribeLocalState {
  /** The client refused to make a session (status `error` until `reset()`). */
  readonly error: ScribeError | undefined;
  /** Reading or resuming the durable queue failed (the status is the session's). */
  readonly queueError: ScribeError | undefined;
  /** The durable queue's unfinished sessions. */
  readonly pending: readonly PendingSession[];
}

const NO_CHUNKS: ScribeChunkCounts = Object.freeze({ cut: 0, uploaded: 0, pending: 0, failed: 0 });
const NO_PENDING: readonly PendingSession[] = Object.freeze([]);

/** The state before anything happened, also the server-rendering snapshot. */
export const IDLE_SCRIBE_STATE: ScribeState = Object.freeze({
  status: 'idle',
  connection: 'idle',
  isRecording: false,
  isPaused: false,
  level: 0,
  elapsedMs: 0,
  chunks: NO_CHUNKS,
  result: undefined,
  error: undefined,
  sessionId: undefined,
  pending: NO_PENDING,
});

/** The hook's state from the session's snapshot (none before the first start) and the controller's own facts. */
export function toScribeState(session: SessionState | undefined, local: ScribeLocalState): ScribeState {
  if (local.error) return Object.freeze({ ...IDLE_SCRIBE_STATE, status: 'error', error: local.error, pending: local.pending });
  if (!session) return local.pending.length === 0 && !local.queueError ? IDLE_SCRIBE_STATE : Object.freeze({ ...IDLE_SCRIBE_STATE, error: local.queueError, pending: local.pending });
  const a = session.activity;
  const result = 'result' in session && session.result ? toScribeResult(session.result) : undefined;
  const failure = session.status === 'error' || session.status === 'expired' ? session.error : undefined;
  return Object.freeze({
    status: session.status,
    connection: a.connection,
    isRecording: session.status === 'recording' && !a.paused,
    isPaused: a.paused,
    level: a.level,
    elapsedMs: a.elapsedMs,
    chunks: Object.freeze({ cut: a.chunksCut, uploaded: a.chunksAcknowledged, pending: pendingChunks(a), failed: a.chunksFailed }),
    result,
    error: failure === undefined ? local.queueError : asScribeError(failure),
    sessionId: 'sessionId' in session ? session.sessionId : undefined,
    pending: local.pending,
  });
}

/**
 * Chunks not acknowledged yet. With a durable queue core also counts `chunksPending` (every chunk stored and not
 * acknowledged, kept after a failure), which covers the queued and uploading ones; without one, it stays 0.
 */
function pendingChunks(activity: SessionState['activity']): number {
  const stored = (activity as { readonly chunksPending?: number }).chunksPending ?? 0;
  return Math.max(stored, activity.chunksQueued + activity.uploadsInFlight);
}

/** Every error the hooks report is a ScribeError; anything else (a bug in an adapter) is wrapped, keeping it as `cause`. */
export function asScribeError(error: unknown): ScribeError {
  if (ScribeError.is(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ScribeError('api_error', `Unexpected failure: ${message}`, { cause: error });
}
