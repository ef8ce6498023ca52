import { open, type FileHandle } from 'node:fs/promises';
import { MultipartError, parsePartHeaders, type MultipartPartHeaders } from './multipart.js';

/** A part of a multipart body stored in a file: its headers and where its data lies (`start` inclusive, `end` exclusive). */
export interface MultipartFilePart extends Omit<MultipartPartHeaders, 'headerLength'> {
  start: number;
  end: number;
}

const BLOCK_BYTES = 1024 * 1024;
// A part's header block is a few lines; more than this is not a header block we will read.
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Finds the parts of a multipart body spooled to `path` (RFC 7578) without reading it into memory: the file is
 * scanned in 1 MiB blocks for delimiters, and only each part's header block is read. A missing boundary, a malformed
 * delimiter line or an unterminated body is a `MultipartError`; with `truncated` (the body was cut at the size limit)
 * an unterminated last part runs to the end of the file, so its name can still be read.
 */
export async function locateMultipartParts(path: string, boundary: string, truncated: boolean): Promise<MultipartFilePart[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const delimiter = Buffer.from(`--${boundary}`);
    const positions = await findDelimiters(handle, size, delimiter);
    if (positions.length === 0) throw new MultipartError('boundary not found in the body');
    const parts: MultipartFilePart[] = [];
    for (let index = 0; index < positions.length; index += 1) {
      const after = (positions[index] as number) + delimiter.length;
      const next = await read(handle, after, 2 + MAX_HEADER_BYTES);
      if (next.subarray(0, 2).toString('latin1') === '--') return parts;
      const start = after + skipLineEnd(next);
      const following = positions[index + 1];
      if (following === undefined && !truncated) throw new MultipartError('unterminated multipart body');
      const end = following === undefined ? size : following - 2;
      const head = parsePartHeaders(await read(handle, start, Math.min(MAX_HEADER_BYTES, end - start)));
      parts.push({ name: head.name, fileName: head.fileName, contentType: head.contentType, start: start + head.headerLength, end });
    }
    if (!truncated) throw new MultipartError('unterminated multipart body');
    return parts;
  } finally {
    await handle.close();
  }
}

/**
 * Positions of every delimiter that opens a line: at the very start of the body or right after CRLF (the CRLF belongs
 * to the delimiter, RFC 2046). Blocks overlap by the needle's length so a delimiter across two blocks is found.
 */
async function findDelimiters(handle: FileHandle, size: number, delimiter: Buffer): Promise<number[]> {
  const needle = Buffer.concat([Buffer.from('\r\n'), delimiter]);
  const positions: number[] = [];
  const first = await read(handle, 0, delimiter.length);
  if (first.equals(delimiter)) positions.push(0);
  for (let offset = 0; offset < size; offset += BLOCK_BYTES) {
    const block = await read(handle, offset, BLOCK_BYTES + needle.length - 1);
    for (let at = block.indexOf(needle); at >= 0 && at < BLOCK_BYTES; at = block.indexOf(needle, at + 1)) positions.push(offset + at + 2);
  }
  return positions;
}

async function read(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
  return buffer.subarray(0, bytesRead);
}

function skipLineEnd(bytes: Buffer): number {
  let cursor = 0;
  while (bytes[cursor] === 0x20 || bytes[cursor] === 0x09) cursor += 1;
  if (bytes[cursor] === 0x0d && bytes[cursor + 1] === 0x0a) return cursor + 2;
  throw new MultipartError('malformed multipart delimiter line');
}
