import { errorForAbort } from '../errors/abort';

/** Shares one in-flight task among concurrent callers (one login for N parallel requests). */
export interface SingleFlight<T> {
  /**
   * Joins the running task or starts `task`. A caller's `signal` only stops that caller waiting; the task itself is
   * aborted once every caller has stopped waiting, so nothing keeps running for nobody.
   */
  run(task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Whether a task is running. */
  readonly running: boolean;
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/** Creates an empty {@link SingleFlight}. */
export function createSingleFlight<T>(): SingleFlight<T> {
  let current: Flight<T> | undefined;

  function start(task: (signal: AbortSignal) => Promise<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = { controller, waiters: 0, promise: Promise.resolve(undefined as T) };
    flight.promise = (async () => task(controller.signal))().finally(() => {
      if (current === flight) current = undefined;
    });
    return flight;
  }

  function wait(flight: Flight<T>, signal: AbortSignal | undefined): Promise<T> {
    flight.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        flight.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (done) return;
        finish();
        if (flight.waiters === 0) {
          if (current === flight) current = undefined;
          flight.controller.abort();
        }
        reject(errorForAbort(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (done) return;
          finish();
          resolve(value);
        },
        (error: unknown) => {
          if (done) return;
          finish();
          reject(error);
        },
      );
    });
  }

  return {
    run(task, signal) {
      if (signal?.aborted) return Promise.reject(errorForAbort(signal));
      current ??= start(task);
      return wait(current, signal);
    },
    get running() {
      return current !== undefined;
    },
  };
}
