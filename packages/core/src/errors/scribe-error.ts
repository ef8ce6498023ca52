import { redactText, redactValue } from './redact';

const SCRIBE_ERROR_MARKER = Symbol.for('scribe-ts.error');

/** Stable SDK error codes, one per failure family. Compare against these, never against messages. */
export type ScribeErrorCode =
  | 'config_error'
  | 'auth_error'
  | 'validation_error'
  | 'invalid_audio'
  | 'session_not_found'
  | 'session_state'
  | 'session_expired'
  | 'rate_limited'
  | 'timeout'
  | 'aborted'
  | 'api_error'
  | 'chunk_queue_full'
  | 'chunk_store_quota'
  // A stream ended or failed with audio the service never acknowledged (issue 11 item 7).
  | 'stream_incomplete'
  // The microphone (browser capture): permission refused, no device, device busy, device gone mid-recording.
  | 'microphone_permission_denied'
  | 'microphone_not_found'
  | 'microphone_in_use'
  | 'microphone_ended';

/** What every ScribeError may carry besides its message. */
export interface ScribeErrorOptions {
  /** The server's own `error.code`, verbatim (for example `session_ended`). */
  serverCode?: string;
  /** HTTP status of the response that caused the error. */
  status?: number;
  /** The `X-Request-Id` of that response: quote it when reporting a problem. */
  requestId?: string;
  /** Structured details from the error envelope (redacted). */
  details?: Record<string, unknown>;
  /** Whether retrying the same call may succeed. */
  retryable?: boolean;
  /** The underlying error (redacted copy). */
  cause?: unknown;
  /** Secret values known to the thrower, removed from everything the error exposes. */
  secrets?: Iterable<string>;
}

/**
 * The one base class of every error the SDK throws. Recognise it with `ScribeError.is(err)`, which also works across
 * two copies of the package, and branch on the stable `code`.
 */
export class ScribeError extends Error {
  /** Stable family code. */
  readonly code: ScribeErrorCode;
  /** The server's `error.code`, when the server sent one. */
  readonly serverCode: string | undefined;
  /** HTTP status, when the error came from a response. */
  readonly status: number | undefined;
  /** The response's `X-Request-Id`, when there was one. */
  readonly requestId: string | undefined;
  /** Redacted details from the server's error envelope or from local validation. */
  readonly details: Record<string, unknown> | undefined;
  /** Whether the same call may succeed if retried. */
  readonly retryable: boolean;

  constructor(code: ScribeErrorCode, message: string, options: ScribeErrorOptions = {}) {
    const secrets = [...(options.secrets ?? [])];
    super(redactText(message, secrets), options.cause === undefined ? undefined : { cause: sanitizeCause(options.cause, secrets) });
    this.name = 'ScribeError';
    this.code = code;
    this.serverCode = options.serverCode;
    this.status = options.status;
    this.requestId = options.requestId;
    this.details = options.details === undefined ? undefined : (redactValue(options.details, secrets) as Record<string, unknown>);
    this.retryable = options.retryable ?? false;
    Object.defineProperty(this, SCRIBE_ERROR_MARKER, { value: true });
  }

  /** True for any ScribeError, including ones thrown by another copy of the SDK. */
  static is(value: unknown): value is ScribeError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCRIBE_ERROR_MARKER] === true;
  }

  /**
   * `instanceof` agrees across copies of the SDK too (a CommonJS entry and another entry of the same package each carry
   * their own classes; so do two installs): `ScribeError` matches any ScribeError, and a subclass also matches a
   * ScribeError from another copy whose `name` is the subclass's name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!ScribeError.is(value)) return false;
    return this === ScribeError || Function.prototype[Symbol.hasInstance].call(this, value) || value.name === this.name;
  }

  /** A plain, secret-free form for logs and JSON responses. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      serverCode: this.serverCode,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      details: this.details,
      retryable: this.retryable,
    };
  }
}

// A cause is re-created rather than kept: library errors (fetch, undici) can carry request headers or URLs.
function sanitizeCause(cause: unknown, secrets: string[]): unknown {
  if (ScribeError.is(cause)) return cause;
  if (cause instanceof Error) {
    const copy = new Error(redactText(cause.message, secrets));
    copy.name = cause.name;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') Object.assign(copy, { code });
    return copy;
  }
  return redactValue(cause, secrets);
}
