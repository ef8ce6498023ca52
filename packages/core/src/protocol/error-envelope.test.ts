import { describe, expect, it } from 'vitest';
import { parseErrorEnvelope } from './error-envelope';

describe('parseErrorEnvelope [#90]', () => {
  it('reads the 8.1 envelope', () => {
    expect(parseErrorEnvelope({ error: { code: 'session_not_found', message: 'No session ses_x for this account.', details: { session_id: 'ses_x' } } })).toEqual({
      code: 'session_not_found',
      message: 'No session ses_x for this account.',
      details: { session_id: 'ses_x' },
    });
  });

  it('reads the production login errors', () => {
    expect(parseErrorEnvelope({ error: { code: 'PROFILE_NOT_FOUND', message: 'PROFILE_NOT_FOUND' } })).toEqual({ code: 'PROFILE_NOT_FOUND', message: 'PROFILE_NOT_FOUND' });
    expect(parseErrorEnvelope({ error: { code: 'PWD_MISMATCH' } })).toEqual({ code: 'PWD_MISMATCH', message: 'PWD_MISMATCH' });
  });

  it('reads a string error, with or without an OAuth description', () => {
    expect(parseErrorEnvelope({ error: 'Session not found' })).toEqual({ message: 'Session not found' });
    expect(parseErrorEnvelope({ error: 'invalid_grant', error_description: 'Token expired' })).toEqual({ code: 'invalid_grant', message: 'Token expired' });
    expect(parseErrorEnvelope({ error: 'bad', code: 'E1' })).toEqual({ code: 'E1', message: 'bad' });
  });

  it('uses a string detail as the message', () => {
    expect(parseErrorEnvelope({ detail: 'Not authenticated' })).toEqual({ message: 'Not authenticated' });
  });

  it('summarises FastAPI validation lists', () => {
    const detail = [{ loc: ['body', 'templates'], msg: 'field required', type: 'missing' }];
    expect(parseErrorEnvelope({ detail })).toEqual({ message: 'field required', details: { detail } });
  });

  it('reads a top-level message and code', () => {
    expect(parseErrorEnvelope({ code: 'x', message: 'Internal Server Error' })).toEqual({ code: 'x', message: 'Internal Server Error' });
  });

  it('copes with HTML, cloud-storage XML and plain text (first 200 characters)', () => {
    expect(parseErrorEnvelope('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>')).toEqual({ message: '502 Bad Gateway' });
    expect(parseErrorEnvelope('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>')).toEqual({
      code: 'AccessDenied',
      message: 'Request has expired',
    });
    expect(parseErrorEnvelope('<p>Service   down</p>').message).toBe('Service down');
    const long = 'x'.repeat(500);
    expect(parseErrorEnvelope(long).message).toHaveLength(200);
  });

  it('decodes JSON text and falls back to the raw text', () => {
    expect(parseErrorEnvelope('{"error":{"code":"c","message":"m"}}')).toEqual({ code: 'c', message: 'm' });
    expect(parseErrorEnvelope(undefined, 'upstream timed out')).toEqual({ message: 'upstream timed out' });
    expect(parseErrorEnvelope({ unrelated: true }, '{"detail":"from text"}')).toEqual({ message: 'from text' });
    expect(parseErrorEnvelope({ unrelated: true }, 'plain words')).toEqual({ message: 'plain words' });
  });

  it('never returns an empty message', () => {
    for (const body of [undefined, null, '', {}, [], 42, { error: {} }]) expect(parseErrorEnvelope(body).message.length).toBeGreaterThan(0);
  });
});
