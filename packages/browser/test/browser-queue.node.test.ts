import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { chunkQueueScope } from '@scribe/core';
import { createBrowserClient } from '../src/client/browser-client';
import { createIndexedDbChunkStore } from '../src/queue/indexeddb-chunk-store';

// The client's queue wiring in Node, on fake-indexeddb (no Web Locks here: core's in-realm exclusion applies). The
// behaviour against the real relay and server, with locks, is in durable-queue.browser.test.ts.

const relayUrl = 'https://app.example.com/api/scribe';
const noNetwork: typeof fetch = async () => {
  throw new TypeError('no network in this test');
};

describe('BrowserScribeClient queue options', () => {
  it("pendingSessions lists the sessions of the client's own scope only, from the database named in queue.database", async () => {
    const database = 'client-scope-test';
    const client = createBrowserClient({ relayUrl, fetch: noNetwork, queue: { database } });
    const store = createIndexedDbChunkStore({ database });
    await store.putSession({ sessionId: 'rs1.mine', scope: chunkQueueScope(client.config), label: 'Visit', createdAt: 2 });
    await store.putSession({ sessionId: 'other-service', scope: 'eka https://elsewhere.example.com', createdAt: 1 });
    expect(chunkQueueScope(client.config)).toBe(`eka ${relayUrl}`);
    expect((await client.pendingSessions()).map((s) => [s.sessionId, s.label])).toEqual([['rs1.mine', 'Visit']]);
    // Another database is another queue.
    const elsewhere = createBrowserClient({ relayUrl, fetch: noNetwork, queue: { database: 'another-db' } });
    expect(await elsewhere.pendingSessions()).toEqual([]);
    await Promise.all([client.close(), elsewhere.close()]);
    store.close();
  });

  it('queue: false keeps chunks in memory only: nothing pending, nothing to resume; a closed client refuses resumePending', async () => {
    const client = createBrowserClient({ relayUrl, fetch: noNetwork, queue: false, resumePendingOnLoad: true });
    expect(client.initialResume).toBeUndefined();
    expect(await client.pendingSessions()).toEqual([]);
    expect(await client.resumePending()).toEqual([]);
    await client.close();
    await expect(client.resumePending()).rejects.toMatchObject({ code: 'session_state' });
  });
});
