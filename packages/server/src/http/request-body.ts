import type { IncomingMessage } from 'node:http';
import { HttpError } from './responses.js';

/** A request body read into memory, truncated at a limit but always fully drained from the socket. */
export interface RequestBody {
  data: Buffer;
  /** Bytes the client sent, which may exceed `data.length` when over the limit. */
  size: number;
  overLimit: boolean;
}

/** Thrown when the client went away mid-body; the pipeline then answers nothing. */
export class ClientGoneError extends Error {
  constructor() {
    super('client disconnected while sending the body');
    this.name = 'ClientGoneError';
  }
}

/**
 * Reads the whole body, keeping at most `limit` bytes. It keeps draining past the limit so that the checks that
 * come before the size check (contract 2.10 orders them) can still run and the connection stays reusable.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let kept = 0;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (kept >= limit) return;
      const slice = kept + chunk.length > limit ? chunk.subarray(0, limit - kept) : chunk;
      parts.push(slice);
      kept += slice.length;
    });
    req.on('end', () => resolve({ data: Buffer.concat(parts, kept), size, overLimit: size > limit }));
    req.on('aborted', () => reject(new ClientGoneError()));
    req.on('error', () => reject(new ClientGoneError()));
  });
}

/** Parses a JSON request body; an empty body is `undefined`, malformed JSON is 400 `invalid_request`. */
export function parseJsonBody(body: RequestBody, limit: number): unknown {
  if (body.overLimit) {
    throw new HttpError(413, 'payload_too_large', `JSON body exceeds ${limit} bytes.`, { limit_bytes: limit });
  }
  // A UTF-8 byte-order mark is legal in JSON sent by some Windows tools; JSON.parse refuses it.
  const text = body.data.toString('utf8').replace(/^\uFEFF/, '').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_request', 'Request body is not valid JSON.');
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
