import { parseContentDisposition, dispositionFileName } from './content-disposition.js';

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
