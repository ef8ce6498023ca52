import { ScribeError, type ScribeErrorOptions } from './scribe-error';

/** Local configuration is missing, malformed or contradictory. Fix the options, environment or config file. */
export class ConfigError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('config_error', message, options);
    this.name = 'ConfigError';
  }
}

/** Credentials were rejected or could not be obtained. */
export class AuthError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('auth_error', message, options);
    this.name = 'AuthError';
  }
}

/** The request was refused as invalid (by the server or before sending). */
export class ValidationError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('validation_error', message, options);
    this.name = 'ValidationError';
  }
}

/** Audio could not be read, was in an unsupported format, was empty, or broke a duration or size limit. */
export class InvalidAudioError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('invalid_audio', message, options);
    this.name = 'InvalidAudioError';
  }
}

/** The session does not exist, or belongs to another account. */
export class SessionNotFoundError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('session_not_found', message, options);
    this.name = 'SessionNotFoundError';
  }
}

/** The operation is not allowed in the session's current state (for example an upload after end). */
export class SessionStateError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('session_state', message, options);
    this.name = 'SessionStateError';
  }
}

/** The session expired before it was ended; create a new session. */
export class SessionExpiredError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('session_expired', message, options);
    this.name = 'SessionExpiredError';
  }
}

/** The server asked the client to slow down. `retryAfterSeconds` says for how long, when known. */
export class RateLimitError extends ScribeError {
  /** Seconds to wait, from `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, options?: ScribeErrorOptions & { retryAfterSeconds?: number }) {
    super('rate_limited', message, { retryable: true, ...options });
    this.name = 'RateLimitError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** A request or a wait ran past its deadline. */
export class TimeoutError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('timeout', message, options);
    this.name = 'TimeoutError';
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends ScribeError {
  constructor(message = 'The operation was aborted.', options?: ScribeErrorOptions) {
    super('aborted', message, options);
    this.name = 'AbortError';
  }
}

/** Any other failure of the service: 5xx, unexpected 3xx/4xx, a non-JSON answer, a dropped connection. */
export class APIError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('api_error', message, options);
    this.name = 'APIError';
  }
}

/**
 * The durable chunk queue of a session reached its configured limit (`maxChunks` / `maxBytes`) while the service
 * could not take chunks fast enough (typically offline). The chunk that did not fit was not stored; every chunk stored
 * before it stays in the queue for `resumePendingSessions`.
 */
export class ChunkQueueFullError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('chunk_queue_full', message, options);
    this.name = 'ChunkQueueFullError';
  }
}

/**
 * The chunk store's storage refused a write (browser storage quota, a full disk). The chunk was not stored; what was
 * stored before stays. Adapters throw it from `ChunkStore.putChunk`.
 */
export class ChunkStoreQuotaError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('chunk_store_quota', message, options);
    this.name = 'ChunkStoreQuotaError';
  }
}
