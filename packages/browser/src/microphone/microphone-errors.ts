import { ConfigError, ScribeError } from '@scribe/core';

// What every ScribeError takes besides its message (core's ScribeErrorOptions, not exported by name).
type ScribeErrorOptions = NonNullable<ConstructorParameters<typeof ConfigError>[1]>;

/** The user or the browser refused microphone access (`NotAllowedError`, a permissions policy, a dismissed prompt). */
export class MicrophonePermissionError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('microphone_permission_denied', message, options);
    this.name = 'MicrophonePermissionError';
  }
}

/** No microphone is connected, or none matches the requested device (`NotFoundError`, `OverconstrainedError`). */
export class MicrophoneNotFoundError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('microphone_not_found', message, options);
    this.name = 'MicrophoneNotFoundError';
  }
}

/** The microphone exists but could not be started: another application holds it, or the hardware failed (`NotReadableError`). */
export class MicrophoneInUseError extends ScribeError {
  constructor(message: string, options?: ScribeErrorOptions) {
    super('microphone_in_use', message, { retryable: true, ...options });
    this.name = 'MicrophoneInUseError';
  }
}

/**
 * The microphone stopped delivering audio mid-recording: unplugged, disabled, or its track ended. Thrown by the
 * source's block iterator after every block captured before the loss; `capturedSeconds` says how much that was.
 */
export class MicrophoneEndedError extends ScribeError {
  /** Seconds of audio captured (and yielded) before the device ended. */
  readonly capturedSeconds: number;
  constructor(message: string, options?: ScribeErrorOptions & { capturedSeconds?: number }) {
    super('microphone_ended', message, options);
    this.name = 'MicrophoneEndedError';
    this.capturedSeconds = options?.capturedSeconds ?? 0;
  }
}

/** Turns a `getUserMedia` rejection into the typed error for it, with advice the app can show as it is. */
export function microphoneOpenError(error: unknown): ScribeError {
  if (ScribeError.is(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error && error.message ? ` (${String(name)}: ${error.message})` : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new MicrophonePermissionError(
        `Microphone access was refused${detail}. Allow microphone access for this site in the browser's site settings (the icon left of the address bar), then try again; if the page is in an iframe, its allow attribute must include "microphone".`,
        { cause: error },
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new MicrophoneNotFoundError(
        `No microphone was found${name === 'OverconstrainedError' ? ' that matches the requested device' : ''}${detail}. Connect a microphone (or choose another device) and check that the operating system has not disabled it.`,
        { cause: error },
      );
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new MicrophoneInUseError(
        `The microphone could not be started${detail}. Another application or tab may be using it, or the operating system blocked it: close the other application, check the system's privacy settings, and try again.`,
        { cause: error },
      );
    default:
      return new ConfigError(`Microphone capture could not start${detail || `: ${String(error)}`}.`, { cause: error });
  }
}
