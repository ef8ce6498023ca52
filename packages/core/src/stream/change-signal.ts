import type { Clock } from '../ports/clock';
import { errorForAbort } from '../errors/abort';

/**
 * Lets async code wait until a condition holds. `notify()` wakes every waiter to re-check; with `pollMs`, waiters
 * also re-check on a timer, for conditions no event announces (a WebSocket's `bufferedAmount` draining).
 */
export class ChangeSignal {
  private readonly waiters = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  /** Wakes every waiter. */
  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves once `condition()` is true; rejects when `signal` aborts. No timer survives the wait. */
  async until(condition: () => boolean, options: { signal?: AbortSignal; pollMs?: number } = {}): Promise<void> {
    const { signal, pollMs } = options;
    while (!condition()) {
      if (signal?.aborted) throw errorForAbort(signal);
      const stop = new AbortController();
      const forward = () => stop.abort();
      signal?.addEventListener('abort', forward, { once: true });
      try {
        await new Promise<void>((resolve) => {
          const wake = () => {
            this.waiters.delete(wake);
            resolve();
          };
          this.waiters.add(wake);
          stop.signal.addEventListener('abort', wake, { once: true });
          if (pollMs !== undefined) this.clock.sleep(pollMs, stop.signal).then(wake, () => undefined);
        });
      } finally {
        stop.abort();
        signal?.removeEventListener('abort', forward);
      }
    }
  }
}
