import { AbortError, ScribeError, TimeoutError } from '../errors';

/**
 * The error for an aborted caller signal: the signal's reason when it is already a ScribeError, a TimeoutError when
 * the signal came from `AbortSignal.timeout()` (a deadline, not a cancellation), else an AbortError.
 */
export function errorForAbort(signal: AbortSignal | undefined): ScribeError {
  const reason: unknown = signal?.reason;
  if (ScribeError.is(reason)) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new TimeoutError("The caller's deadline passed before the call finished: allow more time, or try again later.");
  }
  return new AbortError();
}

/** Throws {@link errorForAbort} when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw errorForAbort(signal);
}
