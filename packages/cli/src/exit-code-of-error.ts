import { EXIT_CODES, type ExitCode } from './exit-codes';

// ScribeError codes by failure class. Errors are told apart by their stable `code`, not `instanceof`, so a second copy
// of the SDK in node_modules still maps the same way.
const CLASS_OF_CODE: Readonly<Record<string, ExitCode>> = {
  config_error: EXIT_CODES.usage,
  auth_error: EXIT_CODES.auth,
  invalid_audio: EXIT_CODES.input,
  validation_error: EXIT_CODES.input,
  session_not_found: EXIT_CODES.input,
  microphone_permission_denied: EXIT_CODES.input,
  microphone_not_found: EXIT_CODES.input,
  microphone_in_use: EXIT_CODES.input,
  microphone_ended: EXIT_CODES.input,
  api_error: EXIT_CODES.service,
  rate_limited: EXIT_CODES.service,
  timeout: EXIT_CODES.service,
  session_expired: EXIT_CODES.service,
  session_state: EXIT_CODES.service,
  chunk_queue_full: EXIT_CODES.service,
  chunk_store_quota: EXIT_CODES.service,
  aborted: EXIT_CODES.interrupted,
};

/** The exit code for an error thrown by a command: its ScribeError class, a usage error, or `unexpected`. */
export function exitCodeOfError(error: unknown): ExitCode {
  const code = errorCode(error);
  if (code === undefined) return EXIT_CODES.unexpected;
  if (code.startsWith('commander.')) return EXIT_CODES.usage;
  return CLASS_OF_CODE[code] ?? EXIT_CODES.unexpected;
}

/** The `code` of an error-like value, when it has a string one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
