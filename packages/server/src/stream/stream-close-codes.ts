/** WebSocket close codes of the stream endpoint (contract 6.5). */
export const STREAM_CLOSE = {
  /** After stop and flush, or after end. */
  normal: 1000,
  /** The server is shutting down. */
  goingAway: 1001,
  /** Not PCM, odd length, not a JSON envelope, bad base64, bad `start` format. */
  unsupportedData: 1003,
  /** A frame or decoded payload over `max_frame_bytes`, or audio past the session's maximum duration. */
  tooBig: 1009,
  /** A server error (the stream log could not be written). */
  serverError: 1011,
  /** Superseded by a newer connection to the same URL. */
  superseded: 4001,
  /** Unknown stream id. */
  notFound: 4404,
  /** The session was already ended. */
  ended: 4409,
  /** The session expired. */
  expired: 4410,
  /** Audio arrives faster than `max_speed` allows. */
  tooFast: 4429,
} as const;

/** A close the server decided on: code and a short human-readable reason (at most 123 bytes on the wire). */
export interface StreamClose {
  code: number;
  reason: string;
}
