import { act, cleanup, waitFor } from '@testing-library/react';
import { SESSION_LIFECYCLE_STATUSES } from '@scribe/core/internal';
import { afterEach, expect, it } from 'vitest';
import { BASE, createTestClient, gate } from './support/scribe-test-client';
import { renderScribe } from './support/render-scribe';

afterEach(cleanup);

const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The service behind core's real HTTP transport (retries and all): the network drops on the first chunk upload. */
function flakyNetwork() {
  const networkBack = gate();
  const log: string[] = [];
  let polls = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const path = url.replace(BASE, '');
    if (path.includes('.well-known')) return reply(404, { error: { code: 'not_found', message: 'none' } });
    log.push(`${method} ${path}`);
    if (method === 'POST' && path === '/v1/sessions') return reply(201, { session_id: 'ses_1', status: 'created' });
    if (path.includes('/audio/')) {
      if (log.filter((line) => line.includes('/audio/')).length === 1) throw new TypeError('Failed to fetch'); // the network is gone
      await networkBack.opened;
      return reply(200, { success: true });
    }
    if (path.endsWith('/end')) return reply(202, { session_id: 'ses_1', status: 'processing' });
    polls += 1;
    return polls < 2 ? reply(202, { session_id: 'ses_1', status: 'processing' }) : reply(200, { session_id: 'ses_1', status: 'completed', transcript: 'hello' });
  };
  return { fetch: fetch as typeof globalThis.fetch, log, networkBack };
}

it('network lost and back: the failed chunk stays pending (no error shown) and is uploaded once the network returns', async () => {
  const network = flakyNetwork();
  const { client, microphone } = createTestClient({ fetch: network.fetch });
  const view = renderScribe(client);
  await act(() => view.current.start());
  // Captured in real time whatever the network does; the pipeline reads on while the upload waits (wait: false).
  for (const kind of ['tone', 'tone', 'silence', 'silence'] as const) await act(() => microphone.speak(kind, { wait: false }));
  // The first attempt failed with a network error; the transport's retry waits for the network.
  await waitFor(() => expect(network.log.filter((line) => line.includes('/audio/'))).toHaveLength(2));
  expect(view.current).toMatchObject({ status: 'recording', error: undefined, chunks: { cut: 1, pending: 1, uploaded: 0, failed: 0 } });
  await act(async () => network.networkBack.open());
  await waitFor(() => expect(view.current.chunks).toEqual({ cut: 1, pending: 0, uploaded: 1, failed: 0 }));
  await act(() => view.current.stop());
  await waitFor(() => expect(view.current.status).toBe('completed'));
  // Never an error in between: the statuses only move forward (steps inside one act may be batched into one render).
  const order = (status: string) => SESSION_LIFECYCLE_STATUSES.indexOf(status as never);
  expect(view.statuses()).toEqual([...view.statuses()].sort((a, b) => order(a) - order(b)));
  expect(view.statuses()).toEqual(expect.arrayContaining(['idle', 'recording', 'completed']));
  expect(network.log).toEqual([
    'POST /v1/sessions',
    'POST /v1/sessions/ses_1/audio/chunk_0.wav',
    'POST /v1/sessions/ses_1/audio/chunk_0.wav',
    'POST /v1/sessions/ses_1/end',
    'GET /v1/sessions/ses_1',
    'GET /v1/sessions/ses_1',
  ]);
  expect(view.current.error).toBeUndefined();
});
