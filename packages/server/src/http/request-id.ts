import type { IncomingMessage } from 'node:http';
import { createPrefixedId } from '../ids.js';

const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id to answer with: a valid client `X-Request-Id` echoed, else a fresh `req_...` (contract 2.1). */
export function resolveRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && VALID_REQUEST_ID.test(given)) return given;
  return createPrefixedId('req');
}
