import { describe, expect, it } from 'vitest';
import { ScribeError } from '../errors';
import { parseErrorBody } from './error-body';
import { mapErrorResponse, type FailedResponse } from './error-mapping';

function envelope(code: string, message = `server says ${code}`, details?: Record<string, unknown>): string {
  return JSON.stringify({ error: { code, message, ...(details ? { details } : {}) } });
}

function failed(status: number, bodyText: string, extra: Partial<FailedResponse> = {}): FailedResponse {
  return { status, bodyText, headers: new Headers({ 'X-Request-Id': 'req-42' }), url: 'https://api.example.com/v1/sessions/ses_1', method: 'GET', ...extra };
}

const codeRows: Array<[string, number, string, boolean]> = [
  ['authentication_failed', 401, 'auth_error', false],
  ['invalid_api_key', 401, 'auth_error', false],
  ['token_expired', 401, 'auth_error', false],
  ['forbidden', 403, 'auth_error', false],
  ['PROFILE_NOT_FOUND', 404, 'auth_error', false],
  ['PWD_MISMATCH', 400, 'auth_error', false],
  ['invalid_request', 400, 'validation_error', false],
  ['missing_required_field', 400, 'validation_error', false],
  ['invalid_template', 400, 'validation_error', false],
  ['template_not_found', 404, 'validation_error', false],
  ['unsupported_version', 400, 'validation_error', false],
  ['language_unsupported', 422, 'validation_error', false],
  ['payload_too_large', 413, 'validation_error', false],
  ['invalid_audio_format', 400, 'invalid_audio', false],
  ['chunk_too_large', 413, 'invalid_audio', false],
  ['file_too_large', 413, 'invalid_audio', false],
  ['audio_quality_poor', 422, 'invalid_audio', false],
  ['audio_too_short', 400, 'invalid_audio', false],
  ['session_not_found', 404, 'session_not_found', false],
  ['session_ended', 400, 'session_state', false],
  ['session_completed', 400, 'session_state', false],
  ['session_already_exists', 409, 'session_state', false],
  ['session_expired', 410, 'session_expired', false],
  ['rate_limit_exceeded', 429, 'rate_limited', true],
  ['internal_error', 500, 'api_error', true],
  ['service_unavailable', 503, 'api_error', true],
  ['processing_failed', 500, 'api_error', false],
];

describe('mapErrorResponse: codes (8.2)', () => {
  it.each(codeRows)('[#90] %s (HTTP %i) → %s', (code, status, sdkCode, retryable) => {
    const error = mapErrorResponse(failed(status, envelope(code, 'what the server said', { field: 'x' })));
    expect(ScribeError.is(error)).toBe(true);
    expect(error.code).toBe(sdkCode);
    expect(error.serverCode).toBe(code);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe('req-42');
    expect(error.details).toEqual({ field: 'x' });
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain('what the server said');
  });

  it('[#90] the code wins over the status', () => {
    expect(mapErrorResponse(failed(400, envelope('session_ended'))).code).toBe('session_state');
    expect(mapErrorResponse(failed(404, envelope('PROFILE_NOT_FOUND'))).code).toBe('auth_error');
    expect(mapErrorResponse(failed(400, envelope('PWD_MISMATCH', 'pwd mismatch'))).name).toBe('AuthError');
  });
});

describe('mapErrorResponse: statuses when the code is absent or unknown (8.2)', () => {
  const statusRows: Array<[number, boolean, string]> = [
    [400, false, 'validation_error'],
    [422, false, 'validation_error'],
    [401, false, 'auth_error'],
    [403, false, 'auth_error'],
    [404, true, 'session_not_found'],
    [404, false, 'api_error'],
    [409, false, 'session_state'],
    [410, false, 'session_expired'],
    [413, false, 'invalid_audio'],
    [429, false, 'rate_limited'],
    [301, false, 'api_error'],
    [500, false, 'api_error'],
    [502, false, 'api_error'],
    [405, false, 'api_error'],
    [418, false, 'api_error'],
  ];
  it.each(statusRows)('[#90] HTTP %i (session path: %s) → %s', (status, sessionPath, sdkCode) => {
    for (const body of ['', envelope('webhook_not_found'), envelope('something_new')]) {
      expect(mapErrorResponse(failed(status, body, { sessionPath })).code).toBe(sdkCode);
    }
  });

  it('[#90] not_found and method_not_allowed go by status', () => {
    expect(mapErrorResponse(failed(404, envelope('not_found'), { sessionPath: true })).code).toBe('session_not_found');
    expect(mapErrorResponse(failed(404, envelope('not_found'))).code).toBe('api_error');
    expect(mapErrorResponse(failed(405, envelope('method_not_allowed'))).code).toBe('api_error');
  });

  it('[#90] a 410 session body means expired too', () => {
    const body = JSON.stringify({ session_id: 'ses_1', status: 'expired', message: 'Session expired at 10:00' });
    const error = mapErrorResponse(failed(410, body));
    expect(error.code).toBe('session_expired');
    expect(error.message).toContain('Session expired at 10:00');
    expect(error.message).toContain('create a new session');
  });
});

describe('mapErrorResponse: bodies that are not the envelope', () => {
  it('[#90] an HTML error page gives its first 200 characters', () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(500)}</body></html>`;
    const error = mapErrorResponse(failed(502, html));
    expect(error.code).toBe('api_error');
    expect(error.message).toContain(html.slice(0, 200));
    expect(error.message).not.toContain(html.slice(0, 201));
    expect(error.message).toContain('not JSON');
  });

  it('[#90] a cloud-storage XML error gives its first 200 characters', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    const error = mapErrorResponse(failed(403, xml, { url: 'https://bucket.s3.amazonaws.com/x?X-Amz-Signature=abc' }));
    expect(error.code).toBe('auth_error');
    expect(error.message).toContain('<Code>AccessDenied</Code>');
  });

  it('[#90] plain text and empty bodies', () => {
    expect(mapErrorResponse(failed(503, 'upstream connect error')).message).toContain('upstream connect error');
    const empty = mapErrorResponse(failed(503, ''));
    expect(empty.code).toBe('api_error');
    expect(empty.message).toContain('HTTP 503');
  });

  it('[#90] a string `detail` becomes the message', () => {
    const error = mapErrorResponse(failed(422, JSON.stringify({ detail: 'model must be lite or pro' })));
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('model must be lite or pro');
  });

  it('parses OAuth-style and array-detail bodies', () => {
    expect(parseErrorBody('{"error":"invalid_grant","error_description":"bad refresh"}')).toMatchObject({ code: 'invalid_grant', message: 'bad refresh' });
    expect(parseErrorBody('{"detail":[{"loc":["body","model"]}]}')).toMatchObject({ details: { detail: [{ loc: ['body', 'model'] }] } });
    expect(parseErrorBody('[1,2]')).toMatchObject({ json: true, message: '[1,2]' });
  });
});

describe('mapErrorResponse: advice', () => {
  it('[#90] every message says what to do', () => {
    expect(mapErrorResponse(failed(410, envelope('session_expired'))).message).toMatch(/create a new session/);
    expect(mapErrorResponse(failed(503, envelope('service_unavailable'), { retries: 3 })).message).toMatch(/the service failed; the call was retried 3 times/i);
    expect(mapErrorResponse(failed(500, '', { retries: 0, idempotent: false })).message).toMatch(/not retried because repeating it may not be safe/);
    expect(mapErrorResponse(failed(404, '', { url: 'https://h/v2/sessions' })).message).toMatch(/Nothing answers at \/v2\/sessions: check `baseUrl`/);
    expect(mapErrorResponse(failed(401, envelope('authentication_failed'))).message).toMatch(/SCRIBE_API_KEY/);
    expect(mapErrorResponse(failed(401, '', { authAdvice: 'Check SCRIBE_API_KEY.' })).message).toMatch(/Check SCRIBE_API_KEY\.$/);
    expect(mapErrorResponse(failed(400, envelope('session_ended'))).message).toMatch(/create a new session to send more audio/);
    expect(mapErrorResponse(failed(400, envelope('invalid_audio_format'))).message).toMatch(/re-encode/);
  });

  it('[#90] a 429 carries retryAfterSeconds from Retry-After, else from details', () => {
    const headers = new Headers({ 'Retry-After': '7', 'X-Request-Id': 'r' });
    const withHeader = mapErrorResponse(failed(429, envelope('rate_limit_exceeded', 'slow down', { retry_after_seconds: 3 }), { headers }));
    expect(withHeader).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7, retryable: true });
    expect(withHeader.message).toContain('wait 7 s');
    const fromBody = mapErrorResponse(failed(429, envelope('rate_limit_exceeded', 'slow down', { retry_after_seconds: 3 })));
    expect(fromBody).toMatchObject({ retryAfterSeconds: 3 });
  });
});

describe('mapErrorResponse: secrets', () => {
  const secrets = ['sentinel-secret-CLIENT', 'sentinel-token-ACCESS', 'sentinel-key-API', '{"b-id":"sentinel-bid"}'];

  it('[#94] known secrets never reach message, details or JSON form', () => {
    const body = envelope('authentication_failed', `bad token sentinel-token-ACCESS for sentinel-key-API`, {
      echoed: 'client_secret was sentinel-secret-CLIENT',
      header: '{"b-id":"sentinel-bid"}',
    });
    const error = mapErrorResponse(failed(401, body, { secrets }));
    const everything = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(error.details)}`;
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(error.message).toContain('[REDACTED]');
  });

  it('[#94] secrets inside an HTML page are redacted too', () => {
    const error = mapErrorResponse(failed(500, '<pre>Authorization: Bearer sentinel-token-ACCESS</pre>', { secrets }));
    expect(JSON.stringify(error) + error.message).not.toContain('sentinel-token-ACCESS');
  });
});
