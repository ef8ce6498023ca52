import type { EndSessionResponse } from '../protocol';
import type { StreamFrameMode } from './stream-options';
import type { StreamConnectionState, StreamListener, StreamSnapshot } from './stream-state';

/** Options of `stop`. */
export interface StreamStopOptions {
  /** Why the stream stops, sent in the stop frame. Default none. */
  reason?: string;
  /** Call end (`POST .../end` with `audio_files_sent: 0`) after the socket is closed. Default true. */
  finalize?: boolean;
  /**
   * End the session even though audio is missing: the stream failed, or the service never acknowledged some of it.
   * Without it such a stop rejects with StreamIncompleteError and leaves the session open. Default false.
   */
  endIncomplete?: boolean;
  /** Cancels waiting and the end call. */
  signal?: AbortSignal;
}

/** What `stop` did. */
export interface StreamStopResult {
  /** The end answer, unless `finalize: false` or no end function was given. */
  end: EndSessionResponse | undefined;
  /** PCM bytes handed to the socket. */
  bytesSent: number;
  /** PCM bytes the server acknowledged as stored (resume mode; 0 otherwise). */
  bytesAcknowledged: number;
  /** PCM bytes the service is not known to hold (0 for a complete stream; see StreamIncompleteError). */
  bytesUndelivered: number;
  /** True when the server closed after the stop frame; false when the finalize timeout closed it instead. */
  closedByServer: boolean;
}

/**
 * A live audio stream into one session (contract section 6). Always `stop` it, also on error (platform packages make
 * it async-disposable so `await using` does that).
 */
export interface StreamSession {
  /** The session id. */
  readonly sessionId: string;
  /** The frame mode in use. */
  readonly frameMode: StreamFrameMode;
  /** Whether the resume extension is in use. */
  readonly resume: boolean;
  /** The socket's state now (also in snapshots). */
  readonly connection: StreamConnectionState;
  /** The current frozen snapshot. */
  getSnapshot(): StreamSnapshot;
  /** Calls `listener` after every change; returns its unsubscribe function. */
  subscribe(listener: StreamListener): () => void;
  /**
   * Starts connecting, unless the stream already has (or has stopped or failed). The socket opens lazily, on the first
   * of `connect`, `opened` and `sendAudio`; calling it again opens no second socket.
   */
  connect(): void;
  /**
   * Connects (as `connect`) and resolves when the first connection is ready for audio; rejects when the stream failed
   * or was stopped before.
   */
  opened(): Promise<void>;
  /**
   * Accepts 16-bit little-endian mono 16 kHz PCM (an even number of bytes; empty sends nothing), connecting first if
   * the stream has not yet (audio waits in the queue until the socket is ready). Resolves once the
   * audio is accepted, waiting while the queue and the socket's buffer are over the high-water mark, so a fast
   * producer is slowed. After stop → SessionStateError; after a failure → that failure.
   */
  sendAudio(pcm: Uint8Array, options?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Sends the rest and the stop frame, waits for the server to close (at most the finalize timeout), closes, then
   * ends the session unless `finalize: false` (contract 6.4). A stream that never connected opens no socket for it.
   * Once it has succeeded it is a no-op; after a failed end, calling it again retries only the end.
   * A stream with audio the service is not known to hold (failed, or unacknowledged in resume mode) is not ended:
   * `stop()` rejects with StreamIncompleteError (its failure as the cause) unless `endIncomplete: true` or
   * `finalize: false`; a failed stream with nothing missing rejects with its failure.
   */
  stop(options?: StreamStopOptions): Promise<StreamStopResult>;
  /**
   * Drops the stream at once, as a cancel: closes the socket WITHOUT the stop frame, stops reconnecting, and discards
   * audio still queued. The service keeps what it stored and the session stays open (contract 6.5: a close without
   * stop never commits); it is not ended. The stream fails with `reason` (a ScribeError) or an AbortError: the
   * snapshot shows `connection: 'closed'`, `phase: 'failed'`, and `sendAudio` / `opened` reject with it. No-op once the
   * stream has stopped or failed.
   */
  abort(reason?: unknown): void;
}
