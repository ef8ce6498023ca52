import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock';

describe('createManualClock', () => {
  it('resolves sleeps only when time is advanced past them, in due order', async () => {
    const clock = createManualClock();
    const woke: string[] = [];
    void clock.sleep(200).then(() => woke.push('b'));
    void clock.sleep(100).then(() => woke.push('a'));
    await clock.advance(99);
    expect(woke).toEqual([]);
    expect(clock.pendingSleeps).toBe(2);
    await clock.advance(150);
    expect(woke).toEqual(['a', 'b']);
    expect(clock.now()).toBe(249);
  });

  it('rejects a sleep with AbortError when its signal aborts and forgets it', async () => {
    const clock = createManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ code: 'aborted' });
    expect(clock.pendingSleeps).toBe(0);
  });

  it('auto-advances: a sleep moves time forward by itself', async () => {
    const clock = createManualClock({ autoAdvance: true });
    await clock.sleep(1500);
    expect(clock.now()).toBe(1500);
    clock.spend(250);
    expect(clock.now()).toBe(1750);
    expect(clock.sleeps).toEqual([1500]);
    expect(clock.wallNow() - clock.now()).toBe(Date.UTC(2026, 10, 24, 10, 30));
  });
});
