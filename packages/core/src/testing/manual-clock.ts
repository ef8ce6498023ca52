import { errorForAbort } from '../errors/abort';
import type { Clock } from '../ports/clock';

/** Options of `createManualClock`. */
export interface ManualClockOptions {
  /** Starting value of the monotonic `now()`, in milliseconds. Default 0. */
  start?: number;
  /** Starting wall-clock time in epoch milliseconds. Default 2026-11-24T10:30:00Z. */
  wallStart?: number;
  /** Let every `sleep` move time forward by itself and resolve at once, so code that only waits runs instantly. Default false. */
  autoAdvance?: boolean;
}

/** A simulated clock for tests: time moves only when the test says so (or, with `autoAdvance`, when code sleeps). */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, resolving every sleep that falls due in order and letting pending work run. */
  advance(ms: number): Promise<void>;
  /** Moves time forward without resolving any sleep: simulates time spent inside a request. */
  spend(ms: number): void;
  /** Number of sleeps waiting for time to pass. */
  readonly pendingSleeps: number;
  /** Every duration passed to `sleep`, in call order (aborted ones included). */
  readonly sleeps: readonly number[];
  /** Switches auto-advance on or off. */
  setAutoAdvance(on: boolean): void;
}

interface Sleeper {
  due: number;
  order: number;
  resolve: () => void;
}

/** Creates a simulated clock; see `ManualClock`. */
export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  const start = options.start ?? 0;
  const wallOffset = (options.wallStart ?? Date.UTC(2026, 10, 24, 10, 30)) - start;
  let current = start;
  let autoAdvance = options.autoAdvance ?? false;
  let order = 0;
  const sleepers: Sleeper[] = [];
  const sleeps: number[] = [];

  function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(errorForAbort(signal));
      const duration = Math.max(0, ms);
      if (autoAdvance) {
        current += duration;
        // Resolve on a microtask so callers still observe an asynchronous sleep.
        queueMicrotask(resolve);
        return;
      }
      const sleeper: Sleeper = { due: current + duration, order: order++, resolve: () => undefined };
      const onAbort = () => {
        sleepers.splice(sleepers.indexOf(sleeper), 1);
        reject(errorForAbort(signal));
      };
      sleeper.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async function advance(ms: number): Promise<void> {
    const target = current + Math.max(0, ms);
    await flush();
    for (;;) {
      const next = sleepers.filter((s) => s.due <= target).sort((a, b) => a.due - b.due || a.order - b.order)[0];
      if (!next) break;
      sleepers.splice(sleepers.indexOf(next), 1);
      current = Math.max(current, next.due);
      next.resolve();
      // Let the woken code run (and perhaps sleep again) before the next sleeper is considered.
      await flush();
    }
    current = target;
    await flush();
  }

  return {
    now: () => current,
    wallNow: () => current + wallOffset,
    sleep,
    advance,
    spend: (ms) => {
      current += Math.max(0, ms);
    },
    get pendingSleeps() {
      return sleepers.length;
    },
    sleeps,
    setAutoAdvance: (on) => {
      autoAdvance = on;
    },
  };
}

// A macrotask turn drains every microtask queued so far, including chains of awaits.
function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
