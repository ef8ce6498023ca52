import type { CreatedSession } from '../protocol/created-session';
import type { SessionResult } from '../protocol/session-result';

/** Where the session is in its life; `ending` and `processing` follow the end call, the last five are final. */
export type SessionLifecycleStatus =
  | 'idle'
  | 'creating'
  | 'created'
  | 'recording'
  | 'ending'
  | 'processing'
  | 'completed'
  | 'partial'
  | 'failed'
  | 'expired'
  | 'cancelled'
  | 'error';

/** Every lifecycle status, in lifecycle order. */
export const SESSION_LIFECYCLE_STATUSES: readonly SessionLifecycleStatus[] = /* @__PURE__ */ Object.freeze([
  'idle',
  'creating',
  'created',
  'recording',
  'ending',
  'processing',
  'completed',
  'partial',
  'failed',
  'expired',
  'cancelled',
  'error',
]);

/**
 * The stream socket's state, in session and stream snapshots alike (`idle` for chunked sessions and before a stream
 * connects). A chunked session with a durable queue shows `reconnecting` while its uploads wait for the network.
 */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What I/O is running, kept apart from `status` (whether there is a session and where it stands). */
export interface SessionActivity {
  /** The stream socket (`idle` for chunked sessions). */
  readonly connection: ConnectionState;
  /** Audio intake is paused (`pause()`): a live source's audio is dropped, a file is not read. */
  readonly paused: boolean;
  /** Seconds of audio taken in (paused audio not counted). */
  readonly audioSeconds: number;
  /** Seconds of speech found by local voice-activity detection (pads included; 0 for streams). */
  readonly speechSeconds: number;
  /**
   * Local voice-activity detection is inside a confirmed stretch of speech now (chunked sessions; always false when
   * streaming). Flips on `speech-started` and back on `speech-found`, so a UI can time the silence since the last speech.
   */
  readonly speaking: boolean;
  /** Milliseconds since audio intake started, paused time excluded; updated as audio arrives. */
  readonly elapsedMs: number;
  /** Root-mean-square level of the latest audio block, in [0, 1], rounded to 0.01 (for a meter). */
  readonly level: number;
  /** Speech chunks cut from the audio so far (each is queued for upload as it is cut). */
  readonly chunksCut: number;
  /** Chunks waiting to be uploaded (not started, or waiting for a retry). */
  readonly chunksQueued: number;
  /** Uploads running now. */
  readonly uploadsInFlight: number;
  /** Chunks the server acknowledged: the `audio_files_sent` to report at end. */
  readonly chunksAcknowledged: number;
  /** Chunks given up on. */
  readonly chunksFailed: number;
  /**
   * Chunks held in the durable queue (`chunkStore`): stored and not yet acknowledged. After a failure they stay there
   * for `resumePendingSessions`. Always 0 without a chunk store.
   */
  readonly chunksPending: number;
  /** Stream sessions: PCM bytes handed to the socket. */
  readonly bytesSent: number;
  /** Stream sessions: PCM bytes the service acknowledged as stored (resume mode). */
  readonly bytesAcknowledged: number;
  /** Stream sessions: reconnections made after dropped sockets. */
  readonly reconnects: number;
  /** The latest failure seen, also one that is being retried (a chunk upload, a dropped socket); undefined when none. */
  readonly lastError: unknown;
}

interface WithActivity {
  /** I/O activity. */
  readonly activity: SessionActivity;
}

/** No session yet. */
export interface IdleSessionState extends WithActivity {
  readonly status: 'idle';
}

/** The create call is running. */
export interface CreatingSessionState extends WithActivity {
  readonly status: 'creating';
}

/** A session exists and is not final: audio may be sent (`created`, `recording`), or it is being ended or processed. */
export interface LiveSessionState extends WithActivity {
  readonly status: 'created' | 'recording' | 'ending' | 'processing';
  /** The session id. */
  readonly sessionId: string;
  /** The create answer, when this store saw the create. */
  readonly created: CreatedSession | undefined;
  /** The latest polled body, if any. */
  readonly result: SessionResult | undefined;
}

/** Processing finished; `result` holds the outcome (a `failed` result is a result, not an error). */
export interface FinishedSessionState extends WithActivity {
  readonly status: 'completed' | 'partial' | 'failed';
  /** The session id. */
  readonly sessionId: string;
  /** The create answer, when this store saw the create. */
  readonly created: CreatedSession | undefined;
  /** The final body. */
  readonly result: SessionResult;
}

/** The caller cancelled (`cancel()`): I/O stopped, the session was not ended and will not be processed. */
export interface CancelledSessionState extends WithActivity {
  readonly status: 'cancelled';
  /** The session id, when one had been created. */
  readonly sessionId: string | undefined;
  /** The create answer, when this store saw the create. */
  readonly created: CreatedSession | undefined;
  readonly result: SessionResult | undefined;
}

/** The session expired before it was ended; a new session is needed. */
export interface ExpiredSessionState extends WithActivity {
  readonly status: 'expired';
  /** The session id, when known. */
  readonly sessionId: string | undefined;
  /** The create answer, when this store saw the create. */
  readonly created: CreatedSession | undefined;
  /** The expired body, when it came from a poll. */
  readonly result: SessionResult | undefined;
  /** The SessionExpiredError, when expiry was learned from a failed call. */
  readonly error: unknown;
}

/** A call failed for good; `failedIn` says in which status. Dispatch `reset` to start again. */
export interface ErrorSessionState extends WithActivity {
  readonly status: 'error';
  /** The session id, when one existed. */
  readonly sessionId: string | undefined;
  /** The create answer, when this store saw the create. */
  readonly created: CreatedSession | undefined;
  /** The latest polled body, if any. */
  readonly result: SessionResult | undefined;
  /** The error (normally a ScribeError). */
  readonly error: unknown;
  /** The status the session was in when it failed. */
  readonly failedIn: SessionLifecycleStatus;
}

/** The session lifecycle: a discriminated union on `status`, with I/O activity as a separate axis. */
export type SessionState =
  | IdleSessionState
  | CreatingSessionState
  | LiveSessionState
  | FinishedSessionState
  | ExpiredSessionState
  | CancelledSessionState
  | ErrorSessionState;

/** Activity of a fresh session: nothing running. */
export const INITIAL_SESSION_ACTIVITY: SessionActivity = Object.freeze({
  connection: 'idle',
  paused: false,
  audioSeconds: 0,
  speechSeconds: 0,
  speaking: false,
  elapsedMs: 0,
  level: 0,
  chunksCut: 0,
  chunksQueued: 0,
  uploadsInFlight: 0,
  chunksAcknowledged: 0,
  chunksFailed: 0,
  chunksPending: 0,
  bytesSent: 0,
  bytesAcknowledged: 0,
  reconnects: 0,
  lastError: undefined,
});

/** The state before anything happened. */
export const INITIAL_SESSION_STATE: IdleSessionState = Object.freeze({ status: 'idle', activity: INITIAL_SESSION_ACTIVITY });

/** True for `completed`, `partial`, `failed`, `expired` and `cancelled`: nothing more will happen to the session. */
export function isFinalLifecycleStatus(status: SessionLifecycleStatus): status is 'completed' | 'partial' | 'failed' | 'expired' | 'cancelled' {
  return status === 'completed' || status === 'partial' || status === 'failed' || status === 'expired' || status === 'cancelled';
}

/** True while chunks wait or upload: the end call must wait for them. */
export function hasPendingUploads(state: SessionState): boolean {
  return state.activity.chunksQueued > 0 || state.activity.uploadsInFlight > 0;
}
