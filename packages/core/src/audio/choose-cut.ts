import type { ChunkingFrames } from './chunking-options';

/** A pause between two segments inside the pending content: a place where a chunk can end without splitting speech. */
export interface PauseMark {
  /** Content frame at which the later segment begins; a cut here ends the chunk just before it. */
  at: number;
  /** Mean speech probability of the pause (lower is quieter). */
  meanProbability: number;
  /** Length of the pause in frames. */
  frames: number;
}

/** What the chunker knows when it decides. */
export interface CutInput {
  /** Frames of content that are certain (speech that may still end is not counted). */
  committedFrames: number;
  /** True when the content ends in a pause (speech has ended, or the stream has). */
  endsInPause: boolean;
  /** Pauses inside the content, in order. */
  pauses: readonly PauseMark[];
  /** Speech probability of content frame `index`. */
  probability: (index: number) => number;
}

/** Where to end the next chunk: before content frame `at`; `forced` when that splits speech. */
export interface Cut {
  /** Frames in the chunk. */
  at: number;
  /** Why it ends there. */
  reason: 'pause' | 'forced';
}

/**
 * Decides whether a chunk can be cut now, and where (undefined: wait for more audio). The rules, in order:
 * 1. Nothing is decided until the content outgrows the window around the preferred length.
 * 2. The quietest pause inside the window wins (ties: the longer pause, then the one nearer the preferred length).
 * 3. With none in the window, a pause that ends the content before the maximum is taken, unless an earlier pause
 *    is nearer the preferred length.
 * 4. Past the maximum, the pause nearest the preferred length is taken; with no pause at all the chunk is cut inside
 *    speech, at the lowest-probability frame between the window start and the maximum.
 */
export function chooseCut(input: CutInput, limits: ChunkingFrames): Cut | undefined {
  const { committedFrames: committed, pauses } = input;
  if (committed <= limits.windowEnd) return undefined;
  const distance = (at: number) => Math.abs(at - limits.preferredFrames);
  const inWindow = pauses.filter((pause) => pause.at >= limits.windowStart && pause.at <= limits.windowEnd);
  if (inWindow.length > 0) return { at: quietest(inWindow, distance).at, reason: 'pause' };
  const usable = pauses.filter((pause) => pause.at <= limits.maxFrames).map((pause) => pause.at);
  if (input.endsInPause && committed <= limits.maxFrames) usable.push(committed);
  else if (committed <= limits.maxFrames) return undefined; // a pause may still come before the maximum
  if (usable.length > 0) return { at: usable.reduce((best, at) => (distance(at) <= distance(best) ? at : best)), reason: 'pause' };
  return { at: lowestProbabilityCut(input, limits), reason: 'forced' };
}

function quietest(pauses: readonly PauseMark[], distance: (at: number) => number): PauseMark {
  return pauses.reduce((best, pause) => {
    const quieter = pause.meanProbability - best.meanProbability;
    if (Math.abs(quieter) > 1e-9) return quieter < 0 ? pause : best;
    if (pause.frames !== best.frames) return pause.frames > best.frames ? pause : best;
    return distance(pause.at) < distance(best.at) ? pause : best;
  });
}

// The cut goes after the quietest frame, so that frame ends this chunk; ties go to the frame nearest the preferred length.
function lowestProbabilityCut(input: CutInput, limits: ChunkingFrames): number {
  const high = Math.min(limits.maxFrames, input.committedFrames);
  const low = Math.min(high, Math.max(1, Math.ceil(limits.windowStart)));
  let best = high;
  let bestProbability = Number.POSITIVE_INFINITY;
  for (let at = low; at <= high; at++) {
    const probability = input.probability(at - 1);
    const better = probability < bestProbability - 1e-9;
    const tie = Math.abs(probability - bestProbability) <= 1e-9 && Math.abs(at - limits.preferredFrames) < Math.abs(best - limits.preferredFrames);
    if (better || tie) {
      best = at;
      bestProbability = probability;
    }
  }
  return best;
}
