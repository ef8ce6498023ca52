import { createReadStream, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { InvalidAudioError } from '@scribe/core';

/** Audio to decode: a file path or `file:` URL, a whole file's bytes, or a stream of a file's bytes (any Readable). */
export type AudioInput = string | URL | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** An input opened for decoding: its first bytes for format detection, and the whole of it as pieces. */
export interface OpenedAudioInput {
  /** How messages name it: the path, or "the audio bytes" / "the audio stream". */
  readonly label: string;
  /** The path's extension, lower case without the dot; empty when there is no path. */
  readonly extension: string;
  /** Set for regular files, which some decoders (mediabunny, ffmpeg) read themselves for random access. */
  readonly path: string | undefined;
  /** Set when the input was given as bytes. */
  readonly bytes: Uint8Array | undefined;
  /** The first bytes (up to the requested head size). */
  readonly head: Uint8Array;
  /** The whole input from its first byte, in pieces. Call at most once. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Releases the file or stream; safe to call more than once. */
  close(): Promise<void>;
}

/** Bytes read per piece from files and given byte arrays. */
export const READ_CHUNK_BYTES = 64 * 1024;

/** Opens any `AudioInput`, turning every way it can be unusable into an `InvalidAudioError` that names it. */
export async function openAudioInput(input: AudioInput, headBytes: number): Promise<OpenedAudioInput> {
  if (input instanceof Uint8Array) return openBytes(input, headBytes);
  if (typeof input === 'string' || input instanceof URL) return openPath(toPath(input), headBytes);
  if (input && typeof (input as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    return openStream(input, 'the audio stream', '', headBytes);
  }
  throw new InvalidAudioError('Audio input must be a file path, a file: URL, a Uint8Array/Buffer or a readable stream.');
}

/** The file path of a path or `file:` URL (other URLs are refused with an InvalidAudioError). */
export function toPath(input: string | URL): string {
  if (typeof input === 'string' && !/^file:\/\//i.test(input)) return input;
  const url = new URL(input);
  if (url.protocol !== 'file:') throw new InvalidAudioError(`Audio URL ${url.href} is not a file: URL; fetch it yourself and pass the stream.`);
  return fileURLToPath(url);
}

function openBytes(bytes: Uint8Array, headBytes: number): OpenedAudioInput {
  if (bytes.length === 0) throw new InvalidAudioError('The audio bytes are empty (0 bytes).');
  return {
    label: 'the audio bytes',
    extension: '',
    path: undefined,
    bytes,
    head: bytes.subarray(0, headBytes),
    async *chunks() {
      for (let offset = 0; offset < bytes.length; offset += READ_CHUNK_BYTES) yield bytes.subarray(offset, offset + READ_CHUNK_BYTES);
    },
    close: async () => undefined,
  };
}

async function openPath(path: string, headBytes: number): Promise<OpenedAudioInput> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (stats.isDirectory()) throw new InvalidAudioError(`Audio path ${path} is a directory, not an audio file.`);
  // Pipes and devices cannot be read twice, so they are read once, as a stream.
  if (!stats.isFile()) return openStream(createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }), path, extensionOf(path), headBytes);
  if (stats.size === 0) throw new InvalidAudioError(`Audio file ${path} is empty (0 bytes).`);
  const head = await readHead(path, headBytes);
  const streams: Readable[] = [];
  return {
    label: path,
    extension: extensionOf(path),
    path,
    bytes: undefined,
    head,
    chunks() {
      const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
      streams.push(stream);
      return stream;
    },
    close: async () => {
      for (const stream of streams) stream.destroy();
    },
  };
}

async function readHead(path: string, headBytes: number): Promise<Uint8Array> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(headBytes);
      const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileError(path, error);
  }
}

async function openStream(stream: AsyncIterable<Uint8Array>, label: string, extension: string, headBytes: number): Promise<OpenedAudioInput> {
  const iterator = stream[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  const close = async () => {
    ended = true;
    // Not awaited: a source generator stuck in its own await (a slow network) only finishes returning when that
    // await settles, and decoding must end now. Errors are dropped: the stream may already have failed.
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  };
  try {
    while (length < headBytes) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      const piece = toBytes(next.value);
      buffered.push(piece);
      length += piece.length;
    }
  } catch (error) {
    await close();
    throw new InvalidAudioError(`Reading ${label} failed: ${messageOf(error)}`, { cause: error });
  }
  if (length === 0) throw new InvalidAudioError(`The audio stream is empty (0 bytes).`);
  const head = concat(buffered).subarray(0, headBytes);
  return {
    label,
    extension,
    path: undefined,
    bytes: undefined,
    head,
    async *chunks() {
      yield* buffered.splice(0);
      while (!ended) {
        const next = await iterator.next();
        if (next.done) return;
        yield toBytes(next.value);
      }
    },
    close,
  };
}

function fileError(path: string, error: unknown): InvalidAudioError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InvalidAudioError(`Audio file not found: ${path}`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new InvalidAudioError(`Audio file ${path} cannot be read: permission denied.`, { cause: error });
  if (code === 'EISDIR') return new InvalidAudioError(`Audio path ${path} is a directory, not an audio file.`, { cause: error });
  return new InvalidAudioError(`Audio file ${path} cannot be read: ${messageOf(error)}`, { cause: error });
}

function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value);
  throw new InvalidAudioError('The audio stream must yield bytes (Buffer or Uint8Array), not objects.');
}

function concat(pieces: Uint8Array[]): Uint8Array {
  return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
