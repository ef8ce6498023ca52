/**
 * The one retry policy of the SDK (contract 8.4), as pure functions: the transport decides with them, tests check
 * them without any I/O.
 */

/** Retries an idempotent call gets when the configuration says nothing (`maxRetries`). */
export const DEFAULT_MAX_RETRIES = 3;

/** First backoff step in milliseconds (doubled per retry). */
export const INITIAL_RETRY_DELAY_MS = 500;

/** Largest backoff step in milliseconds, before jitter. */
export const MAX_RETRY_DELAY_MS = 8_000;

/** Largest wait a `Retry-After` header may impose, in milliseconds. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** What is known about one failed attempt. */
export interface RetryCheck {
  /** HTTP status of the failed attempt, when a response arrived. */
  status?: number;
  /** The server's `error.code`, when the body was an envelope. */
  serverCode?: string;
  /** The connection failed (reset, refused, DNS) before a response arrived. */
  networkError?: boolean;
  /** The attempt ran past its per-request timeout. */
  timedOut?: boolean;
  /** Retries already made for this call (0 after the first attempt failed). */
  attempt: number;
  /** Whether the call may safely be repeated (GETs, chunk uploads by name, webhook DELETE...). */
  idempotent: boolean;
  /** Retry budget for the call. Default {@link DEFAULT_MAX_RETRIES}. */
  maxRetries?: number;
  /** Whether a 500 was already retried during this call: a 500 is retried once only. Default false. */
  internalErrorRetried?: boolean;
}

// Codes that say the request itself is wrong or the outcome is final: repeating it cannot help, whatever the status.
const NEVER_RETRIED_CODES: ReadonlySet<string> = new Set([
  'processing_failed',
  'authentication_failed',
  'invalid_api_key',
  'token_expired',
  'forbidden',
  'PROFILE_NOT_FOUND',
  'PWD_MISMATCH',
  'invalid_request',
  'missing_required_field',
  'invalid_template',
  'template_not_found',
  'unsupported_version',
  'language_unsupported',
  'payload_too_large',
  'invalid_audio_format',
  'chunk_too_large',
  'file_too_large',
  'audio_quality_poor',
  'audio_too_short',
  'session_not_found',
  'session_ended',
  'session_completed',
  'session_already_exists',
  'session_expired',
]);

const RETRIED_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/**
 * Whether a failed attempt should be repeated: only idempotent calls, only within the budget, only for connection
 * errors, timeouts, 408, 429, 500 (once), 502, 503 and 504. 401 is never retried here: it has its own renewal path.
 */
export function isRetryable(check: RetryCheck): boolean {
  if (!check.idempotent) return false;
  if (check.attempt >= (check.maxRetries ?? DEFAULT_MAX_RETRIES)) return false;
  if (check.status === undefined) return Boolean(check.networkError || check.timedOut);
  if (check.serverCode !== undefined && NEVER_RETRIED_CODES.has(check.serverCode)) return false;
  if (check.serverCode === 'rate_limit_exceeded' || check.serverCode === 'service_unavailable') return true;
  if (check.status === 500) return !check.internalErrorRetried;
  return RETRIED_STATUSES.has(check.status);
}

/** Inputs of {@link retryDelayMs}. */
export interface RetryDelayOptions {
  /** The `Retry-After` header of the failed response, if any. */
  retryAfterHeader?: string | null;
  /** Uniform random number in [0, 1) for the jitter (inject a fixed one in tests). */
  random: () => number;
  /** Wall-clock now in epoch milliseconds, to turn an HTTP-date `Retry-After` into a wait. Default `Date.now()`. */
  wallNow?: number;
}

/**
 * How long to wait before retry number `attempt + 1`: `min(8 s, 0.5 s × 2^attempt) × random[0.5, 1]`, unless the
 * server's `Retry-After` (capped at 60 s) says otherwise.
 */
export function retryDelayMs(attempt: number, options: RetryDelayOptions): number {
  const fromHeader = parseRetryAfterMs(options.retryAfterHeader, options.wallNow ?? Date.now());
  if (fromHeader !== undefined) return fromHeader;
  return backoffDelayMs(attempt, { initialDelayMs: INITIAL_RETRY_DELAY_MS, maxDelayMs: MAX_RETRY_DELAY_MS, random: options.random });
}

/** Inputs of {@link backoffDelayMs}. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  initialDelayMs: number;
  /** Largest delay, before jitter. */
  maxDelayMs: number;
  /** Uniform random number in [0, 1) for the jitter (inject a fixed one in tests). */
  random: () => number;
}

/**
 * The one exponential backoff of the SDK: `min(max, initial × 2^attempt) × random[0.5, 1]`, rounded to the
 * millisecond. HTTP retries use it with 0.5 s to 8 s, stream reconnects with their own bounds (0.25 s to 4 s).
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, attempt));
  const random = Math.min(1, Math.max(0, options.random()));
  return Math.round(base * (0.5 + 0.5 * random));
}

/**
 * Reads `Retry-After` as delay-seconds or an HTTP date, in milliseconds capped at 60 s; `undefined` when absent or
 * unreadable (the backoff then applies).
 */
export function parseRetryAfterMs(header: string | null | undefined, wallNow: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Number(value) * 1000;
  } else {
    // An HTTP date always names a month; this keeps `Date.parse` from reading numbers like "-5" as years.
    const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(date)) return undefined;
    ms = date - wallNow;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)));
}
