import type { Clock } from '../ports/clock';
import type { SessionStore } from './create-session-store';
import type { SessionEvent } from './session-event';
import { transitionSession } from './transition-session';

/** Default `ScribeSessionOptions.progressIntervalMs`: at most ten progress notifications a second. */
export const DEFAULT_PROGRESS_INTERVAL_MS = 100;

/** A session store's dispatch and subscribe with progress reports coalesced in time. */
export interface CoalescedSessionStore {
  /** Applies an event; `audio-received` and `stream-progressed` may wait (see `coalesceSessionStore`). */
  dispatch(event: SessionEvent): void;
  /** Calls `listener` once per change of the snapshot (a flush of several waiting reports is one change). */
  subscribe(listener: () => void): () => void;
  /** Applies the reports waiting now (before the session's last word, or when a caller needs them exact). */
  flush(): void;
}

type ProgressEvent = Extract<SessionEvent, { type: 'audio-received' | 'stream-progressed' }>;

const isProgress = (event: SessionEvent): event is ProgressEvent => event.type === 'audio-received' || event.type === 'stream-progressed';

/**
 * Bounds the store's update rate while audio flows (a 50 ms block is 20 `audio-received` a second, a stream adds its
 * byte counters): progress reports are cumulative, so only the latest of each kind matters. One goes through at once
 * when `intervalMs` has passed on `clock` since the last, or when it changes the status (the first audio); otherwise
 * it waits, replaced by newer ones, and is applied with the next report that goes through, or just BEFORE any other
 * event that changes the snapshot, so status changes are never delayed and never overtake the audio they follow.
 * `intervalMs` 0 lets every report through.
 */
export function coalesceSessionStore(store: SessionStore, clock: Clock, intervalMs: number, signal: AbortSignal): CoalescedSessionStore {
  const waiting = new Map<ProgressEvent['type'], ProgressEvent>();
  const listeners = new Set<() => void>();
  let lastAt = Number.NEGATIVE_INFINITY;
  let holding = false;
  let changed = false;
  let timer: Promise<void> | undefined;

  store.subscribe(() => {
    if (holding) changed = true;
    else notify();
  });

  function notify(): void {
    for (const listener of [...listeners]) {
      if (!listeners.has(listener)) continue;
      try {
        listener();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Applies the waiting reports, then `event` if given, with one notification for all of them. */
  function apply(event?: SessionEvent): void {
    const events: SessionEvent[] = [...waiting.values()];
    waiting.clear();
    if (events.length > 0) lastAt = clock.now();
    if (event) events.push(event);
    holding = true;
    try {
      for (const each of events) store.dispatch(each);
    } finally {
      holding = false;
    }
    if (changed) {
      changed = false;
      notify();
    }
  }

  const flush = () => {
    if (waiting.size > 0) apply();
  };

  // The latest report always gets out within the interval, also when nothing else happens (paused, acks after audio).
  function flushLater(): void {
    if (timer || signal.aborted) return;
    timer = clock.sleep(Math.max(0, lastAt + intervalMs - clock.now()), signal).then(
      () => {
        timer = undefined;
        flush();
      },
      () => undefined,
    );
  }

  return {
    dispatch(event) {
      const state = store.getSnapshot();
      if (isProgress(event)) {
        waiting.set(event.type, event);
        if (intervalMs <= 0 || clock.now() - lastAt >= intervalMs || transitionSession(state, event).status !== state.status) flush();
        else flushLater();
        return;
      }
      if (waiting.size > 0 && transitionSession(state, event) !== state) apply(event);
      else store.dispatch(event);
    },
    subscribe(listener) {
      const entry = () => listener();
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    flush,
  };
}
