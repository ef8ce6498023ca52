import { describe, expect, it } from 'vitest';
import { describeChunkStoreContract } from '../testing/chunk-store-contract';
import { createMemoryChunkStore } from './create-memory-chunk-store';

describeChunkStoreContract('createMemoryChunkStore', () => createMemoryChunkStore(), { describe, it });

describe('createMemoryChunkStore: quota', () => {
  it('a chunk past quotaBytes is refused with ChunkStoreQuotaError and nothing of it is stored; space freed by acknowledgement is usable again', async () => {
    const store = createMemoryChunkStore({ quotaBytes: 5, now: () => 42 });
    await store.putSession({ sessionId: 'ses_a', scope: 's' });
    await store.putChunk({ sessionId: 'ses_a', index: 0, fileName: 'chunk_0.wav', bytes: new Uint8Array(3) });
    await expect(store.putChunk({ sessionId: 'ses_a', index: 1, fileName: 'chunk_1.wav', bytes: new Uint8Array(3) })).rejects.toMatchObject({
      name: 'ChunkStoreQuotaError',
      code: 'chunk_store_quota',
      details: { file_name: 'chunk_1.wav', quota_bytes: 5, stored_bytes: 3 },
    });
    expect((await store.listChunks('ses_a')).map((c) => c.index)).toEqual([0]);
    expect(await store.getSession('ses_a')).toMatchObject({ nextIndex: 1, updatedAt: 42 });
    await store.acknowledgeChunk('ses_a', 0);
    await store.putChunk({ sessionId: 'ses_a', index: 1, fileName: 'chunk_1.wav', bytes: new Uint8Array(5) });
    expect((await store.listChunks('ses_a')).map((c) => c.index)).toEqual([1]);
  });
});
