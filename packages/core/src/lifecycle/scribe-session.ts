import type { ScribeProgressEvent } from '../audio/audio-progress-event';
import type { VoiceActivityDetector } from '../audio/voice-activity-detector';
import type { Clock } from '../ports/clock';
import type { WaitForResultsOptions } from '../polling/result-poller';
import type { SessionResult } from '../protocol/session-result';
import type { CreateSessionOptions } from '../sessions/create-session-body';
import type { StreamBehaviourOptions } from '../stream/stream-options';
import type { ChunkQueueRetryOptions } from '../uploads/chunk-queue-uploader';
import type { ChunkStore } from '../uploads/chunk-store';
import type { ChunkQueueLimits } from '../uploads/queue-speech';
import type { UploadSpeechOptions } from '../uploads/upload-speech';
import type { SessionAudioSource } from './session-audio-source';
import type { SessionState } from './session-state';

/** How a session's audio reaches the service. */
export type SessionAudioTransport = 'chunks' | 'stream';

/** Options of `createScribeSession`. Nothing happens until `start()`. */
export interface ScribeSessionOptions {
  /** Where the audio comes from; opened by `start()`. Required. */
  audio: SessionAudioSource;
  /**
   * `chunks`: speech is detected locally and only speech-bounded chunks are uploaded (needs `createDetector`).
   * `stream`: the audio goes live over a WebSocket (contract section 6). Default `chunks`.
   */
  transport?: SessionAudioTransport;
  /** The session to create: templates, model, language. Default: the configured defaults. */
  create?: Omit<CreateSessionOptions, 'signal' | 'uploadType' | 'communicationProtocol'>;
  /** `chunks` only: send audio into this existing session instead of creating one. Default: create one. */
  sessionId?: string;
  /** `chunks` only: a fresh voice-activity detector (Silero in the platform packages). Required for `chunks`. */
  createDetector?: () => Promise<VoiceActivityDetector>;
  /** `chunks` only: chunking, read-ahead, concurrency, start index and file names. Default: the documented defaults. */
  speech?: Omit<UploadSpeechOptions, 'signal' | 'endSession' | 'onProgress'>;
  /** `stream` only: frame mode, backpressure, reconnection, resume. Default: the stream defaults and discovery. */
  stream?: StreamBehaviourOptions & { resume?: boolean };
  /** Poll for the result once the session is ended (`false`: do not, `result()` then polls when called). Default `{}`. */
  results?: false | Omit<WaitForResultsOptions, 'signal' | 'onUpdate'>;
  /** Every pipeline and upload event (`chunk-ready`, `chunk-uploaded`, ...), for callbacks such as `onChunk`. Default none. */
  onProgress?: (event: ScribeProgressEvent) => void;
  /**
   * `chunks` only: a durable queue. Each cut chunk is written here before it is uploaded and removed once the service
   * acknowledged it; detection never waits for the network; network failures are retried with backoff while the
   * session lives; what is left after a crash, a reload or a failure is finished by `resumePendingSessions`.
   * With a store, `speech.readAhead` does not apply (the store is the buffer). Default none: chunks live in memory
   * only and detection waits for the upload behind `readAhead`.
   */
  chunkStore?: ChunkStore;
  /** With `chunkStore`: queue bounds, backoff, the scope and a label stored with the session. Default: see {@link ScribeSessionQueueOptions}. */
  queue?: ScribeSessionQueueOptions;
  /** Elapsed time, the queue's backoff and the progress interval. Default: the system clock. */
  clock?: Clock;
  /**
   * Coalesces progress in the snapshot (`audioSeconds`, `level`, `elapsedMs`, the stream's byte counters) to at most
   * one notification per this many milliseconds, the latest values winning; status changes, chunk counts and every
   * other change are never delayed, and waiting progress is applied just before them. `0`: every block. Default 100.
   */
  progressIntervalMs?: number;
}

/** Options of a session's durable queue (`ScribeSessionOptions.queue`). */
export interface ScribeSessionQueueOptions extends ChunkQueueLimits {
  /** The scope the session is stored under; `resumePendingSessions` resumes one scope. Default `{dialect} {base URL}`. */
  scope?: string;
  /** A label stored with the session, for lists of unfinished sessions. Default none. */
  label?: string;
  /** Backoff between attempts while the network is away. Default 1 s doubling to 30 s, jittered. */
  retry?: ChunkQueueRetryOptions;
}

/** Options of `ScribeSession.stop`. */
export interface ScribeSessionStopOptions {
  /** End (commit) the session once its audio is sent, so processing starts. `false` leaves it open. Default true. */
  finalize?: boolean;
  /** Stops this caller's wait (the stop goes on; a later `stop()` waits for it again). */
  signal?: AbortSignal;
}

/** Options of `ScribeSession.cancel`. */
export interface ScribeSessionCancelOptions {
  /**
   * With a durable queue (`chunkStore`): keep the chunks not yet acknowledged, and the session's record, for
   * `resumePendingSessions` to upload and end later, as after a crash. Default false: a cancelled session's queued
   * audio is deleted, because it is not to be finished.
   */
  keepQueued?: boolean;
}

/**
 * One session from start to result, shared by every runtime: create → audio in → end → result. Read it through
 * `subscribe` / `getSnapshot` (the `useSyncExternalStore` contract). Every action is idempotent: calling `start` or
 * `stop` twice returns the same promise, and no call ever opens a second session, socket or source.
 */
export interface ScribeSession {
  /** The session id, once created. */
  readonly sessionId: string | undefined;
  /** The current frozen snapshot: lifecycle status and activity (connection, counts, seconds, level, errors). */
  getSnapshot(): SessionState;
  /** The snapshot for server rendering: always the idle state. */
  getServerSnapshot(): SessionState;
  /** Calls `listener` after every change; returns its idempotent unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Creates the session (or takes `sessionId`), opens the audio source and starts sending. Resolves once audio flows. */
  start(options?: { signal?: AbortSignal }): Promise<void>;
  /** Stops taking audio in until `resume()` (a live source's audio is dropped meanwhile). No-op unless recording. */
  pause(): void;
  /** Takes audio in again after `pause()`. */
  resume(): void;
  /** Ends audio intake, sends what is left, then ends the session (unless `finalize: false`). Resolves once ended. */
  stop(options?: ScribeSessionStopOptions): Promise<void>;
  /**
   * Stops everything at once without ending the session (no processing); releases the source, the socket and the
   * uploads. `keepQueued: true` leaves what a durable queue holds for a later resume (a page leaving mid-recording).
   */
  cancel(options?: ScribeSessionCancelOptions): Promise<void>;
  /** The final result (completed, partial or failed); rejects with the session's error, or AbortError once cancelled. */
  result(): Promise<SessionResult>;
  /** Cancels unless the session was stopped, else waits for the stop; platform packages map `await using` to it. */
  dispose(): Promise<void>;
}
