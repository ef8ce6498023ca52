import { describe, expect, it } from 'vitest';
import { AudioBacklog } from './audio-backlog';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('AudioBacklog', () => {
  it('tracks offsets, drops acknowledged bytes (trimming a partly acknowledged frame) and yields what to resend', () => {
    const backlog = new AudioBacklog();
    backlog.push(bytes(0, 1, 2, 3));
    backlog.push(bytes(4, 5));
    backlog.push(bytes(6, 7, 8, 9));
    expect([backlog.startOffset, backlog.endOffset, backlog.size]).toEqual([0, 10, 10]);
    backlog.acknowledge(5);
    expect([backlog.startOffset, backlog.size]).toEqual([5, 5]);
    expect(backlog.from(5).map((frame) => [...frame])).toEqual([[5], [6, 7, 8, 9]]);
    expect(backlog.from(7).map((frame) => [...frame])).toEqual([[7, 8, 9]]);
    backlog.acknowledge(3);
    expect(backlog.startOffset).toBe(5);
    backlog.acknowledge(10);
    expect([backlog.size, backlog.from(10)]).toEqual([0, []]);
  });
});
