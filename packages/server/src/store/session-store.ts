import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FileLayout, isTemporaryFileName, readJsonFile, syncDirectory, writeFileAtomic } from './file-layout.js';
import type { SessionRecord } from './session-record.js';

/** A temporary `session.json` of the earlier naming (`session.json.tmp-XXXXXXXX`). */
const LEGACY_RECORD_TEMPORARY = /^session\.json\.tmp-[A-Za-z0-9]{8}$/;

/** Map key of a session: ids are unique per business only (contract 2.4 `session_id`). */
export function sessionKey(businessId: string, sessionId: string): string {
  return `${businessId}\u0000${sessionId}`;
}

/**
 * Sessions in memory, mirrored to one `session.json` per session. Every change goes through `withLock`, so the
 * checks of an upload or an end and the write that follows them see one consistent state.
 */
export class SessionStore {
  private readonly records = new Map<string, SessionRecord>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly layout: FileLayout,
    private readonly log: (line: string) => void,
  ) {}

  /** Scratch space under the data directory (`tmp/`, emptied at start-up): uploads being checked, engine files. */
  get scratchDir(): string {
    return this.layout.tmpDir;
  }

  /** Reads every `session.json` under the data directory; unreadable ones are logged and skipped. */
  async load(): Promise<number> {
    for (const business of await listDirectory(this.layout.sessionsDir)) {
      for (const session of await listDirectory(join(this.layout.sessionsDir, business))) {
        const file = join(this.layout.sessionsDir, business, session, 'session.json');
        try {
          const record = (await readJsonFile(file)) as SessionRecord | undefined;
          if (record?.formatVersion === 1) this.records.set(sessionKey(record.businessId, record.sessionId), record);
        } catch (error) {
          this.log(`skipping unreadable ${file}: ${(error as Error).message}`);
        }
      }
    }
    return this.records.size;
  }

  /** The current record (treat it as read-only: change it through `save`). */
  get(businessId: string, sessionId: string): SessionRecord | undefined {
    return this.records.get(sessionKey(businessId, sessionId));
  }

  /** Every record, in no particular order. */
  all(): SessionRecord[] {
    return [...this.records.values()];
  }

  /** Runs `fn` after every earlier `withLock` call for the same session has finished. */
  withLock<T>(businessId: string, sessionId: string, fn: () => Promise<T>): Promise<T> {
    const key = sessionKey(businessId, sessionId);
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return run;
  }

  /** Persists a record atomically, then makes it current and wakes long-polls. Call inside `withLock`. */
  async save(record: SessionRecord): Promise<void> {
    await writeFileAtomic(this.layout.sessionFile(record.businessId, record.sessionId), `${JSON.stringify(record, null, 2)}\n`);
    const key = sessionKey(record.businessId, record.sessionId);
    this.records.set(key, record);
    for (const listener of this.listeners.get(key) ?? []) listener();
  }

  /** Stores audio bytes durably under the session (call before saving the record that lists them). */
  async writeAudio(record: SessionRecord, diskName: string, bytes: Uint8Array): Promise<void> {
    await writeFileAtomic(this.layout.audioFile(record.businessId, record.sessionId, diskName), bytes);
  }

  /**
   * Stores an audio file that is already on disk (an upload spooled under the data directory's `tmp/`, same file
   * system): fsync it, rename it into place, fsync the directory. Call before saving the record that lists it.
   */
  async moveAudioIn(record: SessionRecord, diskName: string, sourcePath: string): Promise<void> {
    const target = this.layout.audioFile(record.businessId, record.sessionId, diskName);
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(sourcePath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(sourcePath, target);
    await syncDirectory(dirname(target));
  }

  /** Where a stored audio file is on disk (engines that read files themselves, such as ffmpeg for an MP4). */
  audioPath(record: SessionRecord, diskName: string): string {
    return this.layout.audioFile(record.businessId, record.sessionId, diskName);
  }

  /** Reads a stored audio file back. */
  readAudio(record: SessionRecord, diskName: string): Promise<Buffer> {
    return readFile(this.layout.audioFile(record.businessId, record.sessionId, diskName));
  }

  /** Resolves when the session is saved again, after `timeoutMs`, or when `signal` aborts. */
  waitForChange(businessId: string, sessionId: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const key = sessionKey(businessId, sessionId);
    return new Promise((resolve) => {
      const set = this.listeners.get(key) ?? new Set();
      this.listeners.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.listeners.delete(key);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      set.add(done);
      signal.addEventListener('abort', done, { once: true });
      if (signal.aborted) done();
    });
  }

  /** Waits for every pending locked operation (used on close). */
  async drain(): Promise<void> {
    while (this.locks.size > 0) await Promise.all([...this.locks.values()]);
  }

  /**
   * Deletes leftovers of writes interrupted by a crash: `.tmp-*` files, and `session.json.tmp-*` left by versions
   * that named temporary files after their target (only beside the record: in `audio/` such a name may be an upload).
   */
  async removeTemporaryFiles(): Promise<void> {
    for (const business of await listDirectory(this.layout.sessionsDir)) {
      for (const session of await listDirectory(join(this.layout.sessionsDir, business))) {
        const directory = join(this.layout.sessionsDir, business, session);
        for (const name of await listDirectory(directory)) {
          if (isTemporaryFileName(name) || LEGACY_RECORD_TEMPORARY.test(name)) await rm(join(directory, name), { force: true });
        }
        for (const name of await listDirectory(join(directory, 'audio'))) {
          if (isTemporaryFileName(name)) await rm(join(directory, 'audio', name), { force: true });
        }
      }
    }
  }
}

async function listDirectory(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch {
    return [];
  }
}
