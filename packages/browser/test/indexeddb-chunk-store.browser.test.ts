import { describe, expect, it } from 'vitest';
import { ChunkStoreQuotaError, ScribeError } from '@scribe/core';
import { describeChunkStoreContract } from '@scribe/core/testing';
import { createIndexedDbChunkStore, type IndexedDbChunkStore } from '../src/queue/indexeddb-chunk-store';
import { createQueueSessionLocks } from '../src/queue/queue-session-locks';

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

  it('Web Locks: a session held by one holder is refused to another until released; a released lock is free again', async () => {
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
    const { held } = await navigator.locks.query();
    expect((held ?? []).filter((lock) => lock.name?.includes(database))).toEqual([]);
  });
});
