/** The `scribe` command's exit codes, one per failure class, so scripts can tell what to fix. */
export const EXIT_CODES = Object.freeze({
  /** Everything succeeded (a `partial` result included). */
  ok: 0,
  /** An unexpected failure: a bug in the CLI or the SDK; the message says what happened. */
  unexpected: 1,
  /** The command line or the configuration is wrong: an unknown flag, a missing argument, no credentials configured. */
  usage: 2,
  /** The service refused the credentials (wrong client secret or API key, expired token). */
  auth: 3,
  /** An input cannot be used: a missing, empty or non-audio file, no microphone, an unknown session id. */
  input: 4,
  /** The service failed: unreachable, 5xx, rate limited, timed out, or the session's processing failed. */
  service: 5,
  /** Interrupted (Ctrl-C) before there was anything to show. */
  interrupted: 130,
});

/** One of the values of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
