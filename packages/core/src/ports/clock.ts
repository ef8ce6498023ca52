import { abortableSleep } from '../errors/abort';

/** Time as the SDK sees it. Inject a simulated clock in tests instead of sleeping for real. */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences are meaningful). */
  now(): number;
  /** Milliseconds since the Unix epoch, for wall-clock checks such as webhook timestamps. */
  wallNow(): number;
  /** Resolves after `ms`; rejects as soon as `signal` aborts (AbortError, or TimeoutError for a deadline signal), leaving no timer behind. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `performance.now()`, `Date.now()` and `setTimeout`. */
export function createSystemClock(): Clock {
  return {
    now: () => performance.now(),
    wallNow: () => Date.now(),
    sleep: abortableSleep,
  };
}
