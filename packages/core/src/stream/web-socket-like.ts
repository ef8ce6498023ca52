import { ConfigError } from '../errors';

/** `readyState` values of the WebSocket standard. */
export const WEB_SOCKET_OPEN = 1;

/** The close event a WebSocket reports. */
export interface WebSocketCloseEventLike {
  /** Close code (1006 when the connection dropped without a close frame). */
  readonly code: number;
  /** Close reason sent by the peer, if any. */
  readonly reason: string;
}

/**
 * The WebSocket port: the subset of the WHATWG `WebSocket` the stream uses. Browsers' `WebSocket` and the `ws`
 * package's client both satisfy it; tests may pass any implementation.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Bytes handed to `send` and not yet written to the network: the backpressure signal. */
  readonly bufferedAmount: number;
  /** Set to `arraybuffer` by the stream (the server sends only text, but binary must not become a Blob). */
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: WebSocketCloseEventLike) => void) | null;
  onerror: ((event: unknown) => void) | null;
  /** Sends a text frame (string) or a binary frame (bytes). */
  send(data: string | Uint8Array): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
}

/** Opens a WebSocket to `url` with no subprotocol and no extra headers (the URL is the credential, contract 6.1). */
export type WebSocketFactory = (url: string) => WebSocketLike;

/**
 * The default factory: the runtime's standard `WebSocket` (browsers, Deno, Node 22+). Node 20 has none, so
 * @scribe/node passes one built on `ws`; without either, opening a stream is a ConfigError.
 */
export function defaultWebSocketFactory(url: string): WebSocketLike {
  const Standard = (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
  if (!Standard) throw new ConfigError('This runtime has no WebSocket: pass createWebSocket (for example one built on the ws package) to stream audio.');
  return new Standard(url);
}
