export {
  backoffDelayMs,
  DEFAULT_MAX_RETRIES,
  INITIAL_RETRY_DELAY_MS,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  isRetryable,
  parseRetryAfterMs,
  retryDelayMs,
  type BackoffOptions,
  type RetryCheck,
  type RetryDelayOptions,
} from './retry-policy';
