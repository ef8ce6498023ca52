import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { createStreamService, createTestClient } from './support/scribe-test-client';
import { renderScribe } from './support/render-scribe';

afterEach(cleanup);

it("transport 'stream' under Strict Mode (start from an effect): one socket, its connection state rendered, stop ends and completes", async () => {
  const service = createStreamService();
  const { client, microphone, transport } = createTestClient({ transport: service.transport, createWebSocket: service.createWebSocket });
  const view = renderScribe(client, { transport: 'stream', autoStart: true });
  await waitFor(() => expect(view.current).toMatchObject({ status: 'created', connection: 'open' }));
  for (const kind of ['tone', 'silence'] as const) await act(() => microphone.speak(kind));
  expect(view.current).toMatchObject({ status: 'recording', connection: 'open', isRecording: true });
  await act(() => view.current.stop());
  await waitFor(() => expect(view.current.status).toBe('completed'));
  expect(service.sockets).toHaveLength(1);
  expect(service.sockets[0]!.binary().byteLength).toBe(32_000); // a second of 16-bit PCM
  expect(view.renders.map((r) => r.connection).filter((c, i, all) => c !== all[i - 1])).toEqual(expect.arrayContaining(['idle', 'open', 'closed']));
  expect(transport.requests.filter((r) => r.url.endsWith('/v1/sessions'))).toHaveLength(1);
  expect(microphone.opens()).toBe(1);
});

/** A streamed session recording, then the component unmounted. */
async function unmountMidStream() {
  const service = createStreamService();
  const { client, microphone, transport } = createTestClient({ transport: service.transport, createWebSocket: service.createWebSocket });
  const view = renderScribe(client, { transport: 'stream' });
  await act(() => view.current.start());
  await act(() => microphone.speak('tone'));
  view.unmount();
  await waitFor(() => expect(microphone.released()).toBe(true));
  return { service, transport, microphone };
}

it('unmounting mid-stream cancels: the microphone is released, no second socket is opened, the session is not ended', async () => {
  const { service, transport, microphone } = await unmountMidStream();
  expect(microphone.isClosed()).toBe(true);
  expect(service.sockets).toHaveLength(1);
  expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
});

it('unmounting mid-stream closes the socket', async () => {
  const { service } = await unmountMidStream();
  await waitFor(() => expect(service.sockets[0]!.closedWith).toBeDefined(), { timeout: 300 });
});
