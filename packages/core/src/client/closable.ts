import type { ScribeError } from '../errors';

/** The client-wide cancellation every call is tied to. */
export interface Closable {
  /** Aborted by `close()`. */
  controller: AbortController;
  /** The error calls reject with once the client is closed. */
  closedError: () => ScribeError;
}

/**
 * Runs `call` with `options.signal` combined with the client's close signal, so `close()` cancels every call in
 * flight (their timers included) and calls made afterwards fail at once.
 */
export async function withSignal<O extends { signal?: AbortSignal }, R>(
  closable: Closable,
  options: O | undefined,
  call: (options: O) => Promise<R>,
): Promise<R> {
  const closeSignal = closable.controller.signal;
  if (closeSignal.aborted) throw closable.closedError();
  const own = options?.signal;
  if (!own) return call({ ...(options ?? ({} as O)), signal: closeSignal });
  // Combined by hand (not AbortSignal.any) so the listeners on the long-lived close signal are removed per call.
  const combined = new AbortController();
  const forward = (source: AbortSignal) => () => combined.abort(source.reason);
  const onOwn = forward(own);
  const onClose = forward(closeSignal);
  if (own.aborted) onOwn();
  own.addEventListener('abort', onOwn, { once: true });
  closeSignal.addEventListener('abort', onClose, { once: true });
  try {
    return await call({ ...options, signal: combined.signal });
  } finally {
    own.removeEventListener('abort', onOwn);
    closeSignal.removeEventListener('abort', onClose);
  }
}
