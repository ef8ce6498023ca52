import { createHmac } from 'node:crypto';

/** `v1` of contract 7.3: lowercase hex HMAC-SHA256 of `"{t}.{body}"` keyed by the secret's UTF-8 bytes. */
export function webhookSignatureV1(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}

/** The `X-MSA-Signature` header value: `t=<unix seconds>,v1=<hex>`, no spaces. */
export function webhookSignatureHeader(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${webhookSignatureV1(secret, timestampSeconds, body)}`;
}
