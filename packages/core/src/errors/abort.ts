import { AbortError, TimeoutError } from './error-classes';
import { ScribeError } from './scribe-error';

/**
 * The one mapping from an aborted signal to the SDK's error: a reason that already is a ScribeError passes through (the
 * client's close, the SDK's own deadlines); a deadline (`AbortSignal.timeout()`, any reason named `TimeoutError`) is a
 * TimeoutError; anything else is the caller cancelling, an AbortError.
 */
export function errorForAbort(signal: AbortSignal | undefined): ScribeError {
  return errorForAbortReason(signal?.reason);
}

/** {@link errorForAbort} for a bare abort reason. */
export function errorForAbortReason(reason: unknown): ScribeError {
  if (ScribeError.is(reason)) return reason;
  if (isTimeoutReason(reason)) {
    return new TimeoutError("The caller's deadline passed before the call finished: allow more time, or try again later.");
  }
  return new AbortError();
}

/** Throws {@link errorForAbort} when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw errorForAbort(signal);
}

/**
 * The error a call reports once `signal` has fired: `error` itself unless it is an abort that says less than the
 * signal does (a plain AbortError, or a platform `AbortError`/`TimeoutError` DOMException thrown by a lower layer),
 * in which case {@link errorForAbort} of the signal. Errors that carry more (progress, a server status) are kept.
 */
export function abortedCallError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (!signal?.aborted) return error;
  if (ScribeError.is(error)) return error.code === 'aborted' && error.name === 'AbortError' ? errorForAbort(signal) : error;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'AbortError' || name === 'TimeoutError' ? errorForAbort(signal) : error;
}

/** A signal that follows several others, and the way to stop following them. */
export interface LinkedSignal {
  /** Fires with the reason of the first source to fire. */
  readonly signal: AbortSignal;
  /** Removes the listeners from the sources (long-lived ones such as a client's close signal must not collect them). */
  dispose(): void;
}

/**
 * Links a caller's signal to a lifetime signal (a client's close, a stream's life): the result fires with the reason
 * of whichever fires first. Unlike `AbortSignal.any`, `dispose()` detaches it at once, so a long-lived source does not
 * accumulate one listener per call.
 */
export function linkSignals(...sources: (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const attached: { source: AbortSignal; listener: () => void }[] = [];
  const dispose = () => {
    for (const { source, listener } of attached.splice(0)) source.removeEventListener('abort', listener);
  };
  for (const source of sources) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      dispose();
      break;
    }
    const listener = () => {
      controller.abort(source.reason);
      dispose();
    };
    source.addEventListener('abort', listener, { once: true });
    attached.push({ source, listener });
  }
  return { signal: controller.signal, dispose };
}

/**
 * Waits for `promise` until `signal` fires, then rejects with {@link errorForAbort} at once. The work behind `promise`
 * goes on: use it when that work is shared (a discovery fetch, a login) and runs on its own lifetime.
 */
export function waitUnlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(errorForAbort(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(errorForAbort(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Resolves after `ms` on a real timer; once `signal` fires it rejects with {@link errorForAbort} and clears the timer.
 * The system clock's `sleep`.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(errorForAbort(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(errorForAbort(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function isTimeoutReason(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
}
