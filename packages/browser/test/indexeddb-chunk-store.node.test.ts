import 'fake-indexeddb/auto';
import { describe, it } from 'vitest';
import { describeChunkStoreContract } from '@scribe/core/testing';
import { createIndexedDbChunkStore, type IndexedDbChunkStore } from '../src/queue/indexeddb-chunk-store';

// The same contract in Node on fake-indexeddb: quick feedback for the store's logic. Durability across a reload is
// proven in Chromium (indexeddb-chunk-store.browser.test.ts), not here.

let counter = 0;

describeChunkStoreContract('IndexedDB (fake-indexeddb)', () => createIndexedDbChunkStore({ database: `contract-${counter++}` }), { describe, it }, {
  reopen: (store) => createIndexedDbChunkStore({ database: (store as IndexedDbChunkStore).database }),
});
