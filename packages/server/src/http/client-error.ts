import type { Socket } from 'node:net';
import { createPrefixedId } from '../ids.js';
import { errorBody } from './responses.js';

/**
 * Answers requests Node's HTTP parser rejects (malformed request line, oversized headers) with the contract's JSON
 * envelope instead of Node's bare default, so no answer of this server is ever a framework default body.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket, cors: Record<string, string>): void {
  if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    errorBody(tooLarge ? 'request_header_fields_too_large' : 'invalid_request', tooLarge ? 'Request headers are too large.' : 'Malformed HTTP request.'),
  );
  const headers = { ...cors, 'X-Request-Id': createPrefixedId('req'), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${head}\r\n\r\n${body}`);
}
