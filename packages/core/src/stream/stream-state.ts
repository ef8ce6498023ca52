import type { ConnectionState } from '../lifecycle/session-state';

/**
 * The socket's state, kept apart from the session's status (style: TanStack Query's `fetchStatus`): the lifecycle's
 * one `ConnectionState`, `idle` until the stream connects.
 */
export type StreamConnectionState = ConnectionState;

/** Where the stream stands: taking audio, stopping (flushing, waiting for the server), stopped, or failed. */
export type StreamPhase = 'streaming' | 'stopping' | 'stopped' | 'failed';

/** A frozen snapshot of a stream, the same object until something changes (`useSyncExternalStore` contract). */
export interface StreamSnapshot {
  /** The socket. */
  readonly connection: StreamConnectionState;
  /** The stream. */
  readonly phase: StreamPhase;
  /** PCM bytes accepted by `sendAudio` (the stream's length so far). */
  readonly bytesAccepted: number;
  /** PCM bytes accepted but not yet handed to a socket (waiting for a connection or for the socket to drain). */
  readonly bytesQueued: number;
  /** PCM bytes handed to a socket (resends after a reconnect not counted twice). */
  readonly bytesSent: number;
  /** PCM bytes the server acknowledged as durably stored (resume mode; 0 without it). */
  readonly bytesAcknowledged: number;
  /** Reconnections made so far. */
  readonly reconnects: number;
  /** The error that failed the stream, when `phase` is `failed`. */
  readonly error: unknown;
}

/** Called after every change with the new snapshot. */
export type StreamListener = (snapshot: StreamSnapshot) => void;

/** A tiny external store for stream snapshots. */
export interface StreamStateStore {
  getSnapshot(): StreamSnapshot;
  subscribe(listener: StreamListener): () => void;
  update(change: Partial<StreamSnapshot>): void;
}

/** Creates the store; listeners that throw are isolated (their error surfaces asynchronously). */
export function createStreamStateStore(): StreamStateStore {
  let snapshot: StreamSnapshot = Object.freeze({
    connection: 'idle',
    phase: 'streaming',
    bytesAccepted: 0,
    bytesQueued: 0,
    bytesSent: 0,
    bytesAcknowledged: 0,
    reconnects: 0,
    error: undefined,
  });
  const listeners = new Set<StreamListener>();
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    update(change) {
      const keys = Object.keys(change) as (keyof StreamSnapshot)[];
      if (keys.every((key) => snapshot[key] === change[key])) return;
      snapshot = Object.freeze({ ...snapshot, ...change });
      for (const listener of [...listeners]) {
        try {
          listener(snapshot);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
