import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Returns `length` uniformly random characters of `[A-Za-z0-9]` (crypto-grade, no modulo bias). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** A new session id: `ses_` followed by 24 alphanumerics (contract 2.4). */
export function createSessionId(): string {
  return `ses_${randomAlphanumeric(24)}`;
}

/** A new prefixed id such as `wh_...` or `req_...`, 24 alphanumerics after the prefix. */
export function createPrefixedId(prefix: string): string {
  return `${prefix}_${randomAlphanumeric(24)}`;
}

/** An opaque base64url token of `bytes` random bytes (refresh tokens, signing secrets). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
