import { AbortError, ScribeError } from '@scribe/node';
import type { Clock } from '@scribe/core';

/** A real clock whose reading can jump ahead, so a test reaches "an hour later" without waiting for it. */
export interface ShiftedClock {
  /** Milliseconds added to the real time. */
  readonly offsetMs: number;
  /** Moves the clock forward by `seconds`. */
  advance(seconds: number): void;
}

/** The SDK's clock (monotonic `now`, wall time, real sleeps), shifted by an adjustable offset. */
export function createShiftedSdkClock(): ShiftedClock & Clock {
  let offsetMs = 0;
  return {
    get offsetMs() {
      return offsetMs;
    },
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
    now: () => performance.now() + offsetMs,
    wallNow: () => Date.now() + offsetMs,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        // Rejects like the system clock: with the SDK's own error, never the signal's raw reason.
        const abortError = () => (ScribeError.is(signal?.reason) ? signal.reason : new AbortError());
        if (signal?.aborted) return reject(abortError());
        const timer = setTimeout(resolve, Math.max(0, ms));
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(abortError());
        }, { once: true });
      }),
  };
}

/** The server's clock (epoch milliseconds), shifted by an adjustable offset: tokens it issued expire on `advance`. */
export function createShiftedServerClock(): ShiftedClock & { now: () => number } {
  let offsetMs = 0;
  return {
    get offsetMs() {
      return offsetMs;
    },
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
    now: () => Date.now() + offsetMs,
  };
}
