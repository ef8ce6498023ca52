import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSessionResult } from '../protocol/session-result';
import { createSessionStore } from './create-session-store';
import { INITIAL_SESSION_ACTIVITY, INITIAL_SESSION_STATE, type SessionState } from './session-state';

describe('createSessionStore (useSyncExternalStore contract)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('starts idle and returns the same frozen snapshot until something changes', () => {
    const store = createSessionStore();
    const first = store.getSnapshot();
    expect(first).toBe(INITIAL_SESSION_STATE);
    expect(Object.isFrozen(first)).toBe(true);
    expect(store.getSnapshot()).toBe(first);
    expect(store.getServerSnapshot()).toBe(first);
    store.dispatch({ type: 'end-requested' });
    expect(store.getSnapshot()).toBe(first);
  });

  it('notifies listeners only for accepted events, with the new state and the event', () => {
    const store = createSessionStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'chunk-queued' });
    expect(listener).not.toHaveBeenCalled();
    const next = store.dispatch({ type: 'create-requested' });
    expect(next.status).toBe('creating');
    expect(listener).toHaveBeenCalledOnce();
    expect(listener).toHaveBeenCalledWith(next, { type: 'create-requested' });
    expect(store.getSnapshot()).toBe(next);
  });

  it('unsubscribe stops notifications and is idempotent', () => {
    const store = createSessionStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    unsubscribe();
    store.dispatch({ type: 'create-requested' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('a listener removed during notification is not called in that round', () => {
    const store = createSessionStore();
    const second = vi.fn();
    let unsubscribeSecond = () => {};
    store.subscribe(() => unsubscribeSecond());
    unsubscribeSecond = store.subscribe(second);
    store.dispatch({ type: 'create-requested' });
    expect(second).not.toHaveBeenCalled();
  });

  it('a throwing listener does not stop the others; its error surfaces asynchronously', async () => {
    const store = createSessionStore();
    const thrown: unknown[] = [];
    const queued: (() => void)[] = [];
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => void queued.push(callback));
    const other = vi.fn();
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.subscribe(other);
    expect(() => store.dispatch({ type: 'create-requested' })).not.toThrow();
    expect(other).toHaveBeenCalledOnce();
    for (const callback of queued) {
      try {
        callback();
      } catch (error) {
        thrown.push(error);
      }
    }
    expect((thrown[0] as Error).message).toBe('listener bug');
  });

  it('supports nested dispatch from a listener', () => {
    const store = createSessionStore();
    const seen: string[] = [];
    store.subscribe((state) => {
      seen.push(state.status);
      if (state.status === 'creating') store.dispatch({ type: 'session-created', sessionId: 'ses_1' });
    });
    store.dispatch({ type: 'create-requested' });
    expect(store.getSnapshot().status).toBe('created');
    expect(seen).toEqual(['creating', 'created']);
  });

  it('runs a whole chunked session', () => {
    const store = createSessionStore();
    const snapshots: SessionState[] = [];
    store.subscribe((state) => snapshots.push(state));
    store.dispatch({ type: 'create-requested' });
    store.dispatch({ type: 'session-created', sessionId: 'ses_1' });
    store.dispatch({ type: 'chunk-queued', index: 0 });
    store.dispatch({ type: 'chunk-upload-started', index: 0 });
    store.dispatch({ type: 'chunk-uploaded', index: 0 });
    store.dispatch({ type: 'end-requested' });
    store.dispatch({ type: 'session-ended' });
    store.dispatch({ type: 'status-polled', result: parseSessionResult({ session_id: 'ses_1', status: 'processing' }, 202) });
    store.dispatch({ type: 'status-polled', result: parseSessionResult({ session_id: 'ses_1', status: 'completed', transcript: 'hi' }, 200) });
    const final = store.getSnapshot();
    expect(final.status).toBe('completed');
    expect(final.status === 'completed' && final.result.transcript).toBe('hi');
    expect(final.activity.chunksAcknowledged).toBe(1);
    expect(snapshots.map((state) => state.status)).toEqual(['creating', 'created', 'recording', 'recording', 'recording', 'ending', 'processing', 'processing', 'completed']);
    expect(new Set(snapshots).size).toBe(snapshots.length);
  });

  it('freezes an unfrozen initial state', () => {
    const store = createSessionStore({ status: 'idle', activity: { ...INITIAL_SESSION_ACTIVITY, connection: 'open' } });
    expect(Object.isFrozen(store.getSnapshot())).toBe(true);
    expect(Object.isFrozen(store.getSnapshot().activity)).toBe(true);
  });
});
