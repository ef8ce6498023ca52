import { ConfigError } from '../errors';

/**
 * Pulls up to `count` items (default 1) ahead of the consumer, so producing the next item overlaps consuming this
 * one: `uploadChunks(id, readAhead(speechChunks(...)))` detects the next chunk while the last one uploads. Memory grows
 * by at most `count` items. Errors reach the consumer in order; stopping early closes the source.
 */
export function readAhead<T>(source: AsyncIterable<T>, count = 1): AsyncIterable<T> {
  if (!Number.isSafeInteger(count) || count < 0) throw new ConfigError(`readAhead count must be an integer ≥ 0, got ${String(count)}.`);
  return {
    [Symbol.asyncIterator]() {
      const iterator = source[Symbol.asyncIterator]();
      const pending: Promise<IteratorResult<T>>[] = [];
      let finished = false;
      // A pull made ahead may fail before anyone awaits it; the failure is kept and surfaces when its turn comes.
      const pull = () => {
        const next = iterator.next();
        next.catch(() => undefined);
        pending.push(next);
      };
      return {
        async next() {
          if (pending.length === 0) pull();
          try {
            const result = await pending.shift()!;
            if (result.done) finished = true;
            else while (pending.length < count) pull();
            return result;
          } catch (error) {
            finished = true;
            pending.length = 0;
            throw error;
          }
        },
        async return() {
          pending.length = 0;
          if (!finished) {
            finished = true;
            await iterator.return?.();
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}
