import { describe, expect, it } from 'vitest';
import { createSystemClock } from '../ports/clock';
import { AbortError, APIError, TimeoutError } from './error-classes';
import { abortableSleep, abortedCallError, errorForAbort, errorForAbortReason, linkSignals, throwIfAborted, waitUnlessAborted } from './abort';
import { ScribeError } from './scribe-error';

const deadlineReason = () => new DOMException('The operation timed out.', 'TimeoutError');
const aborted = (reason?: unknown) => {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
};

describe('errorForAbort: one mapping from an aborted signal to an error', () => {
  it.each([
    ['a plain abort()', undefined, 'aborted', 'AbortError'],
    ['a platform AbortError reason', new DOMException('stop', 'AbortError'), 'aborted', 'AbortError'],
    ['an unrelated reason', 'user left', 'aborted', 'AbortError'],
    ["AbortSignal.timeout()'s reason", deadlineReason(), 'timeout', 'TimeoutError'],
    ['any error named TimeoutError', Object.assign(new Error('late'), { name: 'TimeoutError' }), 'timeout', 'TimeoutError'],
  ])('%s -> %s', (_label, reason, code, name) => {
    const error = errorForAbort(aborted(reason));
    expect(ScribeError.is(error)).toBe(true);
    expect(error).toMatchObject({ code, name });
  });

  it('a ScribeError reason passes through unchanged (the client closing, an SDK deadline)', () => {
    const closed = new AbortError('The Scribe client was closed.');
    const ownDeadline = new TimeoutError('poll deadline');
    expect(errorForAbort(aborted(closed))).toBe(closed);
    expect(errorForAbortReason(ownDeadline)).toBe(ownDeadline);
  });

  it('a real AbortSignal.timeout() signal maps to TimeoutError', async () => {
    const signal = AbortSignal.timeout(0);
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    expect(errorForAbort(signal)).toMatchObject({ code: 'timeout' });
  });

  it('throwIfAborted throws the mapped error only once the signal fired', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow();
    expect(() => throwIfAborted(aborted(deadlineReason()))).toThrow(TimeoutError);
    expect(() => throwIfAborted(aborted())).toThrow(AbortError);
  });
});

describe('abortedCallError: what a call rejects with once its signal fired', () => {
  it('leaves every error alone while the signal has not fired', () => {
    const plain = new AbortError();
    expect(abortedCallError(plain, new AbortController().signal)).toBe(plain);
    expect(abortedCallError(plain, undefined)).toBe(plain);
  });

  it('replaces a plain AbortError or a platform abort by the mapping of the signal', () => {
    const signal = aborted(deadlineReason());
    expect(abortedCallError(new AbortError(), signal)).toMatchObject({ code: 'timeout' });
    expect(abortedCallError(new DOMException('x', 'AbortError'), signal)).toMatchObject({ code: 'timeout' });
    expect(abortedCallError(new DOMException('x', 'AbortError'), aborted())).toMatchObject({ code: 'aborted' });
  });

  it('keeps errors that say more than the abort does', () => {
    const failed = new APIError('503 from the service', { status: 503 });
    const timedOut = new TimeoutError('the request got no answer');
    const plain = new Error('disk full');
    expect(abortedCallError(failed, aborted())).toBe(failed);
    expect(abortedCallError(timedOut, aborted())).toBe(timedOut);
    expect(abortedCallError(plain, aborted())).toBe(plain);
  });
});

describe('linkSignals', () => {
  it('fires with the reason of the first source to fire, and ignores the later ones', () => {
    const caller = new AbortController();
    const lifetime = new AbortController();
    const linked = linkSignals(caller.signal, undefined, lifetime.signal);
    expect(linked.signal.aborted).toBe(false);
    const closed = new AbortError('closed');
    lifetime.abort(closed);
    caller.abort(deadlineReason());
    expect(linked.signal.reason).toBe(closed);
  });

  it('is aborted at once when a source already fired', () => {
    const reason = deadlineReason();
    expect(linkSignals(new AbortController().signal, aborted(reason)).signal.reason).toBe(reason);
  });

  it('dispose() detaches from the sources: a later abort no longer reaches the linked signal', () => {
    const lifetime = new AbortController();
    const linked = linkSignals(lifetime.signal);
    linked.dispose();
    lifetime.abort();
    expect(linked.signal.aborted).toBe(false);
  });
});

describe('waitUnlessAborted', () => {
  it('settles like the promise while the signal stays quiet', async () => {
    await expect(waitUnlessAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(waitUnlessAborted(Promise.reject(new APIError('x')), undefined)).rejects.toMatchObject({ code: 'api_error' });
  });

  it('stops waiting with the mapped error when the signal fires, the work going on', async () => {
    let finish: (value: number) => void = () => undefined;
    const work = new Promise<number>((resolve) => (finish = resolve));
    const caller = new AbortController();
    const waiting = waitUnlessAborted(work, caller.signal);
    caller.abort(deadlineReason());
    await expect(waiting).rejects.toMatchObject({ code: 'timeout' });
    finish(3);
    await expect(work).resolves.toBe(3);
    await expect(waitUnlessAborted(work, aborted())).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('abortableSleep (the system clock sleep)', () => {
  it('rejects at once with AbortError for an abort and TimeoutError for a deadline signal', async () => {
    await expect(abortableSleep(60_000, aborted())).rejects.toMatchObject({ code: 'aborted' });
    await expect(createSystemClock().sleep(60_000, aborted(deadlineReason()))).rejects.toMatchObject({ code: 'timeout' });
  });

  it('rejects a sleep already waiting when its signal fires (no timer left to hold the process)', async () => {
    const caller = new AbortController();
    const sleeping = createSystemClock().sleep(60_000, caller.signal);
    caller.abort(deadlineReason());
    await expect(sleeping).rejects.toBeInstanceOf(TimeoutError);
  });

  it('resolves when nothing aborts it', async () => {
    await expect(abortableSleep(0, new AbortController().signal)).resolves.toBeUndefined();
  });
});
