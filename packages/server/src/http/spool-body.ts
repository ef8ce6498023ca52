import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { randomAlphanumeric } from '../ids.js';
import { ClientGoneError } from './request-body.js';

/** A request body written to a scratch file as it arrived, truncated at a limit (issue 11 item 10). */
export interface SpooledBody {
  /** The scratch file; deleted by `discard` unless a handler moved it away. */
  path: string;
  /** Bytes in the file: at most the limit. */
  kept: number;
  /** Bytes the client sent, which may exceed `kept` when over the limit. */
  size: number;
  overLimit: boolean;
  /** Removes the scratch file (a no-op once it was moved). */
  discard(): Promise<void>;
}

/**
 * Streams a body to a fresh file under `directory`, keeping at most `limit` bytes, so an upload costs the server a
 * socket buffer rather than its size in memory. Like `readBody` it drains the rest past the limit, so the checks
 * the contract orders before the size check still run and the connection stays reusable. Backpressure from the disk
 * pauses the socket. Rejects with `ClientGoneError` (and removes the file) when the client goes away mid-body.
 */
export async function spoolBody(req: IncomingMessage, limit: number, directory: string): Promise<SpooledBody> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, `upload-${randomAlphanumeric(16)}`);
  const discard = () => rm(path, { force: true });
  const file = createWriteStream(path, { mode: 0o600 });
  let kept = 0;
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        req.unpipe();
        file.destroy();
        reject(error);
      };
      file.on('error', fail);
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (kept >= limit) return;
        const slice = kept + chunk.length > limit ? chunk.subarray(0, limit - kept) : chunk;
        kept += slice.length;
        if (!file.write(slice)) {
          req.pause();
          file.once('drain', () => req.resume());
        }
      });
      req.on('end', () => file.end(() => resolve()));
      req.on('aborted', () => fail(new ClientGoneError()));
      req.on('error', () => fail(new ClientGoneError()));
    });
  } catch (error) {
    await discard();
    throw error;
  }
  return { path, kept, size, overLimit: size > limit, discard };
}
