import { AbortError } from '../errors';

/** Time as the SDK sees it. Inject a simulated clock in tests instead of sleeping for real. */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences are meaningful). */
  now(): number;
  /** Milliseconds since the Unix epoch, for wall-clock checks such as webhook timestamps. */
  wallNow(): number;
  /** Resolves after `ms`; rejects with AbortError as soon as `signal` aborts, leaving no timer behind. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `performance.now()`, `Date.now()` and `setTimeout`. */
export function createSystemClock(): Clock {
  return {
    now: () => performance.now(),
    wallNow: () => Date.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new AbortError());
        const onAbort = () => {
          clearTimeout(timer);
          reject(new AbortError());
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, Math.max(0, ms));
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
