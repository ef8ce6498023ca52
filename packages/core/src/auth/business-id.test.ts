import { describe, expect, it } from 'vitest';
import { businessIdFromClaims, businessIdFromToken, decodeJwtPayload } from './business-id';

function jwt(payload: unknown): string {
  const encode = (value: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'HS256' })}.${encode(payload)}.sig`;
}

describe('business id (1.3)', () => {
  it('[#19] reads b-id, then b_id, from the access token', () => {
    expect(businessIdFromToken(jwt({ 'b-id': 'b_1', b_id: 'b_2' }))).toBe('b_1');
    expect(businessIdFromToken(jwt({ b_id: 'b_2' }))).toBe('b_2');
    expect(businessIdFromToken(jwt({ sub: 'x' }))).toBeUndefined();
  });

  it('[#19] anything that is not a JWT gives undefined', () => {
    for (const token of ['opaque-token', 'a.b', 'a.!!!.c', jwt([1, 2]), jwt('text'), '', undefined]) {
      expect(businessIdFromToken(token)).toBeUndefined();
    }
  });

  it('decodes base64url payloads with UTF-8 and without padding', () => {
    expect(decodeJwtPayload(jwt({ name: 'Dr. Ñandú ✓', n: 1 }))).toEqual({ name: 'Dr. Ñandú ✓', n: 1 });
    expect(businessIdFromClaims({ 'b-id': 7 })).toBeUndefined();
  });
});
