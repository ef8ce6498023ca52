import { act, cleanup, waitFor } from '@testing-library/react';
import { SessionExpiredError, ValidationError } from '@scribe/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingSession, ScribeReactClient } from '../src';
import { createTestClient } from './support/scribe-test-client';
import { renderScribe } from './support/render-scribe';

afterEach(cleanup);

/** A client with a durable queue, the way @scribe/browser's IndexedDB queue will plug in: two optional methods. */
function clientWithQueue(queued: PendingSession[], options: { failResume?: boolean; outcome?: 'ended' | 'failed'; hang?: boolean } = {}) {
  const base = createTestClient();
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const client: ScribeReactClient = {
    ...base.client,
    async pendingSessions() {
      calls.push('pendingSessions');
      return [...queued];
    },
    async resumePending(resumeOptions) {
      calls.push('resumePending');
      signals.push(resumeOptions!.signal!);
      if (options.failResume) throw new ValidationError('The queue holds chunks of another service.');
      if (options.hang) await new Promise((_resolve, reject) => resumeOptions!.signal!.addEventListener('abort', () => reject(resumeOptions!.signal!.reason)));
      const outcome = options.outcome ?? 'ended';
      const resumed = queued.map(({ sessionId }) => ({ sessionId, outcome, error: outcome === 'failed' ? new SessionExpiredError('Session ses_old expired.', { status: 410 }) : undefined }));
      if (outcome === 'ended') queued.splice(0);
      return resumed;
    },
  };
  return { ...base, client, calls, signals };
}

describe('pending sessions of the durable queue', () => {
  it('are read once on mount (Strict Mode mounts twice) and resumePending() uploads them and re-reads the queue', async () => {
    const { client, calls, transport } = clientWithQueue([{ sessionId: 'ses_old', label: 'Bed 4', createdAt: 1 }]);
    const view = renderScribe(client);
    await waitFor(() => expect(view.current.pending).toEqual([{ sessionId: 'ses_old', label: 'Bed 4', createdAt: 1 }]));
    expect(view.current.status).toBe('idle');
    expect(calls).toEqual(['pendingSessions']);
    let resumed: unknown;
    await act(async () => void (resumed = await view.current.resumePending()));
    expect(resumed).toEqual([{ sessionId: 'ses_old', outcome: 'ended', error: undefined }]);
    expect(view.current.pending).toEqual([]);
    expect(calls).toEqual(['pendingSessions', 'resumePending', 'pendingSessions']);
    expect(transport.requests).toHaveLength(0); // resuming is the client's business, not the hook's
  });

  it('a failed resume is reported in `error` and keeps the list; recording still works', async () => {
    const { client, microphone } = clientWithQueue([{ sessionId: 'ses_old' }], { failResume: true });
    const view = renderScribe(client);
    await waitFor(() => expect(view.current.pending).toHaveLength(1));
    await act(() => view.current.resumePending());
    expect(view.current).toMatchObject({ status: 'idle', error: { code: 'validation_error' }, pending: [{ sessionId: 'ses_old' }] });
    await act(() => view.current.start());
    await act(() => microphone.speak('tone'));
    expect(view.current).toMatchObject({ status: 'recording', error: { code: 'validation_error' } });
  });

  it("a session the resume could not finish (outcome 'failed') shows its error and stays in the list", async () => {
    const { client } = clientWithQueue([{ sessionId: 'ses_old' }], { outcome: 'failed' });
    const view = renderScribe(client);
    await waitFor(() => expect(view.current.pending).toHaveLength(1));
    await act(() => view.current.resumePending());
    expect(view.current).toMatchObject({ status: 'idle', error: { code: 'session_expired', status: 410 }, pending: [{ sessionId: 'ses_old' }] });
  });

  it('unmounting aborts a resume that waits for the network', async () => {
    const { client, signals } = clientWithQueue([{ sessionId: 'ses_old' }], { hang: true });
    const view = renderScribe(client);
    await waitFor(() => expect(view.current.pending).toHaveLength(1));
    let resuming!: Promise<unknown>;
    act(() => void (resuming = view.current.resumePending()));
    expect(signals[0]!.aborted).toBe(false);
    view.unmount();
    await waitFor(() => expect(signals[0]!.aborted).toBe(true));
    await expect(resuming).resolves.toEqual([]);
  });

  it('checkPending: false reads nothing; a client without a queue reports none and resumePending() does nothing', async () => {
    const queued = clientWithQueue([{ sessionId: 'ses_old' }]);
    const view = renderScribe(queued.client, { checkPending: false });
    await act(async () => undefined);
    expect([view.current.pending, queued.calls]).toEqual([[], []]);
    cleanup();
    const plain = createTestClient();
    const second = renderScribe(plain.client);
    await act(() => second.current.resumePending());
    expect(second.current).toMatchObject({ status: 'idle', pending: [], error: undefined });
  });
});
