import { describe, expect, it } from 'vitest';
import { APIError, AuthError, ConfigError, RateLimitError, ScribeError, SessionExpiredError } from './index';
import { REDACTED, redactText, redactValue } from './redact';

const SECRET = 'sentinel-client-secret-91f3';

describe('ScribeError', () => {
  it('carries a stable code per family, status, request id and server code', () => {
    const error = new SessionExpiredError('Session expired; create a new session.', { status: 410, requestId: 'req-1', serverCode: 'session_expired' });
    expect(error.code).toBe('session_expired');
    expect(error.name).toBe('SessionExpiredError');
    expect(error.status).toBe(410);
    expect(error.requestId).toBe('req-1');
    expect(error.serverCode).toBe('session_expired');
    expect(error).toBeInstanceOf(ScribeError);
    expect(error).toBeInstanceOf(Error);
  });

  it('is recognised by a Symbol.for marker, so a second copy of the package still agrees', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('scribe-ts.error')]: true });
    expect(ScribeError.is(foreign)).toBe(true);
    expect(ScribeError.is(new Error('plain'))).toBe(false);
    expect(ScribeError.is(null)).toBe(false);
    expect(ScribeError.is(new ConfigError('x'))).toBe(true);
  });

  it('[#94] removes known secrets from message, details, cause and JSON form', () => {
    const cause = new Error(`fetch failed for https://h/login with ${SECRET}`);
    const error = new AuthError(`login failed: ${SECRET}`, { cause, details: { note: `got ${SECRET}`, client_secret: 'x' }, secrets: [SECRET] });
    const everything = JSON.stringify(error) + error.message + String((error.cause as Error).message) + JSON.stringify(error.details);
    expect(everything).not.toContain(SECRET);
    expect(error.message).toContain(REDACTED);
    expect(error.details).toEqual({ note: `got ${REDACTED}`, client_secret: REDACTED });
  });

  it('[#94] removes secret-shaped values even when the thrower did not know them', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJiLWlkIjoiYl8xIn0.c2lnbmF0dXJlX3ZhbHVl';
    const error = new APIError(`upstream said Authorization: Bearer ${jwt} and api_key=sk_live_abcdef123456`);
    expect(error.message).not.toContain(jwt);
    expect(error.message).not.toContain('sk_live_abcdef123456');
  });

  it('defaults retryable to true only for rate limits', () => {
    expect(new RateLimitError('slow down', { retryAfterSeconds: 3 }).retryable).toBe(true);
    expect(new RateLimitError('slow down', { retryAfterSeconds: 3 }).retryAfterSeconds).toBe(3);
    expect(new ConfigError('x').retryable).toBe(false);
  });
});

describe('redaction', () => {
  it('redacts JSON secret fields, stream URLs and webhook secrets', () => {
    const text = '{"client_secret":"abc123xyz","refresh_token":"r_1"} ws://h/v1/stream/sessions/Zx9_k/audio whsec_abcdefgh';
    const out = redactText(text);
    expect(out).not.toMatch(/abc123xyz|r_1"|Zx9_k|whsec_abcdefgh/);
    expect(out).toContain('/stream/sessions/[REDACTED]');
  });

  it('ignores very short secrets rather than mangling ordinary text', () => {
    expect(redactText('a b c', ['a'])).toBe('a b c');
  });

  it('deep-copies values, replacing secret-named keys', () => {
    const input = { nested: [{ api_key: 'k', ok: 'fine' }], Authorization: 'Bearer x' };
    expect(redactValue(input)).toEqual({ nested: [{ api_key: REDACTED, ok: 'fine' }], Authorization: REDACTED });
    expect(input.nested[0]!.api_key).toBe('k');
  });
});

describe('instanceof across copies of the SDK', () => {
  it('matches a ScribeError of the same class name from another copy, and nothing else', async () => {
    const { AuthError, ConfigError } = await import('./error-classes');
    // A second copy: the same module text loaded as another module instance, as a CommonJS entry beside ESM would be.
    const copy = (await import(/* @vite-ignore */ `./error-classes.ts?copy=${Date.now()}`)) as typeof import('./error-classes');
    expect(copy.AuthError).not.toBe(AuthError);
    const foreign = new copy.AuthError('refused');
    expect(foreign instanceof AuthError).toBe(true);
    expect(foreign instanceof ScribeError).toBe(true);
    expect(foreign instanceof ConfigError).toBe(false);
    expect(new AuthError('x') instanceof copy.AuthError).toBe(true);
    expect(Object.assign(new Error('x'), { name: 'AuthError' }) instanceof AuthError).toBe(false);
    expect(new ConfigError('x') instanceof AuthError).toBe(false);
  });
});
