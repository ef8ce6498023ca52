/** Milliseconds since the epoch; injectable so tests can move time without sleeping. */
export type Clock = () => number;

/** The real wall clock. */
export const systemClock: Clock = () => Date.now();

/** Formats epoch milliseconds as RFC 3339 UTC with milliseconds and `Z` (contract 2.1). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** Resolves after `ms`, or at once when `signal` aborts; the timer never outlives the abort. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
