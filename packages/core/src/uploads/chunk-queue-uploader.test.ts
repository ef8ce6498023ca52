import { describe, expect, it } from 'vitest';
import { APIError, InvalidAudioError, RateLimitError } from '../errors';
import { createManualClock } from '../testing/manual-clock';
import { createChunkQueueUploader, type SendQueuedChunk } from './chunk-queue-uploader';
import { createMemoryChunkStore } from './create-memory-chunk-store';

const RETRY = { initialDelayMs: 100, maxDelayMs: 400, random: () => 1 };

async function storeWith(count: number) {
  const store = createMemoryChunkStore();
  await store.putSession({ sessionId: 'ses_1', scope: 's' });
  for (let index = 0; index < count; index++) await store.putChunk({ sessionId: 'ses_1', index, fileName: `chunk_${index}.wav`, bytes: new Uint8Array([index + 1]) });
  return store;
}

describe('createChunkQueueUploader', () => {
  it('503 and 429 are retried after the backoff, in index order; the events say what happened', async () => {
    const store = await storeWith(2);
    const clock = createManualClock();
    const events: string[] = [];
    const replies = [new APIError('HTTP 503', { status: 503, retryable: true }), new RateLimitError('HTTP 429', { status: 429 })];
    const send: SendQueuedChunk = async (chunk) => {
      const failure = chunk.index === 0 ? replies.shift() : undefined;
      events.push(`send ${chunk.fileName}${failure ? ` -> ${failure.status}` : ''}`);
      if (failure) throw failure;
    };
    const uploader = createChunkQueueUploader({ store, sessionId: 'ses_1', send, clock, retry: RETRY, signal: new AbortController().signal, onEvent: (e) => events.push(e.type === 'upload-waiting' ? `wait ${e.delayMs} (${e.attempt})` : `${e.type} ${e.index}`) });
    uploader.add(0);
    uploader.add(1);
    uploader.close();
    await clock.advance(100);
    await clock.advance(200);
    await uploader.drained;
    expect(events).toEqual([
      'chunk-queued 0', 'send chunk_0.wav -> 503', 'wait 100 (1)',
      'chunk-queued 0', 'send chunk_0.wav -> 429', 'wait 200 (2)',
      'chunk-queued 0', 'send chunk_0.wav', 'chunk-uploaded 0',
      'chunk-queued 1', 'send chunk_1.wav', 'chunk-uploaded 1',
    ]);
    expect(await store.listChunks('ses_1')).toEqual([]);
    expect(uploader.acknowledged).toBe(2);
  });

  it('with concurrency 2 a failed chunk goes back before the later ones, and one backoff serves both failures', async () => {
    const store = await storeWith(4);
    const clock = createManualClock();
    const sent: string[] = [];
    let down = true;
    const send: SendQueuedChunk = async (chunk) => {
      sent.push(`${chunk.index}${down ? 'x' : ''}`);
      if (down) throw new APIError('connection refused', { retryable: true });
    };
    const uploader = createChunkQueueUploader({ store, sessionId: 'ses_1', send, clock, concurrency: 2, retry: RETRY, signal: new AbortController().signal });
    for (const index of [0, 1, 2, 3]) uploader.add(index);
    uploader.close();
    await clock.advance(0);
    expect(sent).toEqual(['0x', '1x']);
    expect(uploader.pending).toBe(4);
    down = false;
    await clock.advance(100);
    await uploader.drained;
    expect(sent).toEqual(['0x', '1x', '0', '1', '2', '3']);
    expect(clock.sleeps).toEqual([100]);
  });

  it('a chunk the service refuses (400) rejects drained with that error and stays stored; an abort rejects with AbortError', async () => {
    const store = await storeWith(2);
    const clock = createManualClock();
    const refused = new InvalidAudioError('chunk_too_large', { status: 400 });
    const failing = createChunkQueueUploader({ store, sessionId: 'ses_1', send: async () => Promise.reject(refused), clock, signal: new AbortController().signal });
    failing.add(0);
    await expect(failing.drained).rejects.toBe(refused);
    expect((await store.listChunks('ses_1')).map((c) => c.index)).toEqual([0, 1]);
    const controller = new AbortController();
    const waiting = createChunkQueueUploader({ store, sessionId: 'ses_1', send: async () => Promise.reject(new APIError('offline', { retryable: true })), clock, signal: controller.signal });
    waiting.add(1);
    await clock.advance(0);
    controller.abort();
    await expect(waiting.drained).rejects.toMatchObject({ code: 'aborted' });
    expect(clock.pendingSleeps).toBe(0);
    expect((await store.listChunks('ses_1')).map((c) => c.index)).toEqual([0, 1]);
  });
});
