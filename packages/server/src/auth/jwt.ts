import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of an access token the server issues (contract 1.6). */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  'b-id': string;
  iat: number;
  exp: number;
  jti: string;
}

/** Why a bearer token was refused. */
export type JwtFailure = 'malformed_token' | 'unsupported_algorithm' | 'bad_signature' | 'expired';

/** The outcome of verifying a token. */
export type JwtVerification = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: JwtFailure };

const HEADER = base64UrlJson({ alg: 'HS256', typ: 'JWT' });

/** Signs claims as a compact HS256 JWT. */
export function signJwt(claims: AccessTokenClaims, secret: Buffer): string {
  const unsigned = `${HEADER}.${base64UrlJson(claims)}`;
  return `${unsigned}.${hmac(unsigned, secret)}`;
}

/** True when the string has the three-part shape of a compact JWT (so `Bearer` is not an API key). */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/**
 * Verifies signature and expiry. The issuer is not checked: it is the public URL at issue time, and a test server
 * restarted on another ephemeral port must still accept tokens it issued before.
 */
export function verifyJwt(token: string, secret: Buffer, nowSeconds: number): JwtVerification {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed_token' };
  const [headerPart, payloadPart, signature] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart);
  if (!header || !claims) return { ok: false, reason: 'malformed_token' };
  if (header.alg !== 'HS256') return { ok: false, reason: 'unsupported_algorithm' };
  const expected = Buffer.from(hmac(`${headerPart}.${payloadPart}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  if (typeof claims.sub !== 'string' || typeof claims['b-id'] !== 'string' || typeof claims.exp !== 'number') {
    return { ok: false, reason: 'malformed_token' };
  }
  if (nowSeconds >= claims.exp) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims as unknown as AccessTokenClaims };
}

function hmac(data: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
