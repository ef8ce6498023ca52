import { decodeIfText, isWireObject, optionalNumber, type WireObject } from './parse-wire';

/** A message the server sends on a stream socket (contract 6.5-6.6). Unknown messages are kept, never errors. */
export type StreamServerMessage =
  | { type: 'ack'; /** PCM bytes durably stored across all connections. */ bytes: number; raw: WireObject }
  | { type: 'unknown'; raw: unknown };

/** Reads a text frame from the stream socket; anything but a well-formed ack is `unknown` (to be ignored). */
export function parseStreamMessage(raw: unknown): StreamServerMessage {
  const body = decodeIfText(raw);
  if (isWireObject(body) && body.event === 'ack') {
    const bytes = optionalNumber(body.bytes);
    if (bytes !== undefined && Number.isInteger(bytes) && bytes >= 0) return { type: 'ack', bytes, raw: body };
  }
  return { type: 'unknown', raw: body };
}
