import type { ServerResponse } from 'node:http';
import type { HttpResponse } from './responses.js';

/** Writes a response with `X-Request-Id`, the CORS headers for the request's origin and the extra headers gathered while dispatching. */
export function writeResponse(res: ServerResponse, response: HttpResponse, requestId: string, extra: Record<string, string>, cors: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...cors, ...extra, ...response.headers, 'X-Request-Id': requestId };
  let payload: string | undefined;
  if (response.raw) {
    headers['Content-Type'] = response.raw.contentType;
    payload = response.raw.data;
  } else if (response.body !== undefined && response.status !== 204 && response.status !== 304) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    payload = JSON.stringify(response.body);
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}
