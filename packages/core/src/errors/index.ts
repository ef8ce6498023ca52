export { ScribeError, type ScribeErrorCode, type ScribeErrorOptions } from './scribe-error';
export {
  APIError,
  AbortError,
  AuthError,
  ChunkQueueFullError,
  ChunkStoreQuotaError,
  ConfigError,
  InvalidAudioError,
  RateLimitError,
  SessionExpiredError,
  SessionNotFoundError,
  SessionStateError,
  TimeoutError,
  ValidationError,
} from './error-classes';
export { REDACTED, redactText, redactValue } from './redact';
export { abortedCallError, errorForAbort, linkSignals, throwIfAborted, waitUnlessAborted, type LinkedSignal } from './abort';
