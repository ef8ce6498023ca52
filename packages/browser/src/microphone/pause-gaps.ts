import { concatenateArrays } from '@scribe/core/internal';

/** The paused stretches of a capture, in AudioContext frames, and the filter that drops what falls inside them. */
export interface PauseGaps {
  /** Starts a gap at `frame` (ignored while one is open). */
  pause(frame: number): void;
  /** Ends the open gap at `frame`. */
  resume(frame: number): void;
  /** The samples of a batch starting at `firstFrame` that lie outside every gap (the same array when none is dropped). */
  keep(samples: Float32Array, firstFrame: number): Float32Array;
}

/**
 * Creates the gap filter. Batches arrive after the fact, so a batch that straddles a pause keeps exactly the samples
 * captured before it: pausing drops what the microphone hears while paused, never what it heard before.
 */
export function createPauseGaps(): PauseGaps {
  const gaps: { from: number; to: number }[] = [];
  let open: { from: number; to: number } | undefined;
  return {
    pause(frame) {
      if (open) return;
      open = { from: frame, to: Number.POSITIVE_INFINITY };
      gaps.push(open);
    },
    resume(frame) {
      if (!open) return;
      open.to = Math.max(open.from, frame);
      open = undefined;
    },
    keep(samples, firstFrame) {
      const end = firstFrame + samples.length;
      // Gaps wholly before this batch can no longer matter: batches arrive in order.
      while (gaps.length > 0 && gaps[0]!.to <= firstFrame) gaps.shift();
      const overlapping = gaps.filter((gap) => gap.from < end && gap.to > firstFrame);
      if (overlapping.length === 0) return samples;
      const kept: Float32Array[] = [];
      let cursor = firstFrame;
      for (const gap of overlapping) {
        if (gap.from > cursor) kept.push(samples.subarray(cursor - firstFrame, gap.from - firstFrame));
        cursor = Math.max(cursor, gap.to);
      }
      if (cursor < end) kept.push(samples.subarray(cursor - firstFrame));
      return concatenateArrays(Float32Array, kept);
    },
  };
}
