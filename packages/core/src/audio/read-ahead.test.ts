import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { readAhead } from './read-ahead';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('readAhead', () => {
  it('produces the next item while the consumer is busy with this one', async () => {
    const produced: number[] = [];
    async function* source() {
      for (let i = 0; i < 4; i++) {
        produced.push(i);
        yield i;
      }
    }
    const seen: [number, number][] = [];
    for await (const item of readAhead(source(), 1)) {
      await tick();
      seen.push([item, produced.length]);
    }
    expect(seen).toEqual([
      [0, 2],
      [1, 3],
      [2, 4],
      [3, 4],
    ]);
  });

  it('passes errors on in order and closes the source when the consumer stops', async () => {
    let closed = false;
    async function* failing() {
      yield 1;
      throw new Error('decoder broke');
    }
    const items: number[] = [];
    await expect(async () => {
      for await (const item of readAhead(failing(), 2)) items.push(item);
    }).rejects.toThrow('decoder broke');
    expect(items).toEqual([1]);
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const item of readAhead(endless(), 3)) if (item === 2) break;
    expect(closed).toBe(true);
  });

  it('with count 0 is a plain pass-through, and refuses a negative count', async () => {
    async function* three() {
      yield* [1, 2, 3];
    }
    const items: number[] = [];
    for await (const item of readAhead(three(), 0)) items.push(item);
    expect(items).toEqual([1, 2, 3]);
    expect(() => readAhead(three(), -1)).toThrow(ConfigError);
  });
});
