/** The part of the Web Locks API the queue uses (`navigator.locks`). */
export interface QueueLockManager {
  request(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<void>): Promise<void>;
}

/**
 * Per-session exclusion across the tabs of one origin: a recording tab holds its session's lock while it records and
 * uploads, and a resume takes the lock of each session it finishes, so two tabs never upload the same session at once.
 * The browser releases a lock when its tab closes, reloads or crashes, so nothing stays locked after the holder is gone.
 */
export interface QueueSessionLocks {
  /** Whether locks are real (navigator.locks exists); without them every `hold` succeeds and excludes nothing. */
  readonly enforced: boolean;
  /**
   * Takes the session's lock if no one (in any tab) holds it: resolves with its release (which resolves once the lock
   * is free again), or undefined when held.
   */
  hold(sessionId: string): Promise<(() => Promise<void>) | undefined>;
}

/** Locks named `scribe-queue:{database}:{sessionId}` on `manager` (default `navigator.locks`, where present). */
export function createQueueSessionLocks(database: string, manager: QueueLockManager | undefined = defaultLockManager()): QueueSessionLocks {
  return {
    enforced: manager !== undefined,
    async hold(sessionId) {
      if (!manager) return async () => undefined;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let settled!: Promise<void>;
      const granted = await new Promise<boolean>((resolve, reject) => {
        // The lock is held for as long as the callback's promise is pending, i.e. until `release` is called.
        settled = manager.request(`scribe-queue:${database}:${sessionId}`, { ifAvailable: true }, async (lock) => {
          resolve(lock !== null);
          if (lock !== null) await released;
        });
        settled.catch(reject);
      });
      return granted ? once(release, settled) : undefined;
    },
  };
}

function defaultLockManager(): QueueLockManager | undefined {
  const locks = (globalThis as { navigator?: { locks?: QueueLockManager } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : undefined;
}

function once(release: () => void, settled: Promise<void>): () => Promise<void> {
  return () => {
    release();
    return settled.catch(() => undefined);
  };
}
