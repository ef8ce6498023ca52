import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/** A temporary copy of an input on disk; `remove()` deletes it (and its directory). */
export interface TempFile {
  /** Path of the copy. */
  path: string;
  /** Deletes the copy; safe to call more than once. */
  remove(): Promise<void>;
}

/**
 * Writes a byte stream to a fresh temporary file. Used for containers whose index may sit at the end (mp4 without
 * "faststart"), which neither mediabunny nor ffmpeg can read from a pipe: disk holds the bytes, not memory.
 */
export async function spoolToTempFile(chunks: AsyncIterable<Uint8Array>, extension: string, signal?: AbortSignal): Promise<TempFile> {
  const directory = await mkdtemp(join(tmpdir(), 'scribe-audio-'));
  const path = join(directory, `input.${extension || 'bin'}`);
  const remove = () => rm(directory, { recursive: true, force: true });
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path), { signal });
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, remove };
}
