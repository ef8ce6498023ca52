import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  alreadyQueued,
  ChunkStoreQuotaError,
  ValidationError,
  type ChunkStore,
  type QueuedChunk,
  type QueuedChunkInfo,
  type QueuedSession,
} from '@scribe/core/internal';

/** What `session.json` holds; counters are derived from the chunk files so that every write stays one atomic step. */
interface SessionFile {
  sessionId: string;
  scope: string;
  startIndex: number;
  endRequested: boolean;
  uploadUrl?: string;
  label?: string;
  createdAt: number;
  updatedAt: number;
}

/** The header line of a chunk file, followed by the chunk's bytes. */
interface ChunkHeader {
  fileName: string;
  durationSeconds?: number;
}

const CHUNK = /^(0|[1-9][0-9]*)\.chunk$/;
const ACK = /^(0|[1-9][0-9]*)\.ack$/;

/**
 * A ChunkStore on the file system, for a Node process that must survive `kill -9`: one directory per session under
 * `dir/sessions/`, a `session.json`, one `{index}.chunk` file per waiting chunk and an empty `{index}.ack` marker per
 * acknowledged one. Every write goes to a temporary file that is fsynced, renamed into place, and its directory
 * fsynced, so a crash leaves the old state or the new one. `nextIndex` and `acknowledged` are read from the file names
 * (one past the highest chunk or marker; the number of markers), which is why storing a chunk is one rename and
 * acknowledging one is one file creation. A full disk (ENOSPC, EDQUOT) is a ChunkStoreQuotaError.
 */
export function createFileChunkStore(dir: string): ChunkStore {
  const sessionsDir = join(dir, 'sessions');
  const sessionDir = (sessionId: string) => join(sessionsDir, `s-${Buffer.from(sessionId, 'utf8').toString('base64url')}`);

  async function readSessionFile(sessionId: string): Promise<SessionFile | undefined> {
    try {
      return JSON.parse(await readFile(join(sessionDir(sessionId), 'session.json'), 'utf8')) as SessionFile;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async function record(file: SessionFile): Promise<QueuedSession> {
    const path = sessionDir(file.sessionId);
    const names = await readdir(path).catch(() => [] as string[]);
    const chunks = indexesOf(names, CHUNK);
    const acks = indexesOf(names, ACK);
    const highest = Math.max(file.startIndex - 1, ...chunks, ...acks);
    const changedAt = (await stat(path).catch(() => undefined))?.mtimeMs ?? 0;
    return Object.freeze({
      sessionId: file.sessionId,
      scope: file.scope,
      startIndex: file.startIndex,
      nextIndex: highest + 1,
      acknowledged: acks.length,
      endRequested: file.endRequested,
      uploadUrl: file.uploadUrl,
      label: file.label,
      createdAt: file.createdAt,
      updatedAt: Math.max(file.updatedAt, Math.round(changedAt)),
    });
  }

  async function chunkState(sessionId: string, index: number): Promise<{ stored: boolean; acknowledged: boolean }> {
    const path = sessionDir(sessionId);
    const [stored, acknowledged] = await Promise.all([exists(join(path, `${index}.chunk`)), exists(join(path, `${index}.ack`))]);
    return { stored: stored && !acknowledged, acknowledged };
  }

  async function readChunk(sessionId: string, index: number): Promise<QueuedChunk | undefined> {
    let data: Buffer;
    try {
      data = await readFile(join(sessionDir(sessionId), `${index}.chunk`));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const newline = data.indexOf(0x0a);
    const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as ChunkHeader;
    const bytes = new Uint8Array(data.byteLength - newline - 1);
    bytes.set(data.subarray(newline + 1));
    return Object.freeze({ sessionId, index, fileName: header.fileName, bytes, durationSeconds: header.durationSeconds });
  }

  return {
    async putSession(session) {
      if (await readSessionFile(session.sessionId)) throw alreadyQueued(session.sessionId);
      const path = sessionDir(session.sessionId);
      // A directory without session.json is a putSession a crash interrupted (or a deleted session's leftovers).
      await rm(path, { recursive: true, force: true });
      await mkdir(path, { recursive: true });
      const at = session.createdAt ?? Date.now();
      const file: SessionFile = {
        sessionId: session.sessionId,
        scope: session.scope,
        startIndex: session.startIndex ?? 0,
        endRequested: false,
        ...(session.uploadUrl !== undefined ? { uploadUrl: session.uploadUrl } : {}),
        ...(session.label !== undefined ? { label: session.label } : {}),
        createdAt: at,
        updatedAt: at,
      };
      await writeAtomically(path, 'session.json', [Buffer.from(JSON.stringify(file))]);
      await syncDirectory(sessionsDir);
      return record(file);
    },
    async getSession(sessionId) {
      const file = await readSessionFile(sessionId);
      return file && record(file);
    },
    async listSessions(options = {}) {
      const entries = await readdir(sessionsDir).catch(() => [] as string[]);
      const records: QueuedSession[] = [];
      for (const entry of entries) {
        // A removal a crash interrupted: the session was already gone (deleteSession renames first).
        if (entry.startsWith('.trash-')) await rm(join(sessionsDir, entry), { recursive: true, force: true });
        if (!entry.startsWith('s-')) continue;
        const sessionId = Buffer.from(entry.slice(2), 'base64url').toString('utf8');
        const file = await readSessionFile(sessionId);
        if (file && (options.scope === undefined || file.scope === options.scope)) records.push(await record(file));
      }
      return records.sort((a, b) => a.createdAt - b.createdAt || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    },
    async updateSession(sessionId, change) {
      const file = await readSessionFile(sessionId);
      if (!file) return;
      const next: SessionFile = {
        ...file,
        ...(change.endRequested !== undefined ? { endRequested: change.endRequested } : {}),
        ...(change.label !== undefined ? { label: change.label } : {}),
        updatedAt: Date.now(),
      };
      await writeAtomically(sessionDir(sessionId), 'session.json', [Buffer.from(JSON.stringify(next))]);
    },
    async deleteSession(sessionId) {
      const path = sessionDir(sessionId);
      const trash = join(sessionsDir, `.trash-${randomBytes(6).toString('hex')}`);
      try {
        await rename(path, trash); // one step: the session is gone, whatever the removal below leaves behind
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      await syncDirectory(sessionsDir);
      await rm(trash, { recursive: true, force: true });
    },
    async putChunk(chunk) {
      if (!(await readSessionFile(chunk.sessionId))) throw new ValidationError(`No queued session ${chunk.sessionId}: open it with putSession before storing its chunks.`);
      const path = sessionDir(chunk.sessionId);
      const header: ChunkHeader = { fileName: chunk.fileName, ...(chunk.durationSeconds !== undefined ? { durationSeconds: chunk.durationSeconds } : {}) };
      try {
        await writeAtomically(path, `${chunk.index}.chunk`, [Buffer.from(`${JSON.stringify(header)}\n`), chunk.bytes]);
      } catch (error) {
        if (isDiskFull(error)) {
          throw new ChunkStoreQuotaError(`The chunk queue's disk is full: ${chunk.fileName} (${chunk.bytes.byteLength} bytes) could not be written under ${dir}.`, {
            cause: error,
            details: { file_name: chunk.fileName },
          });
        }
        throw error;
      }
      // A chunk stored again after its acknowledgement waits again.
      await unlink(join(path, `${chunk.index}.ack`)).catch(() => undefined);
    },
    async getChunk(sessionId, index) {
      return (await chunkState(sessionId, index)).acknowledged ? undefined : readChunk(sessionId, index);
    },
    async listChunks(sessionId) {
      const path = sessionDir(sessionId);
      const names = await readdir(path).catch(() => [] as string[]);
      const acks = new Set(indexesOf(names, ACK));
      const out: QueuedChunkInfo[] = [];
      for (const index of indexesOf(names, CHUNK).filter((i) => !acks.has(i)).sort((a, b) => a - b)) {
        const info = await readChunkInfo(join(path, `${index}.chunk`), index);
        if (info) out.push(info);
      }
      return out;
    },
    async acknowledgeChunk(sessionId, index) {
      const { stored } = await chunkState(sessionId, index);
      if (!stored) return;
      const path = sessionDir(sessionId);
      // The marker is the acknowledgement (one atomic write); removing the bytes afterwards is housekeeping.
      await writeAtomically(path, `${index}.ack`, []);
      await unlink(join(path, `${index}.chunk`)).catch(() => undefined);
    },
  };
}

// Only the header line and the size: listing a long queue must not read every chunk's audio.
async function readChunkInfo(path: string, index: number): Promise<QueuedChunkInfo | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 4096));
    const { bytesRead } = await handle.read(head, 0, head.byteLength, 0);
    const newline = head.subarray(0, bytesRead).indexOf(0x0a);
    const header = JSON.parse(head.subarray(0, newline).toString('utf8')) as ChunkHeader;
    return Object.freeze({ index, fileName: header.fileName, byteLength: size - newline - 1, durationSeconds: header.durationSeconds });
  } finally {
    await handle.close();
  }
}

// Write to a temporary name, fsync, rename over the target, fsync the directory: all or nothing across a crash.
async function writeAtomically(directory: string, name: string, parts: readonly Uint8Array[]): Promise<void> {
  const temporary = join(directory, `.tmp-${randomBytes(6).toString('hex')}`);
  const handle = await open(temporary, 'w');
  try {
    for (const part of parts) if (part.byteLength > 0) await handle.write(part);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temporary, join(directory, name));
  await syncDirectory(directory);
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function indexesOf(names: readonly string[], pattern: RegExp): number[] {
  const out: number[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (match) out.push(Number(match[1]));
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ENOENT';
}

function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
