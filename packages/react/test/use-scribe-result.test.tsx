import { act, cleanup, render, waitFor } from '@testing-library/react';
import { SessionNotFoundError, type SessionResult } from '@scribe/core';
import { parseSessionResult } from '@scribe/core/internal';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScribeProvider, useScribeResult, type ScribeReactClient, type UseScribeResultReturn } from '../src';
import { createTestClient, EMR } from './support/scribe-test-client';

afterEach(cleanup);

function renderResult(client: ScribeReactClient, sessionId: string | undefined) {
  const renders: UseScribeResultReturn[] = [];
  function Note({ id }: { id: string | undefined }) {
    const state = useScribeResult(id);
    renders.push(state);
    return <p>{state.result?.transcript ?? state.status}</p>;
  }
  const app = (id: string | undefined) => (
    <StrictMode>
      <ScribeProvider client={client}>
        <Note id={id} />
      </ScribeProvider>
    </StrictMode>
  );
  const view = render(app(sessionId));
  return { ...view, renders, current: () => renders.at(-1)!, rerenderWith: (id: string | undefined) => view.rerender(app(id)) };
}

/** A client whose waitForResults is driven by the test: each call is recorded with its signal. */
function manualClient() {
  const waits: { sessionId: string; signal: AbortSignal; onUpdate?: (result: SessionResult) => void; resolve: (result: SessionResult) => void; reject: (error: unknown) => void }[] = [];
  const client: ScribeReactClient = {
    session: () => {
      throw new Error('not used');
    },
    waitForResults: (sessionId, options) =>
      new Promise((resolve, reject) => {
        waits.push({ sessionId, signal: options.signal, onUpdate: options.onUpdate, resolve, reject });
        options.signal.addEventListener('abort', () => reject(new Error('aborted')));
      }),
  };
  return { client, waits };
}

const body = (sessionId: string, status: string, extra: Record<string, unknown> = {}) => parseSessionResult({ session_id: sessionId, status, ...extra }, 200);

describe('useScribeResult', () => {
  it('polls a session started elsewhere through the real core poller until completed; Strict Mode makes no extra request', async () => {
    const { client, transport } = createTestClient();
    const view = renderResult(client, 'ses_1');
    expect(view.current().status).toBe('loading');
    await waitFor(() => expect(view.current().status).toBe('success'));
    expect(view.current().result).toMatchObject({ sessionId: 'ses_1', status: 'completed', transcript: 'hello', notes: { eka_emr_template: EMR } });
    expect(transport.requests.map((r) => `${r.method} ${r.url.split('/v1')[1]}`)).toEqual(['GET /sessions/ses_1', 'GET /sessions/ses_1']);
  });

  it('shows progress while processing, aborts on unmount, and never shows an old session for a new id', async () => {
    const { client, waits } = manualClient();
    const view = renderResult(client, 'ses_a');
    await waitFor(() => expect(waits).toHaveLength(1));
    act(() => waits[0]!.onUpdate?.(body('ses_a', 'processing')));
    expect(view.current()).toMatchObject({ status: 'loading', result: { status: 'processing' } });

    view.rerenderWith('ses_b');
    expect(waits[0]!.signal.aborted).toBe(true);
    expect(view.current()).toEqual({ status: 'loading', result: undefined, error: undefined });
    await waitFor(() => expect(waits).toHaveLength(2));
    act(() => waits[0]!.resolve(body('ses_a', 'completed'))); // too late: ignored
    expect(view.current().result).toBeUndefined();
    await act(async () => waits[1]!.resolve(body('ses_b', 'completed', { transcript: 'b' })));
    expect(view.current()).toMatchObject({ status: 'success', result: { sessionId: 'ses_b', transcript: 'b' } });

    view.rerenderWith('ses_c');
    await waitFor(() => expect(waits).toHaveLength(3));
    view.unmount();
    expect(waits[2]!.signal.aborted).toBe(true);
    expect(waits.map((w) => w.sessionId)).toEqual(['ses_a', 'ses_b', 'ses_c']);
  });

  it('a failed poll gives a ScribeError; undefined polls nothing', async () => {
    const { client, waits } = manualClient();
    const view = renderResult(client, undefined);
    await act(async () => undefined);
    expect([view.current().status, waits.length]).toEqual(['idle', 0]);
    view.rerenderWith('ses_x');
    await waitFor(() => expect(waits).toHaveLength(1));
    await act(async () => waits[0]!.reject(new SessionNotFoundError('Session ses_x was not found.', { status: 404 })));
    expect(view.current()).toMatchObject({ status: 'error', error: { code: 'session_not_found', status: 404 } });
  });
});
