import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChunkStore } from '@scribe/core';
import { describeChunkStoreContract } from '@scribe/core/testing';
import { createFileChunkStore } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';

const directories = new WeakMap<ChunkStore, string>();
function makeStore(): ChunkStore {
  const dir = createTempDirectory();
  const store = createFileChunkStore(dir);
  directories.set(store, dir);
  return store;
}

describeChunkStoreContract('createFileChunkStore', makeStore, { describe, it }, { reopen: (store) => createFileChunkStore(directories.get(store)!) });

describe('createFileChunkStore: on disk', () => {
  it('a chunk is one file until acknowledged, then an empty marker; no temporary file is left; deleteSession leaves nothing', async () => {
    const dir = createTempDirectory();
    const store = createFileChunkStore(dir);
    await store.putSession({ sessionId: 'ses/../odd id', scope: 's' });
    await store.putChunk({ sessionId: 'ses/../odd id', index: 0, fileName: 'chunk_0.wav', bytes: new Uint8Array([1, 2]) });
    await store.putChunk({ sessionId: 'ses/../odd id', index: 1, fileName: 'chunk_1.wav', bytes: new Uint8Array([3]) });
    await store.acknowledgeChunk('ses/../odd id', 0);
    const [sessionDir] = readdirSync(join(dir, 'sessions'));
    expect(readdirSync(join(dir, 'sessions', sessionDir!)).sort()).toEqual(['0.ack', '1.chunk', 'session.json']);
    expect(await store.getSession('ses/../odd id')).toMatchObject({ nextIndex: 2, acknowledged: 1 });
    await store.deleteSession('ses/../odd id');
    expect(readdirSync(join(dir, 'sessions'))).toEqual([]);
  });
});
