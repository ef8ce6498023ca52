import type { ClientRequest, IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { WebSocketLike } from '@scribe/core';
import { redirectHost } from '@scribe/core/internal';
import { REDIRECT_REFUSED_CLOSE_CODE } from '@scribe/core/stream';

/**
 * `ws` that refuses a redirected handshake: the stream URL is the credential, so it is never re-sent to wherever a
 * 3xx points. The close it then reports carries {@link REDIRECT_REFUSED_CLOSE_CODE} and a reason naming the target
 * host, which the stream turns into a typed, final error instead of reconnecting.
 */
class RedirectRefusingWebSocket extends WebSocket {
  #redirect: string | undefined;

  constructor(url: string) {
    super(url, { perMessageDeflate: false, followRedirects: false });
    this.on('unexpected-response', (_request: ClientRequest, response: IncomingMessage) => this.#refuse(url, response));
  }

  #refuse(url: string, response: IncomingMessage): void {
    const status = response.statusCode ?? 0;
    response.resume();
    if (status >= 300 && status < 400) this.#redirect = `redirected (HTTP ${status}) to ${redirectHost(response.headers.location, url)}`;
    // With a listener, ws leaves the failed handshake to us: abort it (it then emits error and close, as without one).
    this.terminate();
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'close' && this.#redirect) return super.emit('close', REDIRECT_REFUSED_CLOSE_CODE, Buffer.from(this.#redirect));
    return super.emit(event, ...args);
  }
}

/**
 * The WebSocket port on Node, built on `ws` (Node 20 has no global WebSocket). No subprotocol, no headers beyond
 * the handshake, no cookies: the stream URL is the only credential (contract 6.1), and a redirected handshake is
 * refused, never followed. Compression is off: PCM does not compress well and deflate would cost CPU per frame.
 */
export function createNodeWebSocket(url: string): WebSocketLike {
  return new RedirectRefusingWebSocket(url) as unknown as WebSocketLike;
}
