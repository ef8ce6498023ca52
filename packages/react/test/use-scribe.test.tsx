import { act, cleanup, waitFor } from '@testing-library/react';
import { APIError, createMemoryChunkStore, ScribeError, type ScribeErrorCode } from '@scribe/core';
import { hangUntilAborted } from '@scribe/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE, createFakeMicrophone, createService, createTestClient, gate, EMR } from './support/scribe-test-client';
import { renderScribe as renderWith } from './support/render-scribe';
import type { ScribeReactClient, UseScribeOptions } from '../src';

afterEach(cleanup);

/** As @scribe/browser's microphone source throws it (its code joins core's ScribeErrorCode with that package). */
class MicrophonePermissionError extends ScribeError {
  constructor(message: string) {
    super('microphone_permission_denied' as ScribeErrorCode, message);
    this.name = 'MicrophonePermissionError';
  }
}

const creates = (transport: { requests: { method: string; url: string }[] }) => transport.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/v1/sessions')).length;
const calls = (transport: { requests: { method: string; url: string }[] }) => transport.requests.filter((r) => !r.url.includes('.well-known')).map((r) => `${r.method} ${r.url.replace(BASE, '')}`);

describe.each([{ mode: 'under <StrictMode>', strict: true }, { mode: 'without Strict Mode', strict: false }])('useScribe $mode with the real core controller', ({ strict }) => {
  const renderScribe = (client: ScribeReactClient, options: UseScribeOptions & { autoStart?: boolean } = {}) => renderWith(client, { strict, ...options });

  it('records, cuts and uploads chunks, stops and shows the completed note: one session, one microphone, every status rendered in order', async () => {
    const create = gate();
    const end = gate();
    const transport = createService({ hold: { create: create.opened, end: end.opened } });
    const { client, microphone, requests, clock } = createTestClient({ transport });
    const view = renderScribe(client);
    expect(view.current.status).toBe('idle');
    expect(transport.requests).toHaveLength(0); // mounting (twice) opened nothing

    let started!: Promise<void>;
    await act(async () => {
      started = view.current.start();
    });
    expect(view.current.status).toBe('creating');
    await act(async () => {
      create.open();
      await started;
    });
    expect(view.current).toMatchObject({ status: 'created', sessionId: 'ses_1', isRecording: false });
    for (const kind of ['tone', 'tone', 'silence', 'silence', 'tone'] as const) {
      clock.spend(500); // the microphone delivers in real time
      await act(() => microphone.speak(kind));
    }
    expect(view.current).toMatchObject({ status: 'recording', isRecording: true, isPaused: false, chunks: { cut: 1, uploaded: 1, pending: 0, failed: 0 } });
    expect(view.current.level).toBeGreaterThan(0.2);
    expect(view.current.elapsedMs).toBeGreaterThan(0);

    act(() => view.current.pause());
    expect(view.current).toMatchObject({ isPaused: true, isRecording: false, level: 0 });
    act(() => view.current.resume());
    expect(view.current.isPaused).toBe(false);
    await act(() => microphone.speak('silence'));

    let stopped!: Promise<void>;
    await act(async () => {
      stopped = view.current.stop();
    });
    await waitFor(() => expect(view.current.status).toBe('ending'));
    await act(async () => {
      end.open();
      await stopped;
    });
    await waitFor(() => expect(view.current.status).toBe('completed'));

    expect(view.statuses()).toEqual(['idle', 'creating', 'created', 'recording', 'ending', 'processing', 'completed']);
    expect(view.current).toMatchObject({ sessionId: 'ses_1', error: undefined, chunks: { cut: 2, uploaded: 2, pending: 0, failed: 0 } });
    const result = view.current.result!;
    expect(result).toMatchObject({ status: 'completed', transcript: 'hello', notes: { eka_emr_template: EMR } });
    // Typed for the built-in template: this line compiles only because `notes.eka_emr_template` has the EMR shape.
    expect(result.notes.eka_emr_template?.medications?.[0]?.dose?.value).toBe(500);
    expect([creates(transport), microphone.opens(), requests.length]).toEqual([1, 1, 1]);
    expect(microphone.isClosed()).toBe(true);
    expect(calls(transport)).toEqual([
      'POST /v1/sessions',
      'POST /v1/sessions/ses_1/audio/chunk_0.wav',
      'POST /v1/sessions/ses_1/audio/chunk_1.wav',
      'POST /v1/sessions/ses_1/end',
      'GET /v1/sessions/ses_1',
      'GET /v1/sessions/ses_1',
    ]);
    // The provider's defaults reached the create call.
    expect(requests[0]!.create).toEqual({ templates: ['eka_emr_template'], languageHint: 'en' });
    expect(transport.requests.find((r) => r.url.endsWith('/v1/sessions'))!.body).toMatchObject({ templates: ['eka_emr_template'], language_hint: ['en'] });
  });

  it('start() called from an effect (mounted, unmounted and mounted again by Strict Mode) opens one session and one microphone', async () => {
    const { client, microphone, transport } = createTestClient();
    const view = renderScribe(client, { autoStart: true });
    await waitFor(() => expect(view.current.status).toBe('created'));
    await act(() => microphone.speak('tone'));
    expect(view.current.status).toBe('recording');
    expect([creates(transport), microphone.opens()]).toEqual([1, 1]);
    view.unmount();
    await waitFor(() => expect(microphone.released()).toBe(true));
  });

  it('start() twice and stop() twice from event handlers: still one session, one end', async () => {
    const { client, microphone, transport } = createTestClient();
    const view = renderScribe(client);
    await act(() => Promise.all([view.current.start(), view.current.start()]));
    await act(() => microphone.speak('tone'));
    await act(() => Promise.all([view.current.stop(), view.current.stop()]));
    await waitFor(() => expect(view.current.status).toBe('completed'));
    expect(creates(transport)).toBe(1);
    expect(transport.requests.filter((r) => r.url.endsWith('/end'))).toHaveLength(1);
  });

  it('permission denied: the microphone refuses with a typed error, which becomes the hook error; nothing is recorded', async () => {
    const denied = new MicrophonePermissionError('Microphone access was refused. Allow microphone access for this site in the browser\'s site settings.');
    const prompt = gate(); // the browser's permission prompt, answered "block" when the test says so
    const microphone = createFakeMicrophone({ openError: denied, openWhen: prompt.opened });
    const { client, transport } = createTestClient({ microphone });
    const view = renderScribe(client);
    let started!: Promise<void>;
    act(() => void (started = view.current.start()));
    expect(view.current.status).toBe('creating');
    await act(async () => {
      prompt.open();
      await started; // resolves: failures land in `error`
    });
    expect(view.current).toMatchObject({ status: 'error', isRecording: false, sessionId: undefined });
    expect(view.current.error).toBe(denied); // the source's own typed error, untouched
    expect(view.current.error).toMatchObject({ code: 'microphone_permission_denied', name: 'MicrophonePermissionError' });
    // Core opens a live source before it creates the session: a refusal leaves no empty session on the service.
    expect(view.statuses()).toEqual(['idle', 'creating', 'error']);
    expect(calls(transport)).toEqual([]);
    expect(microphone.opens()).toBe(1);
  });

  it('service 5xx on create: the error carries the status and request id, the microphone opened first is released', async () => {
    const create = gate();
    const transport = createService({
      hold: { create: create.opened },
      create: () => {
        throw new APIError('HTTP 503 service unavailable', { status: 503, requestId: 'req_9', retryable: true });
      },
    });
    const { client, microphone } = createTestClient({ transport });
    const view = renderScribe(client);
    let started!: Promise<void>;
    act(() => void (started = view.current.start()));
    expect(view.current.status).toBe('creating');
    await act(async () => {
      create.open();
      await started;
    });
    expect(view.current).toMatchObject({ status: 'error', sessionId: undefined, error: { code: 'api_error', status: 503, requestId: 'req_9', retryable: true } });
    expect(view.statuses()).toEqual(['idle', 'creating', 'error']);
    expect([microphone.opens(), microphone.released()]).toEqual([1, true]);
  });

  it('reset() after a failure discards the controller: the next start() makes a new session', async () => {
    let refuse = true;
    const transport = createService({
      create: () => {
        if (refuse) throw new APIError('HTTP 502', { status: 502 });
        return { status: 201, data: { session_id: 'ses_1', status: 'created' } };
      },
    });
    const { client, microphone } = createTestClient({ transport });
    const view = renderScribe(client);
    await act(() => view.current.start());
    expect(view.current.status).toBe('error');
    await act(() => view.current.start()); // the same finished session: nothing new
    expect(creates(transport)).toBe(1);
    refuse = false;
    act(() => view.current.reset());
    expect(view.current).toMatchObject({ status: 'idle', error: undefined, sessionId: undefined });
    await act(() => view.current.start());
    expect(view.current).toMatchObject({ status: 'created', sessionId: 'ses_1' });
    expect(creates(transport)).toBe(2);
    // The live source opens before each create: once for the refused session, once for the new one.
    expect(microphone.opens()).toBe(2);
  });

  it('unmount during an upload cancels cleanly: the upload is aborted, the microphone released, the session not ended', async () => {
    const uploading = gate();
    let aborted = false;
    const transport = createService({
      upload: (request) => {
        uploading.open();
        request.signal?.addEventListener('abort', () => (aborted = true));
        return hangUntilAborted(request.signal);
      },
    });
    const { client, microphone } = createTestClient({ transport });
    const view = renderScribe(client);
    await act(() => view.current.start());
    for (const kind of ['tone', 'tone', 'silence', 'silence', 'silence'] as const) await act(() => microphone.speak(kind, { wait: false }));
    await act(() => uploading.opened);
    expect(view.current.chunks).toMatchObject({ cut: 1, pending: 1, uploaded: 0 });
    view.unmount();
    await waitFor(() => expect(aborted).toBe(true));
    expect(microphone.isClosed()).toBe(true);
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
    expect(view.renders.at(-1)!.status).toBe('recording'); // nothing renders after unmount
  });

  it('unmount after the user pressed stop lets the stop finish: the last chunk is sent and the session ended', async () => {
    const end = gate();
    const transport = createService({ hold: { end: end.opened } });
    const { client, microphone } = createTestClient({ transport });
    const view = renderScribe(client);
    await act(() => view.current.start());
    await act(() => microphone.speak('tone'));
    await act(async () => void view.current.stop());
    view.unmount();
    end.open();
    await waitFor(() => expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(true));
    expect(calls(transport).slice(0, 3)).toEqual(['POST /v1/sessions', 'POST /v1/sessions/ses_1/audio/chunk_0.wav', 'POST /v1/sessions/ses_1/end']);
  });

  it("releaseOnUnmount: 'stop' ends what was recorded when the component goes away mid-recording", async () => {
    const { client, microphone, transport } = createTestClient();
    const view = renderScribe(client, { releaseOnUnmount: 'stop' });
    await act(() => view.current.start());
    await act(() => microphone.speak('tone'));
    view.unmount();
    await waitFor(() => expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(true));
    expect(microphone.isClosed()).toBe(true);
  });

  it('unmount mid-recording (the default, keep) releases the microphone but keeps the queued chunks: the next mount lists the session and resumes it', async () => {
    const store = createMemoryChunkStore();
    const network = { down: true };
    const transport = createService({
      // While the network is down an upload never answers (until the session lets go of it).
      upload: (request) => (network.down ? hangUntilAborted(request.signal) : { status: 200, data: { success: true } }),
    });
    const { client, microphone } = createTestClient({ transport, chunkStore: store });
    const view = renderScribe(client);
    await act(() => view.current.start());
    for (const kind of ['tone', 'tone', 'silence', 'silence', 'silence'] as const) await act(() => microphone.speak(kind));
    await waitFor(() => expect(view.current.chunks.pending).toBe(1));
    view.unmount();
    await waitFor(() => expect(microphone.isClosed()).toBe(true));
    await waitFor(async () => expect((await store.listChunks('ses_1')).map((chunk) => chunk.fileName)).toEqual(['chunk_0.wav']));
    network.down = false;
    const next = renderScribe(client);
    await waitFor(() => expect(next.current.pending.map((session) => session.sessionId)).toEqual(['ses_1']));
    await act(async () => void (await next.current.resumePending()));
    expect(calls(transport).filter((call) => call.endsWith('/end'))).toEqual(['POST /v1/sessions/ses_1/end']);
    expect(await store.listSessions()).toEqual([]);
  });

  it('uploadFile(file) sends a recorded file through a file session and shows its result', async () => {
    const { client, microphone, requests, transport } = createTestClient();
    const view = renderScribe(client);
    const file = new Blob(['tone,tone,silence,silence,tone,silence,silence']);
    await act(() => view.current.uploadFile(file));
    await waitFor(() => expect(view.current.status).toBe('completed'));
    expect(requests[0]!.audio).toEqual({ file });
    expect(microphone.opens()).toBe(0);
    expect(view.current.chunks.uploaded).toBe(2);
    expect(creates(transport)).toBe(1);
  });

  it('onChunk sees every chunk event and onResult the final result once; the newest callbacks are the ones called', async () => {
    const { client, microphone } = createTestClient();
    const chunkEvents: string[] = [];
    const results: string[] = [];
    const view = renderScribe(client, { onChunk: (event) => chunkEvents.push(`${event.type} ${event.index}`), onResult: (result) => results.push(result.status) });
    await act(() => view.current.start());
    for (const kind of ['tone', 'tone', 'silence', 'silence'] as const) await act(() => microphone.speak(kind));
    await act(() => view.current.stop());
    await waitFor(() => expect(view.current.status).toBe('completed'));
    expect(chunkEvents).toEqual(['chunk-ready 0', 'chunk-queued 0', 'chunk-uploaded 0']);
    expect(results).toEqual(['completed']);
  });
});
