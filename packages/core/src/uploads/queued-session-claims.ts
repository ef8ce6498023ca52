import type { ChunkStore } from './chunk-store';

// Which sessions of a store a controller or a resume is working on in this JavaScript realm. Keyed weakly by the
// store object, so it holds nothing once the store is dropped. Exclusion across tabs or processes is the adapter's
// business (a Web Lock, a lock file): the port has no notion of it.
const claims = new WeakMap<ChunkStore, Set<string>>();

/**
 * Claims a queued session for the caller; returns the release function, or undefined when it is already claimed (a
 * live controller records into it, or another resume is uploading it).
 */
export function claimQueuedSession(store: ChunkStore, sessionId: string): (() => void) | undefined {
  let held = claims.get(store);
  if (!held) {
    held = new Set();
    claims.set(store, held);
  }
  if (held.has(sessionId)) return undefined;
  held.add(sessionId);
  let released = false;
  const set = held;
  return () => {
    if (released) return;
    released = true;
    set.delete(sessionId);
  };
}
