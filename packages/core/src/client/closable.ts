import type { ScribeError } from '../errors';
import { abortedCallError, linkSignals } from '../errors/abort';

/** The client-wide cancellation every call is tied to. */
export interface Closable {
  /** Aborted by `close()`, with {@link Closable.closedError} as the reason. */
  controller: AbortController;
  /** The error calls reject with once the client is closed. */
  closedError: () => ScribeError;
}

/**
 * Runs `call` with `options.signal` linked to the client's close signal, so `close()` cancels every call in flight
 * (their timers included) and calls made afterwards fail at once. Whatever layer noticed the abort, the call rejects
 * with the one mapping of `errors/abort`: the caller's abort is an AbortError, its deadline a TimeoutError, the
 * client's close the closed AbortError.
 */
export async function withSignal<O extends { signal?: AbortSignal }, R>(
  closable: Closable,
  options: O | undefined,
  call: (options: O) => Promise<R>,
): Promise<R> {
  const closeSignal = closable.controller.signal;
  if (closeSignal.aborted) throw closable.closedError();
  const linked = linkSignals(options?.signal, closeSignal);
  try {
    return await call({ ...(options ?? ({} as O)), signal: linked.signal });
  } catch (error) {
    throw abortedCallError(error, linked.signal);
  } finally {
    linked.dispose();
  }
}
