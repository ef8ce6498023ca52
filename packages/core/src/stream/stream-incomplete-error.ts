import { ScribeError, type ScribeErrorOptions } from '../errors';

/** How much of a stream the service is known to hold, carried by a StreamIncompleteError. */
export interface StreamDelivery {
  /** PCM bytes the caller handed to `sendAudio`. */
  bytesAccepted: number;
  /** PCM bytes handed to a socket. */
  bytesSent: number;
  /** PCM bytes the service acknowledged as stored (resume mode; 0 without it). */
  bytesAcknowledged: number;
  /**
   * PCM bytes the service is not known to hold: accepted minus acknowledged in resume mode; without resume (no acks)
   * accepted minus sent, a lower bound, since what sockets took may also have been lost.
   */
  bytesUndelivered: number;
}

/**
 * A stream failed, or stopped, with audio the service never acknowledged (code `stream_incomplete`). The session was
 * NOT ended: end it knowingly with `stop({ endIncomplete: true })` (or `endSession`), or open a new session. The
 * failure that ended the stream is the `cause`.
 */
export class StreamIncompleteError extends ScribeError {
  /** PCM bytes the service is not known to hold (see {@link StreamDelivery}). */
  readonly bytesUndelivered: number;
  /** The full byte accounting. */
  readonly delivery: StreamDelivery;

  constructor(sessionId: string, delivery: StreamDelivery, options: Omit<ScribeErrorOptions, 'details'> = {}) {
    const seconds = (delivery.bytesUndelivered / 32000).toFixed(1);
    const because = ScribeError.is(options.cause) ? ` after ${options.cause.code}: ${options.cause.message}` : '';
    super(
      'stream_incomplete',
      `The stream of session ${sessionId} ended${because} with ${delivery.bytesUndelivered} of ${delivery.bytesAccepted} PCM bytes (${seconds} s) not delivered; ` +
        'the session was not ended. Call stop({ endIncomplete: true }) to end it with the audio the service stored, or start a new session.',
      {
        ...options,
        details: {
          session_id: sessionId,
          bytes_undelivered: delivery.bytesUndelivered,
          bytes_accepted: delivery.bytesAccepted,
          bytes_sent: delivery.bytesSent,
          bytes_acknowledged: delivery.bytesAcknowledged,
        },
      },
    );
    this.name = 'StreamIncompleteError';
    this.bytesUndelivered = delivery.bytesUndelivered;
    this.delivery = delivery;
  }
}
