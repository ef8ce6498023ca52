import { parseContentDisposition, dispositionFileName } from './content-disposition.js';

/** One part of a `multipart/form-data` body. */
export interface MultipartPart {
  name: string | undefined;
  fileName: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** The body is not well-formed multipart. */
export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

/** The `boundary` parameter of a `multipart/form-data` content type, or `undefined` if it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new MultipartError('multipart/form-data without a boundary');
  return boundary;
}

/**
 * Splits a buffered multipart body into parts (RFC 7578); headers other than the two we need are ignored. With
 * `truncated` (the body was cut at the size limit) an unterminated last part is kept, so its name can still be read.
 */
export function parseMultipart(body: Buffer, boundary: string, truncated = false): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  if (position < 0) throw new MultipartError('boundary not found in the body');
  const parts: MultipartPart[] = [];
  while (true) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString('latin1') === '--') return parts;
    position = skipLineEnd(body, position);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), position);
    if (next < 0) {
      if (!truncated) throw new MultipartError('unterminated multipart body');
      parts.push(parsePart(body.subarray(position)));
      return parts;
    }
    parts.push(parsePart(body.subarray(position, next)));
    position = next + 2;
  }
}

function parsePart(raw: Buffer): MultipartPart {
  const head = parsePartHeaders(raw);
  return { name: head.name, fileName: head.fileName, contentType: head.contentType, data: raw.subarray(head.headerLength) };
}

/** The headers of one part that we need, and how many bytes (blank line included) they take. */
export interface MultipartPartHeaders {
  name: string | undefined;
  fileName: string | undefined;
  contentType: string | undefined;
  headerLength: number;
}

/** Parses a part's header block from the start of `raw` (the part's first bytes; its data may follow or be cut off). */
export function parsePartHeaders(raw: Buffer): MultipartPartHeaders {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new MultipartError('multipart part without a header block');
  const headers = new Map<string, string>();
  for (const line of raw.subarray(0, headerEnd).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const dispositionHeader = headers.get('content-disposition');
  const disposition = dispositionHeader === undefined ? undefined : parseContentDisposition(dispositionHeader);
  return {
    name: disposition?.parameters.get('name'),
    fileName: disposition === undefined ? undefined : dispositionFileName(disposition),
    contentType: headers.get('content-type'),
    headerLength: headerEnd + 4,
  };
}

function skipLineEnd(body: Buffer, position: number): number {
  let cursor = position;
  while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor += 1;
  if (body[cursor] === 0x0d && body[cursor + 1] === 0x0a) return cursor + 2;
  throw new MultipartError('malformed multipart delimiter line');
}
