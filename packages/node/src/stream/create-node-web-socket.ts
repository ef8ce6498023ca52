import WebSocket from 'ws';
import type { WebSocketLike } from '@scribe/core';

/**
 * The WebSocket port on Node, built on `ws` (Node 20 has no global WebSocket). No subprotocol, no headers beyond
 * the handshake, no cookies: the stream URL is the only credential (contract 6.1). Compression is off: PCM does
 * not compress well and deflate would cost CPU per frame.
 */
export function createNodeWebSocket(url: string): WebSocketLike {
  return new WebSocket(url, { perMessageDeflate: false }) as unknown as WebSocketLike;
}
