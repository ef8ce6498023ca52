import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomAlphanumeric } from '../ids.js';

/**
 * Where everything lives under the data directory (see docs/server-storage.md):
 *
 *   jwt-secret                       HS256 signing key, created once (0600)
 *   refresh-tokens.json              SHA-256 hashes of live refresh tokens
 *   accounts.json                    optional accounts, read at start
 *   webhooks.json                    registered webhooks
 *   sessions/{business}/{session}/session.json
 *   sessions/{business}/{session}/audio/{file}
 *   tmp/                             uploads being received, the engine's work files; emptied at every start
 */
export class FileLayout {
  constructor(readonly root: string) {}

  /** The JWT signing secret. */
  get secretFile(): string {
    return join(this.root, 'jwt-secret');
  }

  /** Hashes of unused refresh tokens. */
  get refreshTokensFile(): string {
    return join(this.root, 'refresh-tokens.json');
  }

  /** Optional operator-provided accounts. */
  get accountsFile(): string {
    return join(this.root, 'accounts.json');
  }

  /** The webhook registry. */
  get webhooksFile(): string {
    return join(this.root, 'webhooks.json');
  }

  /** Scratch space: bodies being received and the transcriber's files (patient audio), emptied at every start. */
  get tmpDir(): string {
    return join(this.root, 'tmp');
  }

  /** Root of all session directories. */
  get sessionsDir(): string {
    return join(this.root, 'sessions');
  }

  /** One session's directory; business ids are hashed because they are arbitrary client strings. */
  sessionDir(businessId: string, sessionId: string): string {
    return join(this.sessionsDir, businessDirName(businessId), sessionId);
  }

  /** The session record. */
  sessionFile(businessId: string, sessionId: string): string {
    return join(this.sessionDir(businessId, sessionId), 'session.json');
  }

  /** A stored audio file, by its on-disk name. */
  audioFile(businessId: string, sessionId: string, diskName: string): string {
    return join(this.sessionDir(businessId, sessionId), 'audio', diskName);
  }
}

/** Directory name for a business: the first 32 hex digits of SHA-256 of its id. */
export function businessDirName(businessId: string): string {
  return createHash('sha256').update(businessId, 'utf8').digest('hex').slice(0, 32);
}

const PLAIN_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/**
 * On-disk name for an uploaded file: the file name itself when it is plain (never with a leading dot), else a hash. Uploaded names may hold any
 * printable ASCII up to 255 characters, which not every file system takes; the record keeps the real name.
 */
export function diskNameFor(fileName: string): string {
  if (PLAIN_FILE_NAME.test(fileName)) return fileName;
  return `file-${createHash('sha256').update(fileName, 'utf8').digest('hex').slice(0, 32)}.bin`;
}

/**
 * Temporary files start with `.tmp-`, a prefix no stored name can have: upload disk names never start with a dot
 * (see {@link diskNameFor}) and the server's own files are named by it. So the start-up sweep cannot take an
 * accepted upload (even one named `take.tmp-2_0.wav`) for a leftover.
 */
export const TEMPORARY_PREFIX = '.tmp-';

/** A fresh temporary name for a write of `name` in the same directory. */
function temporaryFileName(name: string): string {
  return `${TEMPORARY_PREFIX}${randomAlphanumeric(8)}-${name}`;
}

/** True for a leftover of an interrupted {@link writeFileAtomic}. */
export function isTemporaryFileName(name: string): boolean {
  return name.startsWith(TEMPORARY_PREFIX);
}

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn one: write a temporary
 * sibling, fsync it, rename over the target, then fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, temporaryFileName(basename(path)));
  const handle = await open(temporary, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes a rename in `directory` durable; file systems that refuse fsync on directories are let be. */
export async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic there.
  }
}

/** Reads and parses a JSON file, or `undefined` when it does not exist. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}
