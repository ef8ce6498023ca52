import { ChunkStoreQuotaError, ValidationError } from '../errors';
import type { ChunkStore, QueuedChunk, QueuedChunkInfo, QueuedSession } from './chunk-store';
import { newQueuedSessionRecord } from './new-queued-session-record';

/** Options of `createMemoryChunkStore`. */
export interface MemoryChunkStoreOptions {
  /** Total bytes of chunks the store may hold before `putChunk` fails with ChunkStoreQuotaError. Default: no limit. */
  quotaBytes?: number;
  /** Wall clock for `createdAt` / `updatedAt`, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

interface SessionEntry {
  record: QueuedSession;
  chunks: Map<number, QueuedChunk>;
}

/**
 * A ChunkStore in memory: chunks survive network loss but not a reload or a crash. It is what a session uses to keep
 * detection independent of the network where no durable storage is wired, and the reference for the port's rules.
 */
export function createMemoryChunkStore(options: MemoryChunkStoreOptions = {}): ChunkStore {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, SessionEntry>();
  let storedBytes = 0;

  const touch = (entry: SessionEntry, change: Partial<QueuedSession>) => {
    entry.record = Object.freeze({ ...entry.record, ...change, updatedAt: now() });
  };
  const copyChunk = (chunk: QueuedChunk): QueuedChunk =>
    Object.freeze({ sessionId: chunk.sessionId, index: chunk.index, fileName: chunk.fileName, bytes: chunk.bytes.slice(), durationSeconds: chunk.durationSeconds });

  return {
    async putSession(session) {
      if (sessions.has(session.sessionId)) throw alreadyQueued(session.sessionId);
      const record = Object.freeze(newQueuedSessionRecord(session, now));
      sessions.set(session.sessionId, { record, chunks: new Map() });
      return record;
    },
    async getSession(sessionId) {
      return sessions.get(sessionId)?.record;
    },
    async listSessions(listOptions = {}) {
      return [...sessions.values()]
        .map((entry) => entry.record)
        .filter((record) => listOptions.scope === undefined || record.scope === listOptions.scope)
        .sort((a, b) => a.createdAt - b.createdAt || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    },
    async updateSession(sessionId, change) {
      const entry = sessions.get(sessionId);
      if (!entry) return;
      touch(entry, {
        ...(change.endRequested !== undefined ? { endRequested: change.endRequested } : {}),
        ...(change.label !== undefined ? { label: change.label } : {}),
      });
    },
    async deleteSession(sessionId) {
      const entry = sessions.get(sessionId);
      if (!entry) return;
      for (const chunk of entry.chunks.values()) storedBytes -= chunk.bytes.byteLength;
      sessions.delete(sessionId);
    },
    async putChunk(chunk) {
      const entry = sessions.get(chunk.sessionId);
      if (!entry) throw new ValidationError(`No queued session ${chunk.sessionId}: open it with putSession before storing its chunks.`);
      const replaced = entry.chunks.get(chunk.index)?.bytes.byteLength ?? 0;
      const after = storedBytes - replaced + chunk.bytes.byteLength;
      if (options.quotaBytes !== undefined && after > options.quotaBytes) {
        throw new ChunkStoreQuotaError(`The chunk store is full: ${chunk.fileName} (${chunk.bytes.byteLength} bytes) does not fit in its ${options.quotaBytes}-byte quota.`, {
          details: { file_name: chunk.fileName, quota_bytes: options.quotaBytes, stored_bytes: storedBytes },
        });
      }
      entry.chunks.set(chunk.index, copyChunk(chunk));
      storedBytes = after;
      touch(entry, { nextIndex: Math.max(entry.record.nextIndex, chunk.index + 1) });
    },
    async getChunk(sessionId, index) {
      const chunk = sessions.get(sessionId)?.chunks.get(index);
      return chunk && copyChunk(chunk);
    },
    async listChunks(sessionId) {
      const entry = sessions.get(sessionId);
      if (!entry) return [];
      return [...entry.chunks.values()]
        .sort((a, b) => a.index - b.index)
        .map((chunk): QueuedChunkInfo => Object.freeze({ index: chunk.index, fileName: chunk.fileName, byteLength: chunk.bytes.byteLength, durationSeconds: chunk.durationSeconds }));
    },
    async acknowledgeChunk(sessionId, index) {
      const entry = sessions.get(sessionId);
      const chunk = entry?.chunks.get(index);
      if (!entry || !chunk) return;
      entry.chunks.delete(index);
      storedBytes -= chunk.bytes.byteLength;
      touch(entry, { acknowledged: entry.record.acknowledged + 1 });
    },
  };
}

/** The error of `putSession` for a session the store already holds (shared by the adapters for the same wording). */
export function alreadyQueued(sessionId: string): ValidationError {
  return new ValidationError(`Session ${sessionId} is already in the chunk queue: resume it (resumePendingSessions) or delete it first.`, {
    details: { session_id: sessionId },
  });
}
