import type { ScribeError } from '../errors';
import type { StreamFrameMode } from './stream-options';

/** What the stream reducer needs to know, fixed for the stream's life. */
export interface StreamMachineSettings {
  /** The session id (for error messages). */
  readonly sessionId: string;
  /** The URL each socket opens: the stream `upload_url`, with `ack=1` when resuming. */
  readonly url: string;
  /** Whether the resume extension is in use (acks, resend from the acknowledged byte). */
  readonly resume: boolean;
  /** `binary` or `json` (the JSON mode sends `start` on every connection). */
  readonly frameMode: StreamFrameMode;
  /** Resume mode: how long a new connection may go without its first ack. */
  readonly ackTimeoutMs: number;
  /** How long the stop frame may go without the server's close. */
  readonly finalizeTimeoutMs: number;
  /** First reconnect delay, before jitter. */
  readonly initialDelayMs: number;
  /** Longest reconnect delay, before jitter. */
  readonly maxDelayMs: number;
  /** Consecutive failed connections after which the stream fails. */
  readonly maxAttempts: number;
}

/** `stop` was asked for: once the socket is ready and the queue handed over, the stop frame goes out. */
export interface StopIntent {
  /** The stop frame's `reason`, if any. */
  readonly reason: string | undefined;
}

interface StreamStateBase {
  /** Fixed settings, carried so the reducer is a function of its two arguments only. */
  readonly settings: StreamMachineSettings;
  /** The highest byte offset the server acknowledged (resume mode; 0 otherwise). */
  readonly acknowledged: number;
  /** Reconnections started so far. */
  readonly reconnects: number;
}

/** Created, never connected: no socket yet (connect is lazy). */
export interface IdleStreamState extends StreamStateBase {
  readonly kind: 'idle';
}

/** A socket is opening. `failedAttempts` counts the consecutive connections that failed before it. */
export interface ConnectingStreamState extends StreamStateBase {
  readonly kind: 'connecting';
  readonly failedAttempts: number;
  readonly stop: StopIntent | undefined;
}

/** Resume mode: the socket is open, waiting for its first ack to learn where to resend from. */
export interface AwaitingAckStreamState extends StreamStateBase {
  readonly kind: 'awaiting-ack';
  readonly failedAttempts: number;
  readonly stop: StopIntent | undefined;
}

/** The socket takes audio. With `stop` set, the queue is being handed over before the stop frame. */
export interface ReadyStreamState extends StreamStateBase {
  readonly kind: 'ready';
  readonly stop: StopIntent | undefined;
}

/** The socket dropped; a new one opens once the backoff delay is over. */
export interface ReconnectWaitStreamState extends StreamStateBase {
  readonly kind: 'reconnect-wait';
  readonly failedAttempts: number;
  readonly stop: StopIntent | undefined;
}

/** The stop frame is sent; waiting for the server to close (at most the finalize timeout). */
export interface ClosingStreamState extends StreamStateBase {
  readonly kind: 'closing';
  readonly stop: StopIntent;
}

/** Done: the socket is closed for good (or was never opened). */
export interface StoppedStreamState extends StreamStateBase {
  readonly kind: 'stopped';
  /** True when the server closed after the stop frame. */
  readonly closedByServer: boolean;
}

/** Failed for good; `error` is what `sendAudio` and `opened` reject with. */
export interface FailedStreamState extends StreamStateBase {
  readonly kind: 'failed';
  readonly error: ScribeError;
}

/** The stream runner's state: a discriminated union on `kind`. */
export type StreamState =
  | IdleStreamState
  | ConnectingStreamState
  | AwaitingAckStreamState
  | ReadyStreamState
  | ReconnectWaitStreamState
  | ClosingStreamState
  | StoppedStreamState
  | FailedStreamState;

/** Every state kind, in the order a stream passes through them. */
export const STREAM_STATE_KINDS: readonly StreamState['kind'][] = Object.freeze([
  'idle',
  'connecting',
  'awaiting-ack',
  'ready',
  'reconnect-wait',
  'closing',
  'stopped',
  'failed',
]);

/**
 * Everything that can happen to a stream. Facts observed by the runner carry what the reducer cannot know (close
 * codes, the backlog's size, the jitter drawn for a backoff), so the reducer stays pure.
 */
export type StreamEvent =
  | { readonly type: 'connect-requested' }
  | { readonly type: 'socket-opened' }
  | { readonly type: 'ack-received'; readonly bytes: number }
  | { readonly type: 'socket-closed'; readonly code: number; readonly reason: string; readonly unacknowledgedBytes: number; readonly jitter: number }
  | { readonly type: 'reconnect-due' }
  | { readonly type: 'ack-timeout'; readonly jitter: number }
  | { readonly type: 'audio-accepted' }
  | { readonly type: 'socket-drained' }
  | { readonly type: 'stop-requested'; readonly reason?: string }
  | { readonly type: 'stop-timeout' }
  | { readonly type: 'stop-cancelled' }
  | { readonly type: 'failed'; readonly error: ScribeError }
  | { readonly type: 'aborted'; readonly error: ScribeError };

/** The `type` of every stream event. */
export type StreamEventType = StreamEvent['type'];

/** Every event type, for exhaustive tests. */
export const STREAM_EVENT_TYPES: readonly StreamEventType[] = Object.freeze([
  'connect-requested',
  'socket-opened',
  'ack-received',
  'socket-closed',
  'reconnect-due',
  'ack-timeout',
  'audio-accepted',
  'socket-drained',
  'stop-requested',
  'stop-timeout',
  'stop-cancelled',
  'failed',
  'aborted',
]);

/** What the runner must do after a transition, in order. */
export type StreamEffect =
  | { readonly type: 'open-socket'; readonly url: string }
  | { readonly type: 'send-start' }
  | { readonly type: 'send-queued' }
  | { readonly type: 'release-acknowledged'; readonly offset: number }
  | { readonly type: 'resend-from'; readonly offset: number }
  | { readonly type: 'send-stop'; readonly reason: string | undefined }
  | { readonly type: 'close-socket'; readonly code: number; readonly reason: string }
  | { readonly type: 'schedule-reconnect'; readonly delayMs: number }
  | { readonly type: 'schedule-ack-timeout'; readonly delayMs: number }
  | { readonly type: 'schedule-stop-timeout'; readonly delayMs: number }
  | { readonly type: 'cancel-timer' }
  | { readonly type: 'settle-opened'; readonly error?: ScribeError }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string; readonly data: Readonly<Record<string, unknown>> }
  | { readonly type: 'release' };

/** A transition's outcome. A rejected event returns the very same state and no effects. */
export interface StreamTransition {
  readonly state: StreamState;
  readonly effects: readonly StreamEffect[];
}
