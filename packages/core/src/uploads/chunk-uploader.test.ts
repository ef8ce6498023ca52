import { describe, expect, it } from 'vitest';
import { APIError } from '../errors';
import { ChunkUploadError } from './chunk-upload-error';
import { createChunkUploader, type AudioChunk, type NamedChunk, type UploadProgressEvent } from './chunk-uploader';

const chunk = (n: number) => new Uint8Array([n + 1]);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An async source that counts how many chunks were pulled. */
function countingSource(chunks: AudioChunk[]) {
  const state = { pulled: 0 };
  async function* generate() {
    for (const c of chunks) {
      state.pulled += 1;
      yield c;
    }
  }
  return { source: generate(), state };
}

/** A send function whose uploads the test completes by hand, measuring concurrency. */
function manualSend() {
  const calls: { chunk: NamedChunk; resolve: () => void; reject: (e: unknown) => void; signal: AbortSignal }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = (named: NamedChunk, options: { signal: AbortSignal }) =>
    new Promise<void>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => (inFlight -= 1);
      options.signal.addEventListener('abort', () => {
        done();
        reject(options.signal.reason);
      });
      calls.push({ chunk: named, resolve: () => (done(), resolve()), reject: (e) => (done(), reject(e)), signal: options.signal });
    });
  return { send, calls, stats: () => ({ inFlight, maxInFlight }) };
}

describe('createChunkUploader', () => {
  it('[#36] names chunks from startIndex, skips empty chunks without using an index, counts acks', async () => {
    const names: string[] = [];
    const uploader = createChunkUploader({ startIndex: 3, send: async (c) => void names.push(c.fileName) });
    const acked = await uploader.run([chunk(0), new Uint8Array(0), { bytes: chunk(1), durationSeconds: 2 }, { bytes: new Uint8Array(0) }, chunk(2)]);
    expect(names).toEqual(['chunk_3.wav', 'chunk_4.wav', 'chunk_5.wav']);
    expect(acked).toBe(3);
    expect(uploader.acknowledged).toBe(3);
    expect(uploader.nextIndex).toBe(6);
  });

  it('uses prefix and extension, and passes a known duration through', async () => {
    const seen: NamedChunk[] = [];
    await createChunkUploader({ prefix: 'visit', extension: 'webm', send: async (c) => void seen.push(c) }).run([{ bytes: chunk(0), durationSeconds: 4 }]);
    expect(seen[0]).toMatchObject({ fileName: 'visit_0.webm', index: 0, durationSeconds: 4 });
  });

  it('sequential by default: one in flight, in order', async () => {
    const m = manualSend();
    const { source, state } = countingSource([chunk(0), chunk(1), chunk(2)]);
    const run = createChunkUploader({ send: m.send }).run(source);
    await tick();
    expect(m.calls.map((c) => c.chunk.fileName)).toEqual(['chunk_0.wav']);
    expect(state.pulled).toBe(1);
    m.calls[0]!.resolve();
    await tick();
    m.calls[1]!.resolve();
    await tick();
    m.calls[2]!.resolve();
    await expect(run).resolves.toBe(3);
    expect(m.calls.map((c) => c.chunk.fileName)).toEqual(['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav']);
    expect(m.stats().maxInFlight).toBe(1);
  });

  it('bounded concurrency: never more than `concurrency` in flight, and never pulls ahead of it (backpressure)', async () => {
    const m = manualSend();
    const { source, state } = countingSource(Array.from({ length: 10 }, (_, i) => chunk(i)));
    const run = createChunkUploader({ send: m.send, concurrency: 3 }).run(source);
    await tick();
    expect(m.calls).toHaveLength(3);
    expect(state.pulled).toBe(3);
    // Complete out of order; each completion frees exactly one slot.
    m.calls[1]!.resolve();
    await tick();
    expect(state.pulled).toBe(4);
    expect(m.stats().inFlight).toBe(3);
    const settled = new Set([1]);
    while (settled.size < 10) {
      for (const c of m.calls.filter((call) => !settled.has(call.chunk.index))) {
        settled.add(c.chunk.index);
        c.resolve();
      }
      await tick();
      expect(state.pulled - settled.size).toBeLessThanOrEqual(3);
    }
    await expect(run).resolves.toBe(10);
    expect(m.stats().maxInFlight).toBe(3);
    expect(m.calls.map((c) => c.chunk.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('emits chunk-queued, chunk-uploaded and chunk-retried progress events', async () => {
    const events: UploadProgressEvent[] = [];
    const error = new APIError('HTTP 503', { status: 503, retryable: true });
    await createChunkUploader({
      onProgress: (e) => events.push(e),
      send: async (_c, o) => o.onRetry({ attempt: 1, delayMs: 500, error }),
    }).run([chunk(0)]);
    expect(events.map((e) => e.type)).toEqual(['chunk-queued', 'chunk-retried', 'chunk-uploaded']);
    expect(events[1]).toMatchObject({ fileName: 'chunk_0.wav', attempt: 1, delayMs: 500 });
    expect(events[2]).toMatchObject({ acknowledged: 1 });
  });

  it('a throwing progress callback does not break the upload', async () => {
    const acked = await createChunkUploader({ onProgress: () => { throw new Error('ui bug'); }, send: async () => undefined }).run([chunk(0)]);
    expect(acked).toBe(1);
  });

  it('a failure after retries stops pulling, lets in-flight uploads finish, and reports acknowledged and resumeIndex', async () => {
    const m = manualSend();
    const { source, state } = countingSource(Array.from({ length: 6 }, (_, i) => chunk(i)));
    const run = createChunkUploader({ send: m.send, concurrency: 3, startIndex: 10 }).run(source);
    run.catch(() => undefined);
    await tick();
    m.calls[0]!.resolve();
    await tick();
    m.calls[2]!.reject(new APIError('HTTP 503 after retries', { status: 503, retryable: true }));
    await tick();
    m.calls[1]!.resolve();
    m.calls[3]!.resolve();
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkUploadError);
    expect(error).toMatchObject({ code: 'api_error', status: 503, acknowledged: 3, resumeIndex: 12, fileName: 'chunk_12.wav' });
    expect((error as Error).message).toMatch(/resume with startIndex 12/);
    expect(state.pulled).toBe(4);
  });

  it('abort: stops pulling, cancels uploads in flight, throws with code aborted', async () => {
    const m = manualSend();
    const controller = new AbortController();
    const { source, state } = countingSource([chunk(0), chunk(1), chunk(2), chunk(3)]);
    const run = createChunkUploader({ send: m.send, concurrency: 2, signal: controller.signal }).run(source);
    run.catch(() => undefined);
    await tick();
    m.calls[0]!.resolve();
    await tick();
    controller.abort();
    const error = await run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aborted', acknowledged: 1, resumeIndex: 1 });
    expect(m.calls.every((c) => c.signal.aborted)).toBe(true);
    expect(state.pulled).toBe(3);
  });

  it("a caller's deadline signal (AbortSignal.timeout) ends the run with code timeout, progress kept", async () => {
    const m = manualSend();
    const controller = new AbortController();
    const run = createChunkUploader({ send: m.send, signal: controller.signal }).run([chunk(0), chunk(1)]);
    run.catch(() => undefined);
    await tick();
    m.calls[0]!.resolve();
    await tick();
    controller.abort(new DOMException('deadline', 'TimeoutError'));
    const error = await run.catch((e: unknown) => e);
    expect(ChunkUploadError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'timeout', acknowledged: 1, resumeIndex: 1 });
  });

  it('ChunkUploadError.is recognises the marker, not the class: other ScribeErrors and look-alikes are refused', () => {
    const error = new ChunkUploadError(new APIError('x'), { acknowledged: 0, resumeIndex: 0, fileName: undefined });
    expect(ChunkUploadError.is(error)).toBe(true);
    expect(ChunkUploadError.is(new APIError('x'))).toBe(false);
    expect(ChunkUploadError.is({ name: 'ChunkUploadError', acknowledged: 0 })).toBe(false);
    // A copy from another instance of the package carries the same global symbol.
    const foreign = Object.create(null) as Record<symbol, unknown>;
    foreign[Symbol.for('scribe-ts.error')] = true;
    foreign[Symbol.for('scribe-ts.chunk-upload-error')] = true;
    expect(ChunkUploadError.is(foreign)).toBe(true);
  });

  it('already aborted: nothing is pulled or sent', async () => {
    const { source, state } = countingSource([chunk(0)]);
    let sent = 0;
    const error = await createChunkUploader({ signal: AbortSignal.abort(), send: async () => void (sent += 1) }).run(source).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aborted', acknowledged: 0, resumeIndex: 0 });
    expect(state.pulled + sent).toBe(0);
  });

  it('a source that throws yields a typed error carrying the progress so far', async () => {
    async function* broken() {
      yield chunk(0);
      throw new Error('decoder exploded');
    }
    const error = await createChunkUploader({ send: async () => undefined }).run(broken()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkUploadError);
    expect(error).toMatchObject({ code: 'invalid_audio', acknowledged: 1, resumeIndex: 1 });
  });

  it('refuses a bad concurrency and a second run', async () => {
    expect(() => createChunkUploader({ send: async () => undefined, concurrency: 0 })).toThrow(expect.objectContaining({ code: 'validation_error' }));
    const uploader = createChunkUploader({ send: async () => undefined });
    await uploader.run([]);
    await expect(uploader.run([])).rejects.toMatchObject({ code: 'validation_error' });
  });
});

describe('createChunkUploader memory', () => {
  it('keeps no uploaded chunk reachable while later chunks upload (weak references cleared by a full GC)', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;

    const uploaded: WeakRef<Uint8Array>[] = [];
    let stillReachable = -1;
    async function* source() {
      for (let n = 0; n < 40; n += 1) {
        if (n === 30) {
          // WeakRefs survive until the current job ends, so let a macrotask pass before collecting.
          await new Promise((resolve) => setTimeout(resolve, 0));
          gc();
          stillReachable = uploaded.filter((ref) => ref.deref() !== undefined).length;
        }
        yield new Uint8Array(1024);
      }
    }
    const uploader = createChunkUploader({
      concurrency: 2,
      send: async (named) => {
        uploaded.push(new WeakRef(named.bytes));
        await tick();
      },
    });

    expect(await uploader.run(source())).toBe(40);
    // At chunk 30 at most the two uploads in flight may still be held, never the 28 finished before them.
    expect(stillReachable).toBeGreaterThanOrEqual(0);
    expect(stillReachable).toBeLessThanOrEqual(2);
  });
});
