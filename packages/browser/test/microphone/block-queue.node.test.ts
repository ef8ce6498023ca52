import { expect, it } from 'vitest';
import { createBlockQueue } from '../../src/microphone/block-queue';

const block = (values: number[], sampleRate = 48000) => ({ channels: [Float32Array.from(values)], sampleRate });

it('hands blocks that waited over merged, in order, then ends with the error after them', async () => {
  const queue = createBlockQueue();
  const iterator = queue.blocks[Symbol.asyncIterator]();
  queue.push(block([1, 2]));
  expect(Array.from((await iterator.next()).value!.channels[0]!)).toEqual([1, 2]);
  queue.push(block([3]));
  queue.push(block([4, 5]));
  queue.push(block([6], 16000));
  queue.end(new Error('gone'));
  const merged = (await iterator.next()).value!;
  expect(Array.from(merged.channels[0]!)).toEqual([3, 4, 5]);
  expect(merged.sampleRate).toBe(48000);
  expect((await iterator.next()).value!.sampleRate).toBe(16000);
  await expect(iterator.next()).rejects.toThrow('gone');
});

it('a reader that leaves early stops the queue from keeping blocks', async () => {
  const queue = createBlockQueue();
  const iterator = queue.blocks[Symbol.asyncIterator]();
  queue.push(block([1]));
  await iterator.next();
  await iterator.return!();
  queue.push(block([2]));
  expect((await iterator.next()).done).toBe(true);
});
