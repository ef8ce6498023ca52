// @vitest-environment node
import { ConfigError } from '@scribe/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScribeController, IDLE_SCRIBE_STATE, type ScribeReactClient } from '../src';
import { createTestClient } from './support/scribe-test-client';

/** Waits until `check` passes, polling on real timers (the sessions run on a manual clock of their own). */
async function eventually(check: () => void): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return check();
    } catch (error) {
      if (i > 200) throw error;
      await new Promise((next) => setTimeout(next, 2));
    }
  }
}

afterEach(() => {
  delete (globalThis as { reportError?: unknown }).reportError;
});

describe('createScribeController (the observer behind useScribe), without React', () => {
  it('keeps one snapshot object until something changes; the server snapshot is always idle', async () => {
    const { client, microphone } = createTestClient();
    const controller = createScribeController({ client });
    expect(controller.getSnapshot()).toBe(IDLE_SCRIBE_STATE);
    let notified = 0;
    const unsubscribe = controller.subscribe(() => void (notified += 1));
    await controller.start();
    const created = controller.getSnapshot();
    expect(controller.getSnapshot()).toBe(created);
    expect(Object.isFrozen(created) && Object.isFrozen(created.chunks)).toBe(true);
    await microphone.speak('tone');
    expect(controller.getSnapshot()).not.toBe(created);
    expect(controller.getServerSnapshot()).toBe(IDLE_SCRIBE_STATE);
    expect(notified).toBeGreaterThan(2);
    unsubscribe();
    await controller.cancel();
    expect(controller.getSnapshot().status).toBe('cancelled');
  });

  it('a client that refuses to make a session: status error with a ScribeError (non-SDK errors wrapped), until reset()', async () => {
    let calls = 0;
    const refusing: ScribeReactClient = {
      session() {
        calls += 1;
        throw calls === 1 ? new ConfigError('No relayUrl.') : new TypeError('adapter bug');
      },
      waitForResults: () => Promise.reject(new Error('unused')),
    };
    const controller = createScribeController({ client: refusing });
    await expect(controller.start()).resolves.toBeUndefined();
    expect(controller.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'config_error', message: 'No relayUrl.' } });
    await controller.start();
    expect(calls).toBe(1); // no new attempt until reset
    controller.reset();
    expect(controller.getSnapshot()).toBe(IDLE_SCRIBE_STATE);
    await controller.uploadFile(new Blob(['tone']));
    const { error } = controller.getSnapshot();
    expect(error).toMatchObject({ code: 'api_error', message: 'Unexpected failure: adapter bug' });
    expect((error as Error).cause).toMatchObject({ message: 'adapter bug' }); // a redacted copy, as every ScribeError keeps its cause
  });

  it('reset() while recording cancels the running session and releases the microphone', async () => {
    const { client, microphone, transport } = createTestClient();
    const controller = createScribeController({ client });
    await controller.start();
    await microphone.speak('tone');
    controller.reset();
    expect(controller.getSnapshot()).toBe(IDLE_SCRIBE_STATE);
    await eventually(() => expect(microphone.released()).toBe(true));
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
  });

  it('onResult is called once with the final result; a callback that throws is reported and does not stop the session', async () => {
    const reported: unknown[] = [];
    (globalThis as { reportError?: unknown }).reportError = (error: unknown) => reported.push(error);
    const { client } = createTestClient();
    const onResult = vi.fn();
    const controller = createScribeController({
      client,
      onResult,
      onChunk: () => {
        throw new Error('bug in onChunk');
      },
    });
    await controller.uploadFile(new Blob(['tone,tone,silence,silence,tone,silence']));
    await eventually(() => expect(controller.getSnapshot().status).toBe('completed'));
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult.mock.calls[0]![0]).toBe(controller.getSnapshot().result);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((error) => (error as Error).message === 'bug in onChunk')).toBe(true);
  });

  it('options given later (setOptions) are the ones the next session is made with', async () => {
    const { client, requests } = createTestClient();
    const controller = createScribeController({ client, create: { templates: ['a'] } });
    controller.setOptions({ client, create: { templates: ['transcript_template'], model: 'pro' }, microphone: { echoCancellation: false } });
    await controller.start();
    expect(requests).toEqual([expect.objectContaining({ audio: { microphone: { echoCancellation: false } }, create: { templates: ['transcript_template'], model: 'pro' } })]);
    await controller.cancel();
  });
});
