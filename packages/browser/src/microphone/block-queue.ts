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

/** Creates a queue whose iterator yields blocks in order and ends (or fails) only after the last one pushed. */
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
        const block = pending.shift();
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
