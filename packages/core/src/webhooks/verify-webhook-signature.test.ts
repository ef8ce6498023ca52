import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignatureHeader } from './signature-header';
import { computeWebhookSignature, timingSafeEqual, verifyWebhookSignature } from './verify-webhook-signature';

// Contract 7.3 test vector; the body is exactly the 7.2 example, compact, no trailing newline.
const SECRET = 'whsec_test_secret';
const T = 1705661400;
const BODY = '{"event":"session.completed","timestamp":"2025-01-19T10:35:00Z","session_id":"ses_abc123def456"}';
const V1 = '8f397cf243384ad99391418fffc2bf1129c48fb742d3778925c27d118dd10acc';
const HEADER = `t=${T},v1=${V1}`;
const now = () => T * 1000;

const verify = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
  verifyWebhookSignature({ header: HEADER, rawBody: BODY, secret: SECRET, now, ...overrides });

describe('verifyWebhookSignature', () => {
  it('[#85] accepts the 7.3 test vector (now = 1705661400)', async () => {
    expect(await computeWebhookSignature(SECRET, T, BODY)).toBe(V1);
    expect(await verify({})).toBe(true);
  });

  it('[#85] agrees with an independent HMAC implementation, and on bytes as on text', async () => {
    expect(createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex')).toBe(V1);
    const bytes = new TextEncoder().encode(BODY);
    expect(await verify({ rawBody: bytes })).toBe(true);
    expect(await verify({ rawBody: bytes.buffer as ArrayBuffer })).toBe(true);
  });

  it('[#86] rejects a tampered body, including re-serialised JSON', async () => {
    expect(await verify({ rawBody: BODY.replace('completed', 'failed') })).toBe(false);
    expect(await verify({ rawBody: JSON.stringify(JSON.parse(BODY), null, 2) })).toBe(false);
    expect(await verify({ rawBody: `${BODY}\n` })).toBe(false);
  });

  it('[#86] rejects a wrong secret and an empty one', async () => {
    expect(await verify({ secret: 'whsec_other' })).toBe(false);
    expect(await verify({ secret: 'test_secret' })).toBe(false);
    expect(await verify({ secret: '' })).toBe(false);
  });

  it.each([
    ['missing t', `v1=${V1}`],
    ['missing v1', `t=${T}`],
    ['non-numeric t', `t=abc,v1=${V1}`],
    ['fractional t', `t=${T}.5,v1=${V1}`],
    ['negative t', `t=-${T},v1=${V1}`],
    ['empty header', ''],
    ['no separators', 'garbage'],
    ['item without =', `t=${T},v1=${V1},junk`],
    ['two timestamps', `t=${T},t=${T},v1=${V1}`],
    ['v0 scheme only', `t=${T},v0=${V1}`],
  ])('[#86] rejects a malformed header: %s', async (_name, header) => {
    expect(await verify({ header })).toBe(false);
  });

  it('[#86] rejects missing headers of any kind', async () => {
    expect(await verify({ header: undefined })).toBe(false);
    expect(await verify({ header: null })).toBe(false);
  });

  it('[#86] enforces |now − t| ≤ 300 s in both directions', async () => {
    expect(await verify({ now: () => (T + 300) * 1000 })).toBe(true);
    expect(await verify({ now: () => (T - 300) * 1000 })).toBe(true);
    expect(await verify({ now: () => (T + 301) * 1000 })).toBe(false);
    expect(await verify({ now: () => (T - 301) * 1000 })).toBe(false);
    expect(await verify({ now: () => (T + 3600) * 1000, toleranceSeconds: 3600 })).toBe(true);
  });

  it('[#86] uses the real clock by default (the vector is long expired)', async () => {
    expect(await verifyWebhookSignature({ header: HEADER, rawBody: BODY, secret: SECRET })).toBe(false);
  });

  it('[#86] trims spaces around items, names and values; accepts upper-case hex', async () => {
    expect(await verify({ header: ` t = ${T} , v1 = ${V1} ` })).toBe(true);
    expect(await verify({ header: `t=${T},v1=${V1.toUpperCase()}` })).toBe(true);
  });

  it('accepts any matching v1 among several (secret rotation) and a header split into an array', async () => {
    expect(await verify({ header: `t=${T},v1=${'0'.repeat(64)},v1=${V1}` })).toBe(true);
    expect(await verify({ header: [`t=${T}`, `v1=${V1}`] })).toBe(true);
  });

  it('[#86] never throws on a length mismatch', async () => {
    expect(await verify({ header: `t=${T},v1=${V1.slice(0, 10)}` })).toBe(false);
    expect(await verify({ header: `t=${T},v1=${V1}00` })).toBe(false);
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(timingSafeEqual('', 'a')).toBe(false);
    expect(timingSafeEqual('', '')).toBe(true);
    expect(timingSafeEqual(V1, V1)).toBe(true);
  });
});

describe('parseSignatureHeader', () => {
  it('splits on the first = only', () => {
    expect(parseSignatureHeader(`t=${T},v1=${V1},x=a=b`)).toEqual({ timestamp: T, signatures: [V1] });
  });
});
