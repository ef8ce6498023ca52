import { createHmac, timingSafeEqual } from 'node:crypto';

/** Prefix and version of the relay's session handles. */
export const HANDLE_PREFIX = 'rs1';

/** Characters of the MAC kept in a handle (22 base64url characters: 132 bits). */
const MAC_LENGTH = 22;

const HANDLE_PATTERN = /^rs1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/;

/** Signs and checks session handles: the upstream session id bound to one user by an HMAC (docs/relay.md). */
export interface SessionHandles {
  /** `rs1.<base64url(upstreamId)>.<MAC>`, only `[A-Za-z0-9._-]`. */
  sign(userId: string, upstreamId: string): string;
  /** The upstream session id when `handle` was signed for `userId` with this secret; undefined otherwise. */
  open(userId: string, handle: string): string | undefined;
}

/**
 * Handles per the browser design: `rs1.<base64url(upstream id)>.<first 22 chars of base64url(HMAC-SHA256(secret,
 * userId + "\n" + upstreamId))>`. Stateless: any relay holding the same secret opens any handle it signed.
 */
export function createSessionHandles(secret: Uint8Array): SessionHandles {
  const mac = (userId: string, upstreamId: string) =>
    createHmac('sha256', secret).update(`${userId}\n${upstreamId}`, 'utf8').digest('base64url').slice(0, MAC_LENGTH);
  return {
    sign: (userId, upstreamId) => `${HANDLE_PREFIX}.${Buffer.from(upstreamId, 'utf8').toString('base64url')}.${mac(userId, upstreamId)}`,
    open: (userId, handle) => {
      const match = HANDLE_PATTERN.exec(handle);
      if (!match) return undefined;
      const [, encodedId, given] = match as unknown as [string, string, string];
      const upstreamId = Buffer.from(encodedId, 'base64url').toString('utf8');
      // One spelling per id: a re-encoding that differs (padding bits, invalid UTF-8) is not a handle we issued.
      if (upstreamId === '' || Buffer.from(upstreamId, 'utf8').toString('base64url') !== encodedId) return undefined;
      const expected = Buffer.from(mac(userId, upstreamId), 'latin1');
      return timingSafeEqual(expected, Buffer.from(given, 'latin1')) ? upstreamId : undefined;
    },
  };
}
