import {
  APIError,
  AuthError,
  InvalidAudioError,
  RateLimitError,
  ScribeError,
  SessionExpiredError,
  SessionNotFoundError,
  SessionStateError,
  ValidationError,
  type ScribeErrorOptions,
} from '../errors';
import { isRetryable, parseRetryAfterMs } from '../retry/retry-policy';
import { fieldOfLocation, parseErrorBody } from './error-body';
import { redirectHost } from './redirect-host';

/** A response that failed, as the transport saw it. */
export interface FailedResponse {
  /** HTTP status. */
  status: number;
  /** Response headers (`X-Request-Id`, `Retry-After` are read). */
  headers: Headers;
  /** The raw body text (JSON envelope, HTML, XML or plain text). */
  bodyText: string;
  /** The request URL (only its path is shown, in 404 advice). */
  url: string;
  /** The request method, shown in the message. Default omitted. */
  method?: string;
  /** The URL names a session: a code-less 404 means the session is unknown. Default false. */
  sessionPath?: boolean;
  /** The service advertised the URL under this name (`upload_url`): a code-less 404 is a missing route. Default none. */
  advertisedAs?: string;
  /** Retries already made for this call, quoted in 5xx advice. Default 0. */
  retries?: number;
  /** Whether the call was eligible for retries, for the 5xx advice. Default true. */
  idempotent?: boolean;
  /** Credential values to remove from message, details and cause. Default none. */
  secrets?: Iterable<string>;
  /** What to check after a 401, from the active auth mode. Default: generic credential advice. */
  authAdvice?: string;
  /** Wall-clock now in epoch ms, to read an HTTP-date `Retry-After`. Default `Date.now()`. */
  wallNow?: number;
}

type ErrorFamily = 'auth' | 'validation' | 'audio' | 'not_found' | 'state' | 'expired' | 'rate' | 'api';

// Contract 8.2, first column: the server's code decides before the status does.
const FAMILY_BY_CODE: Readonly<Record<string, ErrorFamily>> = {
  authentication_failed: 'auth',
  invalid_api_key: 'auth',
  token_expired: 'auth',
  expired_token: 'auth',
  missing_token: 'auth',
  invalid_token: 'auth',
  forbidden: 'auth',
  profile_not_found: 'auth',
  pwd_mismatch: 'auth',
  invalid_request: 'validation',
  missing_required_field: 'validation',
  invalid_template: 'validation',
  template_not_found: 'validation',
  unsupported_version: 'validation',
  language_unsupported: 'validation',
  payload_too_large: 'validation',
  invalid_audio_format: 'audio',
  chunk_too_large: 'audio',
  file_too_large: 'audio',
  audio_quality_poor: 'audio',
  audio_too_short: 'audio',
  session_not_found: 'not_found',
  session_ended: 'state',
  session_completed: 'state',
  session_already_exists: 'state',
  session_expired: 'expired',
  rate_limit_exceeded: 'rate',
  internal_error: 'api',
  service_unavailable: 'api',
  processing_failed: 'api',
};

/** Default advice after a rejected credential when the auth mode gave none. */
export const DEFAULT_AUTH_ADVICE =
  'Check the credentials (SCRIBE_CLIENT_ID and SCRIBE_CLIENT_SECRET, SCRIBE_API_KEY, or the access token) and that `env` matches where they were issued.';

/**
 * Turns a failed response into the ScribeError of contract 8.2: the server's code first, then the status. Carries
 * status, server code, request id and details, ends its message with what to do, and redacts `secrets`.
 */
export function mapErrorResponse(response: FailedResponse): ScribeError {
  const body = parseErrorBody(response.bodyText);
  const family = familyFor(response.status, body.code, (response.sessionPath ?? false) && response.advertisedAs === undefined);
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const options: ScribeErrorOptions = {
    status: response.status,
    serverCode: body.code,
    requestId,
    details: body.details,
    secrets: response.secrets,
    retryable: response.status !== 401 && isRetryable({ status: response.status, serverCode: body.code, attempt: 0, idempotent: true }),
  };
  const lead = describeFailure(response, body.code, requestId, body.message);
  switch (family) {
    case 'auth':
      return new AuthError(`${lead} ${authAdvice(response, body.code)}`, options);
    case 'validation':
      return new ValidationError(`${lead} ${validationAdvice(body.code, body.details)}`, options);
    case 'audio':
      return new InvalidAudioError(`${lead} Check the audio's format, duration and size against the service limits, or re-encode it.`, options);
    case 'not_found':
      return new SessionNotFoundError(`${lead} Check the session id and that the session was created with the same credentials.`, options);
    case 'state':
      return new SessionStateError(`${lead} ${stateAdvice(body.code)}`, options);
    case 'expired':
      return new SessionExpiredError(`${lead} The session expired before it was ended: create a new session.`, options);
    case 'rate':
      return rateLimitError(response, lead, body.details, options);
    default:
      return new APIError(`${lead} ${apiAdvice(response, body.code, body.json)}`, options);
  }
}

function familyFor(status: number, code: string | undefined, sessionPath: boolean): ErrorFamily {
  const byCode = code === undefined ? undefined : FAMILY_BY_CODE[code.toLowerCase()];
  if (byCode) return byCode;
  if (status === 400 || status === 422) return 'validation';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return sessionPath ? 'not_found' : 'api';
  if (status === 409) return 'state';
  if (status === 410) return 'expired';
  if (status === 413) return 'audio';
  if (status === 429) return 'rate';
  return 'api';
}

function describeFailure(response: FailedResponse, code: string | undefined, requestId: string | undefined, message: string | undefined): string {
  const what = response.method ? `${response.method} ${pathOf(response.url)} failed` : 'Request failed';
  const tags = [`HTTP ${response.status}`, code, requestId && `request id ${requestId}`].filter(Boolean).join(', ');
  const said = message ? `: ${message}` : '';
  return `${what} (${tags})${said}${/[.!?]$/.test(said) ? '' : '.'}`;
}

function authAdvice(response: FailedResponse, code: string | undefined): string {
  const lower = code?.toLowerCase();
  const configured = response.authAdvice ?? DEFAULT_AUTH_ADVICE;
  if (lower === 'missing_token') {
    return `No token was sent, or not in a form the service reads (it expects \`Authorization: Bearer <token>\`): ${lowerFirst(configured)}`;
  }
  if (lower === 'invalid_token' || lower === 'token_expired' || lower === 'expired_token') {
    return `The token was rejected (invalid or expired): ${lowerFirst(configured)}`;
  }
  if (response.status === 403 || lower === 'forbidden') {
    return 'The credentials were accepted but may not do this: check the account and its permissions.';
  }
  return configured;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function validationAdvice(code: string | undefined, details: Record<string, unknown> | undefined): string {
  if (code === 'unsupported_version') {
    return 'The service does not speak this protocol version: see `details.supported_versions` and upgrade the SDK or the service.';
  }
  if (code === 'payload_too_large') return 'Send a smaller request body.';
  const fields = rejectedFields(details);
  const lower = code?.toLowerCase();
  if (lower === 'invalid_template' || lower === 'template_not_found' || fields.some((field) => /^template/.test(field))) {
    return 'The service rejected the template id in `templates`: template ids differ between services (a self-hosted one uses its own ids), so list the valid ones with `client.templates.list()` and pass one of those.';
  }
  if (fields.includes('language_hint')) {
    return 'The service rejected or requires `language_hint`: pass `languageHint` when creating the session (or configure a default language hint).';
  }
  if (fields.length > 0) return `Fix the request: the service rejected ${fields.map((field) => `\`${field}\``).join(', ')}.`;
  return details ? 'Fix the request: `details` names the problem.' : 'Fix the request and send it again.';
}

// The fields an error names: the envelope's `details.field`, or each `loc` of a FastAPI 422 `detail` list.
function rejectedFields(details: Record<string, unknown> | undefined): string[] {
  const fields = new Set<string>();
  if (typeof details?.field === 'string' && details.field) fields.add(details.field);
  if (Array.isArray(details?.detail)) {
    for (const item of details.detail) {
      const field = typeof item === 'object' && item !== null ? fieldOfLocation((item as { loc?: unknown }).loc) : undefined;
      if (field) fields.add(field);
    }
  }
  return [...fields];
}

function stateAdvice(code: string | undefined): string {
  if (code === 'session_already_exists') {
    return 'A session with this id already exists: fetch it, or choose another session id.';
  }
  return 'The session no longer accepts this operation: fetch it to see its state, or create a new session to send more audio.';
}

function rateLimitError(response: FailedResponse, lead: string, details: Record<string, unknown> | undefined, options: ScribeErrorOptions): RateLimitError {
  const fromHeader = parseRetryAfterMs(response.headers.get('retry-after'), response.wallNow ?? Date.now());
  const fromBody = typeof details?.retry_after_seconds === 'number' ? details.retry_after_seconds : undefined;
  const retryAfterSeconds = fromHeader !== undefined ? fromHeader / 1000 : fromBody;
  const advice = retryAfterSeconds !== undefined
    ? `Too many requests: wait ${retryAfterSeconds} s before trying again, and send fewer requests.`
    : 'Too many requests: slow down and try again later.';
  return new RateLimitError(`${lead} ${advice}`, { ...options, retryAfterSeconds });
}

function apiAdvice(response: FailedResponse, code: string | undefined, json: boolean): string {
  const { status } = response;
  const nonJson = !json && response.bodyText.trim() ? ' The answer was not JSON: a proxy or gateway may be in the way.' : '';
  if (code === 'processing_failed') {
    return 'The service could not process this session and repeating the call will not help: create a new session, and quote the request id if it keeps happening.';
  }
  if (status >= 500) {
    const retries = response.retries ?? 0;
    const retried = retries > 0
      ? `the call was retried ${retries} time${retries === 1 ? '' : 's'}`
      : response.idempotent === false ? 'the call was not retried because repeating it may not be safe' : 'the call was not retried';
    return `The service failed; ${retried}. Try again later, and quote the request id if it persists.${nonJson}`;
  }
  if (status === 404 && response.advertisedAs) {
    return `The service advertised \`${response.advertisedAs}\` ${withoutQuery(response.url)}, but that route is missing there (a 404 without the protocol's error body, so not an unknown session): check the service's routing or the proxy in front of it.${nonJson}`;
  }
  if (status === 404) return `Nothing answers at ${pathOf(response.url)}: check \`baseUrl\` and the dialect.${nonJson}`;
  // Status 0 is how browsers report a redirect that was not followed (an opaque redirect).
  if (status < 200 || (status >= 300 && status < 400)) {
    // The host alone: the Location's path or query may carry a token.
    const location = response.headers.get('location');
    return `Unexpected redirect${location ? ` to ${redirectHost(location, response.url)}` : ''}; credentials are never sent on: check \`baseUrl\`.${nonJson}`;
  }
  return `Unexpected answer from the service: quote the request id when reporting it.${nonJson}`;
}

// The whole URL without its query string: a presigned query carries a signature, and the route is what matters.
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

// Only the path is shown: a query string never holds credentials, but it is noise in a message.
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}
