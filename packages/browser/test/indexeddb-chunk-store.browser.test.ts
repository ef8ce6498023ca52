import { describe, expect, it } from 'vitest';
import { ChunkStoreQuotaError, ScribeError } from '@scribe/core';
import { describeChunkStoreContract } from '@scribe/core/testing';
import { createIndexedDbChunkStore, type IndexedDbChunkStore } from '../src/queue/indexeddb-chunk-store';
import { createQueueSessionLocks } from '../src/queue/queue-session-locks';
import { commands } from './support/browser-commands';

// Core's ChunkStore contract against IndexedDB in real Chromium: `reopen` opens the same database by name through a
// second connection, as a reloaded tab would.

let counter = 0;
const uniqueName = () => `scribe-contract-${Date.now()}-${counter++}`;

describeChunkStoreContract('IndexedDB (Chromium)', () => createIndexedDbChunkStore({ database: uniqueName() }), { describe, it }, {
  reopen: (store) => createIndexedDbChunkStore({ database: (store as IndexedDbChunkStore).database }),
});

describe('createIndexedDbChunkStore in Chromium', () => {
  it('two object stores, sessions keyed by id and chunks by [sessionId, index], holding exactly the stored bytes', async () => {
    const database = uniqueName();
    const store = createIndexedDbChunkStore({ database });
    await store.putSession({ sessionId: 'ses_a', scope: 's' });
    await store.putChunk({ sessionId: 'ses_a', index: 0, fileName: 'chunk_0.wav', bytes: Uint8Array.of(9, 1, 2, 9).subarray(1, 3) });
    store.close();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(database);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    expect([...db.objectStoreNames]).toEqual(['chunks', 'sessions']);
    const tx = db.transaction(['chunks', 'sessions']);
    expect(tx.objectStore('chunks').keyPath).toEqual(['sessionId', 'index']);
    expect(tx.objectStore('sessions').keyPath).toBe('sessionId');
    const chunk = await new Promise<{ bytes: Uint8Array }>((resolve) => {
      const get = tx.objectStore('chunks').get(['ses_a', 0]);
      get.onsuccess = () => resolve(get.result as { bytes: Uint8Array });
    });
    expect([...chunk.bytes]).toEqual([1, 2]);
    expect(chunk.bytes.buffer.byteLength).toBe(2);
    db.close();
  });

  it('after close() every call rejects with SessionStateError; a new store on the same database reads what was written', async () => {
    const database = uniqueName();
    const store = createIndexedDbChunkStore({ database });
    await store.putSession({ sessionId: 'ses_a', scope: 's' });
    store.close();
    store.close();
    await expect(store.putChunk({ sessionId: 'ses_a', index: 0, fileName: 'chunk_0.wav', bytes: Uint8Array.of(1) })).rejects.toMatchObject({ code: 'session_state' });
    await expect(store.listSessions()).rejects.toMatchObject({ code: 'session_state' });
    const again = createIndexedDbChunkStore({ database });
    expect((await again.listSessions()).map((s) => [s.sessionId, s.nextIndex])).toEqual([['ses_a', 0]]);
    again.close();
  });

  it("a storage quota refusal is a ChunkStoreQuotaError and nothing of that chunk is stored", async () => {
    const store = createIndexedDbChunkStore({ database: uniqueName() });
    await store.putSession({ sessionId: 'ses_a', scope: 's' });
    await store.putChunk({ sessionId: 'ses_a', index: 0, fileName: 'chunk_0.wav', bytes: Uint8Array.of(1) });
    // Chromium's real quota is far above what a test may write, so the refusal is the one IndexedDB raises: the
    // transaction aborts with a QuotaExceededError. The put below is made to abort that way at the object store.
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'chunks') {
        const request = original.call(this, value, key);
        queueMicrotask(() => this.transaction.abort());
        Object.defineProperty(this.transaction, 'error', { value: new DOMException('quota', 'QuotaExceededError') });
        return request;
      }
      return original.call(this, value, key);
    };
    let error: unknown;
    try {
      await store.putChunk({ sessionId: 'ses_a', index: 1, fileName: 'chunk_1.wav', bytes: new Uint8Array(1024) });
    } catch (caught) {
      error = caught;
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(error).toBeInstanceOf(ChunkStoreQuotaError);
    expect(ScribeError.is(error) && error.code).toBe('chunk_store_quota');
    expect((error as ScribeError).details).toMatchObject({ file_name: 'chunk_1.wav', byte_length: 1024 });
    // The transaction covered both stores: neither the chunk nor the raised nextIndex was written.
    expect((await store.listChunks('ses_a')).map((c) => c.index)).toEqual([0]);
    expect((await store.getSession('ses_a'))?.nextIndex).toBe(1);
    expect(await store.getChunk('ses_a', 1)).toBeUndefined();
  });

  it('Web Locks: a session held by one holder is refused to another (in this tab and in a second tab) until released', async () => {
    const database = uniqueName();
    const tabA = createQueueSessionLocks(database);
    const tabB = createQueueSessionLocks(database);
    expect(tabA.enforced).toBe(true);
    const release = await tabA.hold('ses_a');
    expect(release).toBeTypeOf('function');
    expect(await tabB.hold('ses_a')).toBeUndefined();
    const other = await tabB.hold('ses_b');
    expect(other).toBeTypeOf('function');
    await release!();
    const again = await tabB.hold('ses_a');
    expect(again).toBeTypeOf('function');
    await again!();
    await other!();
    // A real second tab of the origin (opened by Playwright) cannot take a lock this tab holds, and can once released.
    const hold = await tabA.hold('ses_tab');
    expect(await commands.lockAvailableInOtherTab(location.origin, `scribe-queue:${database}:ses_tab`)).toBe(false);
    await hold!();
    expect(await commands.lockAvailableInOtherTab(location.origin, `scribe-queue:${database}:ses_tab`)).toBe(true);
    const { held } = await navigator.locks.query();
    expect((held ?? []).filter((lock) => lock.name?.includes(database))).toEqual([]);
  });
});

describe('cost in Chromium', () => {
  it('50 chunks of 320 kB (10 s of 16 kHz speech each): put, list, read and acknowledge times', async () => {
    const store = createIndexedDbChunkStore({ database: uniqueName() });
    await store.putSession({ sessionId: 'ses_cost', scope: 's' });
    const bytes = new Uint8Array(320_000).map((_, i) => i % 251);
    const times = { put: [] as number[], ack: [] as number[] };
    for (let index = 0; index < 50; index++) {
      const started = performance.now();
      await store.putChunk({ sessionId: 'ses_cost', index, fileName: `chunk_${index}.wav`, bytes, durationSeconds: 10 });
      times.put.push(performance.now() - started);
    }
    let started = performance.now();
    const listed = await store.listChunks('ses_cost');
    const listMs = performance.now() - started;
    started = performance.now();
    const read = await store.getChunk('ses_cost', 49);
    const readMs = performance.now() - started;
    for (const chunk of listed) {
      const at = performance.now();
      await store.acknowledgeChunk('ses_cost', chunk.index);
      times.ack.push(performance.now() - at);
    }
    expect(listed).toHaveLength(50);
    expect(read?.bytes.byteLength).toBe(320_000);
    expect((await store.getSession('ses_cost'))?.acknowledged).toBe(50);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1);
    const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!.toFixed(1);
    console.log(
      `[measured] IndexedDB queue, 50 x 320 kB: putChunk median ${median(times.put)} ms (p95 ${p95(times.put)}), acknowledgeChunk median ${median(times.ack)} ms (p95 ${p95(times.ack)}), listChunks(50) ${listMs.toFixed(1)} ms, getChunk ${readMs.toFixed(1)} ms`,
    );
    store.close();
  });
});
