import { ConfigError } from '../errors';
import { parseSignatureHeader } from './signature-header';

/** Default allowed distance between the signature time and now, in seconds (contract 7.3). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** A raw request body: exactly the bytes received (never re-serialised JSON). */
export type RawBody = Uint8Array | ArrayBuffer | string;

/** What `verifyWebhookSignature` checks. */
export interface VerifyWebhookSignatureOptions {
  /** The `X-MSA-Signature` header value (several values are joined with `,`). */
  header: string | readonly string[] | null | undefined;
  /** The request body exactly as received; a string is encoded as UTF-8. */
  rawBody: RawBody;
  /** The webhook secret, `whsec_` prefix included. */
  secret: string;
  /** Allowed `|now − t|` in seconds. Default 300. */
  toleranceSeconds?: number;
  /** Current time in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

const encoder = new TextEncoder();

function toBytes(body: RawBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ConfigError('Webhook verification needs WebCrypto (globalThis.crypto.subtle), which this runtime lacks.');
  return subtle;
}

/** Lowercase hex HMAC-SHA256 of `"{timestamp}.{body}"` keyed with the secret's UTF-8 bytes (contract 7.3). */
export async function computeWebhookSignature(secret: string, timestamp: number, rawBody: RawBody): Promise<string> {
  const subtle = subtleCrypto();
  const key = await subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const prefix = encoder.encode(`${timestamp}.`);
  const body = toBytes(rawBody);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix, 0);
  message.set(body, prefix.length);
  const digest = new Uint8Array(await subtle.sign('HMAC', key, message));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Compares two strings in time that depends only on their lengths, so a forger learns nothing from timing about
 * how much of a guess was right. A length mismatch returns false (after the same loop) and never throws.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let index = 0; index < length; index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

/**
 * Verifies a webhook's `X-MSA-Signature` (contract 7.3). False for a missing or malformed header, a `t` outside
 * the tolerance, an empty secret, or a signature that does not match the raw body; never throws for bad input.
 */
export async function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): Promise<boolean> {
  const { secret, toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS, now = Date.now } = options;
  const parsed = parseSignatureHeader(options.header);
  if (!parsed || typeof secret !== 'string' || secret === '') return false;
  if (Math.abs(now() / 1000 - parsed.timestamp) > toleranceSeconds) return false;
  const expected = await computeWebhookSignature(secret, parsed.timestamp, options.rawBody);
  // Every candidate is compared, so the time taken does not reveal which one matched.
  let matched = false;
  for (const candidate of parsed.signatures) matched = timingSafeEqual(candidate, expected) || matched;
  return matched;
}
