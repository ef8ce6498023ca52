import { ScribeError } from '@scribe/core/internal';
import { relayError } from './relay-response';
import type { UpstreamAnswer } from './upstream-call';

/** Fallback codes by status when the service's answer carried none (contract 8.2's status column). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  404: 'not_found',
  409: 'session_already_exists',
  410: 'session_expired',
  413: 'payload_too_large',
  422: 'invalid_request',
  429: 'rate_limit_exceeded',
  500: 'internal_error',
  503: 'service_unavailable',
};

/**
 * The relay's answer to a call the service refused: the service's status, code, message and details (passed through
 * `scrub`, which swaps the upstream session id for the handle), and its request id, `Retry-After` and
 * `X-RateLimit-*`. A refused service credential (401/403) is the relay's own misconfiguration, not the user's, so it
 * becomes 502 `upstream_auth_failed` with no detail; a redirect the transport refused to follow becomes 502.
 */
export function upstreamFailureResponse(answer: UpstreamAnswer, scrub: (value: unknown) => unknown): Response {
  const { status, headers } = answer;
  if (status === 401 || status === 403 || answer.error?.code === 'auth_error') {
    return relayError(502, 'upstream_auth_failed', 'The scribe service refused the relay\'s own credentials: the server\'s configuration must be fixed.', { headers: pick(headers, 'x-request-id') });
  }
  if (status < 400) {
    // The target host goes to the relay's log (see create-scribe-relay), not to the browser: it is the service's topology.
    return relayError(502, 'bad_gateway', `The scribe service answered HTTP ${status}${status >= 300 ? ' (a redirect)' : ''}, which the relay does not follow; the relay's log names the target.`, { headers: pick(headers, 'x-request-id') });
  }
  const envelope = readEnvelope(answer.data);
  const code = envelope.code ?? answer.error?.serverCode ?? CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
  const message = envelope.message ?? `The scribe service answered HTTP ${status}.`;
  return relayError(status, code, scrub(message) as string, { details: envelope.details && (scrub(envelope.details) as Record<string, unknown>), headers });
}

/**
 * The relay's answer when the service gave no HTTP answer to the call itself: 504 `timeout` after the transport's
 * deadline, 503 `service_unavailable` when it could not be reached (both retryable by the browser's client), 502
 * `upstream_auth_failed` when the relay's login failed, 500 `internal_error` for anything else (a configuration
 * error: the detail goes to the relay's log, not to the browser).
 */
export function noAnswerResponse(error: unknown): Response {
  if (ScribeError.is(error) && error.code === 'timeout') return relayError(504, 'timeout', 'The scribe service did not answer in time.');
  if (ScribeError.is(error) && error.code === 'api_error') return relayError(503, 'service_unavailable', 'The scribe service could not be reached.');
  if (ScribeError.is(error) && error.code === 'aborted') return relayError(503, 'aborted', 'The request was cancelled.');
  // A failed login: the relay's service credentials are wrong, which the browser can do nothing about.
  if (ScribeError.is(error) && error.code === 'auth_error') return relayError(502, 'upstream_auth_failed', 'The scribe service refused the relay\'s own credentials: the server\'s configuration must be fixed.');
  return relayError(500, 'internal_error', 'The relay failed; see its log.');
}

function readEnvelope(data: unknown): { code?: string; message?: string; details?: Record<string, unknown> } {
  if (typeof data !== 'object' || data === null) return {};
  const error = (data as { error?: unknown }).error;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    return {
      code: typeof code === 'string' && code ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
      details: typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : undefined,
    };
  }
  const detail = (data as { detail?: unknown }).detail;
  return typeof detail === 'string' ? { message: detail } : {};
}

function pick(headers: Record<string, string>, name: string): Record<string, string> {
  return headers[name] === undefined ? {} : { [name]: headers[name] };
}
