import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock';
import { coalesceSessionStore } from './coalesced-session-store';
import { createSessionStore } from './create-session-store';
import type { SessionState } from './session-state';

function setup(intervalMs = 100) {
  const clock = createManualClock();
  const store = createSessionStore();
  const lifetime = new AbortController();
  const updates = coalesceSessionStore(store, clock, intervalMs, lifetime.signal);
  const seen: SessionState[] = [];
  updates.subscribe(() => seen.push(store.getSnapshot()));
  updates.dispatch({ type: 'create-requested' });
  updates.dispatch({ type: 'session-created', sessionId: 'ses_1' });
  const audio = (seconds: number) => updates.dispatch({ type: 'audio-received', audioSeconds: seconds, level: 0.2, elapsedMs: seconds * 1000 });
  const line = (s: SessionState) => `${s.status} audio=${s.activity.audioSeconds} sent=${s.activity.bytesSent}`;
  return { clock, store, updates, seen, audio, lifetime, lines: () => seen.map(line) };
}

describe('coalesceSessionStore', () => {
  it('the first audio goes at once (a status change); later reports within the interval wait, the latest winning, and go out on the timer', async () => {
    const { clock, audio, lines } = setup();
    audio(0.05);
    clock.spend(50);
    audio(0.1);
    clock.spend(40);
    audio(0.15);
    expect(lines()).toEqual(['creating audio=0 sent=0', 'created audio=0 sent=0', 'recording audio=0.05 sent=0']);
    await clock.advance(10); // 100 ms after the last report that went out
    expect(lines().slice(3)).toEqual(['recording audio=0.15 sent=0']);
    expect(clock.pendingSleeps).toBe(0);
  });

  it('a report after the interval goes at once; audio and stream counters waiting together make one notification', async () => {
    const { clock, audio, updates, lines } = setup();
    audio(0.05);
    audio(0.1);
    updates.dispatch({ type: 'stream-progressed', bytesSent: 3200, bytesAcknowledged: 0, reconnects: 0 });
    clock.spend(100);
    audio(0.2);
    expect(lines().slice(2)).toEqual(['recording audio=0.05 sent=0', 'recording audio=0.2 sent=3200']);
  });

  it('an event that changes the snapshot applies the waiting reports first, in the same notification; one that changes nothing does not', () => {
    const { audio, updates, lines, store } = setup();
    audio(0.05);
    audio(0.1);
    updates.dispatch({ type: 'connection-changed', connection: 'idle' }); // no change: the report keeps waiting
    expect(store.getSnapshot().activity.audioSeconds).toBe(0.05);
    updates.dispatch({ type: 'end-requested' });
    expect(lines().slice(2)).toEqual(['recording audio=0.05 sent=0', 'ending audio=0.1 sent=0']);
  });

  it('flush() applies what waits now; interval 0 lets every report through; no timer survives the lifetime', async () => {
    const { clock, audio, updates, store, lifetime } = setup();
    audio(0.05);
    audio(0.1);
    updates.flush();
    expect(store.getSnapshot().activity.audioSeconds).toBe(0.1);
    audio(0.15);
    expect(clock.pendingSleeps).toBe(1);
    lifetime.abort();
    await clock.advance(0);
    expect(clock.pendingSleeps).toBe(0);
    const every = setup(0);
    every.audio(0.05);
    every.audio(0.1);
    expect(every.lines()).toHaveLength(4);
  });
});
