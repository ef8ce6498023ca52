import type { PcmBlock } from '@scribe/core';

/** A single-reader queue of blocks between a push-based producer (worklet messages) and an async iterator. */
export interface BlockQueue {
  /** Adds a block; ignored after `end`. */
  push(block: PcmBlock): void;
  /** Ends the queue: the reader gets every block pushed so far, then finishes, or throws `error` when one is given. */
  end(error?: unknown): void;
  /** The blocks, for one reader. */
  readonly blocks: AsyncIterable<PcmBlock>;
}

/**
 * Creates a queue whose iterator yields blocks in order and ends (or fails) only after the last one pushed. Blocks
 * that waited for a slow reader are handed over merged, as one block: each read is one update of a session's level
 * and elapsed time, so a reader catching up after a stall does not burst past the source's own block rate.
 */
export function createBlockQueue(): BlockQueue {
  const pending: PcmBlock[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  async function* read(): AsyncGenerator<PcmBlock, void, undefined> {
    try {
      for (;;) {
        const block = takeAll(pending);
        if (block) {
          yield block;
          continue;
        }
        if (ended) {
          if (failure) throw failure.error;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      // A reader that leaves early takes nothing more: later blocks are not kept.
      ended = true;
      pending.length = 0;
    }
  }

  return {
    push(block) {
      if (ended) return;
      pending.push(block);
      notify();
    },
    end(error) {
      if (ended) return;
      ended = true;
      if (error !== undefined) failure = { error };
      notify();
    },
    blocks: { [Symbol.asyncIterator]: () => read() },
  };
}

// Everything pending as one block (consecutive blocks of one rate and channel count merge; a change of either stops it).
function takeAll(pending: PcmBlock[]): PcmBlock | undefined {
  const first = pending[0];
  if (!first || pending.length === 1) return pending.shift();
  let count = 1;
  while (count < pending.length && pending[count]!.sampleRate === first.sampleRate && pending[count]!.channels.length === first.channels.length) count += 1;
  const merging = pending.splice(0, count);
  if (merging.length === 1) return first;
  const channels = first.channels.map((_, channel) => {
    const out = new Float32Array(merging.reduce((sum, block) => sum + block.channels[channel]!.length, 0));
    let offset = 0;
    for (const block of merging) {
      out.set(block.channels[channel]!, offset);
      offset += block.channels[channel]!.length;
    }
    return out;
  });
  return { channels, sampleRate: first.sampleRate };
}
