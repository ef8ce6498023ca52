import { useCallback, useReducer } from 'react';
import type { ScribeChunkEvent } from '@scribe/react';

/** Where one speech chunk stands: cut from the audio (waiting its turn), being uploaded, retried after a failure, acknowledged. */
export type ChunkState = 'cut' | 'uploading' | 'retrying' | 'uploaded';

/** One speech chunk as the list shows it. */
export interface ChunkEntry {
  /** The chunk's position in the session (`chunk_<index>.wav`). */
  readonly index: number;
  readonly state: ChunkState;
  /** Seconds of audio, once the chunk was cut. */
  readonly durationSeconds: number | undefined;
  /** Upload attempts that failed and were retried. */
  readonly retries: number;
}

type Action = { type: 'event'; event: ScribeChunkEvent } | { type: 'clear' };

const ORDER: Record<ChunkState, number> = { cut: 0, uploading: 1, retrying: 2, uploaded: 3 };

function reduce(chunks: readonly ChunkEntry[], action: Action): readonly ChunkEntry[] {
  if (action.type === 'clear') return [];
  const { event } = action;
  const current = chunks.find((chunk) => chunk.index === event.index) ?? { index: event.index, state: 'cut', durationSeconds: undefined, retries: 0 };
  let next: ChunkEntry;
  if (event.type === 'chunk-ready') next = { ...current, durationSeconds: event.durationSeconds };
  // Core reports `chunk-queued` as a chunk's upload begins.
  else if (event.type === 'chunk-queued') next = { ...current, state: later(current.state, 'uploading') };
  else if (event.type === 'chunk-retried') next = { ...current, state: later(current.state, 'retrying'), retries: current.retries + 1 };
  else next = { ...current, state: 'uploaded' };
  return [...chunks.filter((chunk) => chunk.index !== event.index), next].sort((a, b) => a.index - b.index);
}

// Events of one chunk can arrive out of order (a quick upload's acknowledgement before a late "queued"): never go back.
function later(current: ChunkState, next: ChunkState): ChunkState {
  return ORDER[next] > ORDER[current] ? next : current;
}

/** Keeps each chunk's state from the hook's `onChunk` events; `clear` for a new consultation. */
export function useChunkLog() {
  const [chunks, dispatch] = useReducer(reduce, []);
  const record = useCallback((event: ScribeChunkEvent) => dispatch({ type: 'event', event }), []);
  const clear = useCallback(() => dispatch({ type: 'clear' }), []);
  return { chunks, record, clear };
}
