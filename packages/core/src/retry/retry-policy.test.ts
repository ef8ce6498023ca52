import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_MAX_RETRIES, isRetryable, parseRetryAfterMs, retryDelayMs } from './retry-policy';

const idempotent = { attempt: 0, idempotent: true };

describe('isRetryable', () => {
  it.each([408, 429, 500, 502, 503, 504])('[#91] retries HTTP %i on an idempotent call', (status) => {
    expect(isRetryable({ ...idempotent, status })).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 409, 410, 413, 422, 501])('[#91] never retries HTTP %i', (status) => {
    expect(isRetryable({ ...idempotent, status })).toBe(false);
  });

  it('[#91] retries connection errors and timeouts', () => {
    expect(isRetryable({ ...idempotent, networkError: true })).toBe(true);
    expect(isRetryable({ ...idempotent, timedOut: true })).toBe(true);
    expect(isRetryable({ ...idempotent })).toBe(false);
  });

  it('[#91] retries nothing on a non-idempotent call', () => {
    for (const check of [{ status: 503 }, { status: 429 }, { networkError: true }, { timedOut: true }]) {
      expect(isRetryable({ ...check, attempt: 0, idempotent: false })).toBe(false);
    }
  });

  it('[#91] retries a 500 once only', () => {
    expect(isRetryable({ ...idempotent, status: 500, serverCode: 'internal_error' })).toBe(true);
    expect(isRetryable({ attempt: 1, idempotent: true, status: 500, internalErrorRetried: true })).toBe(false);
    expect(isRetryable({ attempt: 1, idempotent: true, status: 503, internalErrorRetried: true })).toBe(true);
  });

  it('[#91] never retries processing_failed, even as a 500 or 503', () => {
    expect(isRetryable({ ...idempotent, status: 500, serverCode: 'processing_failed' })).toBe(false);
    expect(isRetryable({ ...idempotent, status: 503, serverCode: 'processing_failed' })).toBe(false);
  });

  it('[#91] lets rate_limit_exceeded and service_unavailable retry by code', () => {
    expect(isRetryable({ ...idempotent, status: 429, serverCode: 'rate_limit_exceeded' })).toBe(true);
    expect(isRetryable({ ...idempotent, status: 503, serverCode: 'service_unavailable' })).toBe(true);
  });

  it('[#91] stops at maxRetries (default 3)', () => {
    expect(DEFAULT_MAX_RETRIES).toBe(3);
    expect(isRetryable({ attempt: 2, idempotent: true, status: 503 })).toBe(true);
    expect(isRetryable({ attempt: 3, idempotent: true, status: 503 })).toBe(false);
    expect(isRetryable({ attempt: 0, idempotent: true, status: 503, maxRetries: 0 })).toBe(false);
    expect(isRetryable({ attempt: 4, idempotent: true, status: 503, maxRetries: 5 })).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it('[#91] doubles from 0.5 s up to 8 s, jittered into [50 %, 100 %]', () => {
    const max = () => 0.999999;
    const min = () => 0;
    expect([0, 1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, { random: max }))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect([0, 1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, { random: min }))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    expect(retryDelayMs(1, { random: () => 0.5 })).toBe(750);
  });

  it('[#91] lets Retry-After seconds replace the backoff, capped at 60 s', () => {
    expect(retryDelayMs(0, { random: () => 0, retryAfterHeader: '3' })).toBe(3000);
    expect(retryDelayMs(3, { random: () => 0, retryAfterHeader: '0' })).toBe(0);
    expect(retryDelayMs(0, { random: () => 0, retryAfterHeader: '3600' })).toBe(60_000);
  });

  it('[#91] reads Retry-After as an HTTP date', () => {
    const wallNow = Date.parse('2026-11-24T10:30:00Z');
    expect(retryDelayMs(0, { random: () => 0, wallNow, retryAfterHeader: 'Tue, 24 Nov 2026 10:30:07 GMT' })).toBe(7000);
    expect(retryDelayMs(0, { random: () => 0, wallNow, retryAfterHeader: 'Tue, 24 Nov 2026 12:00:00 GMT' })).toBe(60_000);
    expect(retryDelayMs(0, { random: () => 0, wallNow, retryAfterHeader: 'Tue, 24 Nov 2026 10:00:00 GMT' })).toBe(0);
  });

  it('[#91] ignores an unreadable Retry-After', () => {
    expect(retryDelayMs(0, { random: () => 1, retryAfterHeader: 'soon' })).toBe(500);
    expect(retryDelayMs(0, { random: () => 1, retryAfterHeader: '-5' })).toBe(500);
    expect(parseRetryAfterMs(undefined, 0)).toBeUndefined();
    expect(parseRetryAfterMs('  ', 0)).toBeUndefined();
    expect(parseRetryAfterMs('1.5', 0)).toBe(1500);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from its own initial delay up to its own cap, jittered into [50 %, 100 %]', () => {
    const bounds = { initialDelayMs: 250, maxDelayMs: 4000 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, { ...bounds, random: () => 0.999999 }))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, { ...bounds, random: () => 0 }))).toEqual([125, 250, 500, 1000, 2000, 2000]);
    expect(backoffDelayMs(2, { ...bounds, random: () => 0.5 })).toBe(750);
  });

  it('is what retryDelayMs uses without Retry-After', () => {
    for (const attempt of [0, 3, 7]) {
      expect(retryDelayMs(attempt, { random: () => 0.3 })).toBe(backoffDelayMs(attempt, { initialDelayMs: 500, maxDelayMs: 8000, random: () => 0.3 }));
    }
  });
});
