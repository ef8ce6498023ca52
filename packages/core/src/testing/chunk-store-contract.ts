import { ScribeError } from '../errors';
import type { ChunkStore, QueuedChunk } from '../uploads/chunk-store';

/** Makes a fresh, empty store for one check. */
export type MakeChunkStore = () => ChunkStore | Promise<ChunkStore>;

/** Options of the contract checks. */
export interface ChunkStoreContractOptions {
  /**
   * Opens a second handle on the same storage as `store` (a new process or a reloaded tab would): the durability
   * check writes through one handle and reads through the other. Default: the same handle (which proves nothing
   * about durability: pass it for any durable store).
   */
  reopen?: (store: ChunkStore) => ChunkStore | Promise<ChunkStore>;
}

/** One rule of the ChunkStore port, as a framework-free async check that throws on a violation. */
export interface ChunkStoreCheck {
  /** What the rule says. */
  readonly name: string;
  /** Runs the check against a fresh store; throws an Error saying what was wrong. */
  run(makeStore: MakeChunkStore, options?: ChunkStoreContractOptions): Promise<void>;
}

/** The test functions `describeChunkStoreContract` registers with: pass vitest's (or mocha's, or jest's). */
export interface TestRegistrar {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

const SCOPE = 'eka http://127.0.0.1:1';
const bytesOf = (...values: number[]) => Uint8Array.from(values);
const chunk = (sessionId: string, index: number, bytes = bytesOf(index, index + 1, index + 2)): QueuedChunk => ({ sessionId, index, fileName: `chunk_${index}.wav`, bytes, durationSeconds: 1.5 });

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`ChunkStore contract: ${message}`);
}

function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

function sameBytes(actual: Uint8Array | undefined, expected: Uint8Array, what: string): void {
  check(actual instanceof Uint8Array, `${what}: expected a Uint8Array, got ${String(actual)}`);
  same([...actual!], [...expected], what);
}

async function rejects(promise: Promise<unknown>, code: string, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    check(ScribeError.is(error) && error.code === code, `${what}: expected a ScribeError with code ${code}, got ${String(error)}`);
    return;
  }
  check(false, `${what}: expected a rejection with code ${code}`);
}

/** Every rule of the port, in the order they are best read. */
export const CHUNK_STORE_CONTRACT: readonly ChunkStoreCheck[] = Object.freeze([
  {
    name: 'putSession creates a record with its counters at the start, getSession reads it back, a second putSession is refused',
    async run(make) {
      const store = await make();
      const record = await store.putSession({ sessionId: 'ses_a', scope: SCOPE, startIndex: 3, uploadUrl: 'http://x/audio', label: 'Visit', createdAt: 1000 });
      const expected = { sessionId: 'ses_a', scope: SCOPE, startIndex: 3, nextIndex: 3, acknowledged: 0, endRequested: false, uploadUrl: 'http://x/audio', label: 'Visit', createdAt: 1000 };
      for (const [key, value] of Object.entries(expected)) same(record[key as keyof typeof record], value, `putSession's record.${key}`);
      const read = await store.getSession('ses_a');
      for (const [key, value] of Object.entries(expected)) same(read?.[key as keyof typeof read], value, `getSession's record.${key}`);
      check(typeof read?.updatedAt === 'number', 'updatedAt is a number');
      same(await store.getSession('ses_missing'), undefined, 'getSession of an unknown session');
      await rejects(store.putSession({ sessionId: 'ses_a', scope: SCOPE }), 'validation_error', 'putSession of a session already held');
    },
  },
  {
    name: 'listSessions filters by scope and orders by createdAt, then session id',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_c', scope: SCOPE, createdAt: 30 });
      await store.putSession({ sessionId: 'ses_b', scope: SCOPE, createdAt: 10 });
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE, createdAt: 30 });
      await store.putSession({ sessionId: 'ses_other', scope: 'msa https://elsewhere', createdAt: 5 });
      same((await store.listSessions({ scope: SCOPE })).map((s) => s.sessionId), ['ses_b', 'ses_a', 'ses_c'], 'listSessions of one scope');
      same((await store.listSessions()).map((s) => s.sessionId), ['ses_other', 'ses_b', 'ses_a', 'ses_c'], 'listSessions of every scope');
    },
  },
  {
    name: 'putChunk stores exactly the bytes of the view (not its whole buffer) and raises nextIndex; getChunk reads them back',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE });
      const buffer = bytesOf(9, 9, 1, 2, 3, 9);
      await store.putChunk(chunk('ses_a', 0, buffer.subarray(2, 5)));
      const read = await store.getChunk('ses_a', 0);
      sameBytes(read?.bytes, bytesOf(1, 2, 3), 'getChunk bytes');
      same([read?.sessionId, read?.index, read?.fileName, read?.durationSeconds], ['ses_a', 0, 'chunk_0.wav', 1.5], 'getChunk fields');
      same((await store.getSession('ses_a'))?.nextIndex, 1, 'nextIndex after chunk 0');
      same(await store.getChunk('ses_a', 7), undefined, 'getChunk of an index not stored');
    },
  },
  {
    name: 'a chunk of a session without a record is refused with a ValidationError',
    async run(make) {
      const store = await make();
      await rejects(store.putChunk(chunk('ses_nobody', 0)), 'validation_error', 'putChunk without putSession');
    },
  },
  {
    name: 'listChunks orders by numeric index (chunk_10 after chunk_9), without bytes; nextIndex is one past the highest',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE });
      for (const index of [10, 2, 9, 1]) await store.putChunk(chunk('ses_a', index));
      const listed = await store.listChunks('ses_a');
      same(listed.map((c) => [c.index, c.fileName, c.byteLength, c.durationSeconds]), [[1, 'chunk_1.wav', 3, 1.5], [2, 'chunk_2.wav', 3, 1.5], [9, 'chunk_9.wav', 3, 1.5], [10, 'chunk_10.wav', 3, 1.5]], 'listChunks');
      check(listed.every((c) => !('bytes' in c)), 'listChunks carries no bytes');
      same((await store.getSession('ses_a'))?.nextIndex, 11, 'nextIndex');
      same(await store.listChunks('ses_missing'), [], 'listChunks of an unknown session');
    },
  },
  {
    name: 'putting an index again replaces the chunk (one chunk, the new bytes)',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE });
      await store.putChunk(chunk('ses_a', 0, bytesOf(1)));
      await store.putChunk(chunk('ses_a', 0, bytesOf(2, 2)));
      same((await store.listChunks('ses_a')).map((c) => c.byteLength), [2], 'chunks after a repeated put');
      sameBytes((await store.getChunk('ses_a', 0))?.bytes, bytesOf(2, 2), 'bytes after a repeated put');
    },
  },
  {
    name: 'acknowledgeChunk removes the chunk and counts it once; acknowledging it again, or an unknown one, changes nothing',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE });
      await store.putChunk(chunk('ses_a', 0));
      await store.putChunk(chunk('ses_a', 1));
      await store.acknowledgeChunk('ses_a', 0);
      await store.acknowledgeChunk('ses_a', 0);
      await store.acknowledgeChunk('ses_a', 5);
      await store.acknowledgeChunk('ses_missing', 0);
      same((await store.listChunks('ses_a')).map((c) => c.index), [1], 'chunks left');
      const record = await store.getSession('ses_a');
      same([record?.acknowledged, record?.nextIndex], [1, 2], '[acknowledged, nextIndex]');
      same(await store.getChunk('ses_a', 0), undefined, 'an acknowledged chunk');
    },
  },
  {
    name: 'updateSession sets endRequested and the label; unknown sessions are ignored',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE, label: 'before' });
      await store.updateSession('ses_a', { endRequested: true });
      await store.updateSession('ses_a', { label: 'after' });
      await store.updateSession('ses_missing', { endRequested: true });
      const record = await store.getSession('ses_a');
      same([record?.endRequested, record?.label], [true, 'after'], '[endRequested, label]');
      same(await store.getSession('ses_missing'), undefined, 'an unknown session after updateSession');
    },
  },
  {
    name: 'deleteSession removes the record and its chunks and nothing of other sessions',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE });
      await store.putSession({ sessionId: 'ses_b', scope: SCOPE });
      await store.putChunk(chunk('ses_a', 0));
      await store.putChunk(chunk('ses_b', 0));
      await store.deleteSession('ses_a');
      await store.deleteSession('ses_missing');
      same(await store.getSession('ses_a'), undefined, 'the deleted record');
      same(await store.listChunks('ses_a'), [], 'the deleted chunks');
      same(await store.getChunk('ses_a', 0), undefined, 'a deleted chunk');
      same((await store.listChunks('ses_b')).map((c) => c.index), [0], 'the other session');
      // The id may be used again afterwards.
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE });
      same(await store.listChunks('ses_a'), [], 'a re-created session starts empty');
    },
  },
  {
    name: 'reads are copies: changing what was passed in or returned changes nothing stored',
    async run(make) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE });
      const written = bytesOf(1, 2, 3);
      await store.putChunk(chunk('ses_a', 0, written));
      written[0] = 99;
      const read = await store.getChunk('ses_a', 0);
      read!.bytes[1] = 99;
      sameBytes((await store.getChunk('ses_a', 0))?.bytes, bytesOf(1, 2, 3), 'stored bytes after outside changes');
    },
  },
  {
    name: 'what was written through one handle is read through a reopened one (durability)',
    async run(make, options) {
      const store = await make();
      await store.putSession({ sessionId: 'ses_a', scope: SCOPE, startIndex: 2, createdAt: 5 });
      await store.putChunk(chunk('ses_a', 2, bytesOf(7, 8)));
      await store.putChunk(chunk('ses_a', 3));
      await store.acknowledgeChunk('ses_a', 3);
      await store.updateSession('ses_a', { endRequested: true });
      const other = options?.reopen ? await options.reopen(store) : store;
      const record = await other.getSession('ses_a');
      same([record?.startIndex, record?.nextIndex, record?.acknowledged, record?.endRequested, record?.createdAt], [2, 4, 1, true, 5], 'the reopened record');
      sameBytes((await other.getChunk('ses_a', 2))?.bytes, bytesOf(7, 8), 'the reopened chunk');
      same((await other.listChunks('ses_a')).map((c) => c.index), [2], 'the reopened chunk list');
    },
  },
]);

/**
 * Registers the port's contract as one test per rule: `describeChunkStoreContract('IndexedDB', makeStore, { describe,
 * it })` from a vitest file. The test functions are passed in so that `@scribe/core/testing` imports no test framework.
 */
export function describeChunkStoreContract(name: string, makeStore: MakeChunkStore, registrar: TestRegistrar, options: ChunkStoreContractOptions = {}): void {
  registrar.describe(`ChunkStore contract: ${name}`, () => {
    for (const rule of CHUNK_STORE_CONTRACT) registrar.it(rule.name, () => rule.run(makeStore, options));
  });
}
