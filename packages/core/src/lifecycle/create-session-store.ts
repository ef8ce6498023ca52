import type { SessionEvent } from './session-event';
import { INITIAL_SESSION_STATE, type SessionState } from './session-state';
import { transitionSession } from './transition-session';

/** Called after every accepted event with the new state and the event (React passes a zero-argument callback). */
export type SessionStoreListener = (state: SessionState, event: SessionEvent) => void;

/** A session lifecycle store following the `useSyncExternalStore` contract. */
export interface SessionStore {
  /** The current state: the same frozen object until an event is accepted. */
  getSnapshot(): SessionState;
  /** Same as `getSnapshot` (there is no separate server state). */
  getServerSnapshot(): SessionState;
  /** Registers a listener; returns its idempotent unsubscribe function. */
  subscribe(listener: SessionStoreListener): () => void;
  /** Applies an event; listeners run only when the state changed. Returns the (possibly unchanged) state. */
  dispatch(event: SessionEvent): SessionState;
}

/**
 * Creates a store around `transitionSession`. Default initial state: idle. A listener that throws does not stop the
 * others or the dispatch; its error is rethrown asynchronously so it still surfaces.
 */
export function createSessionStore(initial: SessionState = INITIAL_SESSION_STATE): SessionStore {
  let state: SessionState = Object.isFrozen(initial) ? initial : Object.freeze({ ...initial, activity: Object.freeze({ ...initial.activity }) });
  const listeners = new Set<SessionStoreListener>();

  const getSnapshot = () => state;
  return {
    getSnapshot,
    getServerSnapshot: getSnapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(event) {
      const next = transitionSession(state, event);
      if (next === state) return state;
      state = next;
      for (const listener of [...listeners]) {
        // A listener removed by an earlier one in this round must not hear about the change.
        if (!listeners.has(listener)) continue;
        try {
          listener(next, event);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
      return state;
    },
  };
}
