import { ValidationError } from '../errors';

/** Options of `chunkFileName`. */
export interface ChunkFileNameOptions {
  /** Name prefix, one per session. Default `chunk`. */
  prefix?: string;
  /** Extension without the dot. Default `wav`. */
  extension?: string;
}

const CHUNK_NAME = /^(.+)_(0|[1-9][0-9]*)\.([A-Za-z0-9]+)$/;

/**
 * The file name of chunk `index` per contract 5.2: `{prefix}_{index}.{ext}`, decimal and not zero-padded, because the
 * server orders chunks by that numeric suffix (`chunk_10.wav` after `chunk_9.wav`).
 */
export function chunkFileName(index: number, options: ChunkFileNameOptions = {}): string {
  const prefix = options.prefix ?? 'chunk';
  const extension = options.extension ?? 'wav';
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new ValidationError(`Chunk index must be a non-negative integer, got ${String(index)}.`);
  }
  if (!prefix || /[/\\]/.test(prefix)) throw new ValidationError(`Invalid chunk prefix "${prefix}".`);
  if (!/^[A-Za-z0-9]+$/.test(extension)) throw new ValidationError(`Invalid chunk extension "${extension}".`);
  return `${prefix}_${index}.${extension}`;
}

/** Reads `{prefix, index, extension}` back from a chunk name, or undefined when the name does not follow 5.2. */
export function parseChunkFileName(fileName: string): { prefix: string; index: number; extension: string } | undefined {
  const match = CHUNK_NAME.exec(fileName);
  if (!match) return undefined;
  return { prefix: match[1]!, index: Number(match[2]), extension: match[3]! };
}

/** The lower-cased extension of a file name without the dot (`""` when there is none). */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}
