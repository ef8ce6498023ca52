import { open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { randomAlphanumeric } from '../ids.js';
import type { UploadSource } from './upload-source.js';

/** An uploaded file in a scratch file of its own, ready to be checked and moved into the session. */
export interface UploadFile {
  path: string;
  bytes: number;
  /** The first bytes (at most 1 MiB): enough for the magic numbers and a WAV header. */
  head: Buffer;
}

const HEAD_BYTES = 1024 * 1024;

/**
 * Gives the upload's (non-empty) file a scratch file of its own under `scratchDir`: the spooled body itself, renamed,
 * when the file is the whole body (forms A and C), else a streamed copy of its range (a multipart part cut out of its
 * framing). Memory stays flat whatever the size.
 */
export async function isolateUploadFile(source: UploadSource, spoolBytes: number, scratchDir: string): Promise<UploadFile> {
  const path = join(scratchDir, `file-${randomAlphanumeric(16)}`);
  const { start, end } = source.file;
  if (end <= start) throw new Error('isolateUploadFile needs a non-empty file');
  if (start === 0 && end === spoolBytes) await rename(source.file.path, path);
  else await pipeline(createReadStream(source.file.path, { start, end: end - 1 }), createWriteStream(path, { mode: 0o600 }));
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, end - start));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return { path, bytes: end - start, head: head.subarray(0, bytesRead) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
