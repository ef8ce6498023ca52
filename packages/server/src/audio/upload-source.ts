import type { RequestContext, UploadNote } from '../http/context.js';
import { invalidRequest } from '../http/responses.js';
import { dispositionFileName, parseContentDisposition } from './content-disposition.js';
import { multipartBoundary, MultipartError, parseMultipart } from './multipart.js';

/** The file an upload request carries, whichever of the three forms of contract 2.10 it used. */
export interface UploadSource {
  form: UploadNote['form'];
  fileName: string | undefined;
  declaredType: string | undefined;
  bytes: Buffer;
  /** Bytes the client sent for the file (may exceed `bytes.length` when over the limit). */
  size: number;
  tooLarge: boolean;
}

/** Extra body bytes read beyond the file limit so multipart framing of a maximal file still fits. */
export const MULTIPART_SLACK_BYTES = 1024 * 1024;

/**
 * Reads the file from form A (`.../audio/{file_name}`, raw body), B (multipart with a part named `file`) or
 * C (raw body with `Content-Disposition`). Malformed multipart and a missing `file` part are 400 `invalid_request`.
 */
export function readUploadSource(ctx: RequestContext, maxFileBytes: number): UploadSource {
  const raw = ctx.rawBody;
  if (!raw) throw invalidRequest('Audio body missing.');
  const contentType = header(ctx, 'content-type');
  if (ctx.params.fileName !== undefined) {
    return { form: 'A', fileName: ctx.params.fileName, declaredType: contentType, bytes: raw.data, size: raw.size, tooLarge: raw.size > maxFileBytes };
  }
  let boundary: string | undefined;
  try {
    boundary = multipartBoundary(contentType);
    if (boundary !== undefined) {
      const file = parseMultipart(raw.data, boundary, raw.overLimit).find((part) => part.name === 'file');
      if (!file) throw invalidRequest('The multipart body has no part named "file".');
      const tooLarge = raw.overLimit || file.data.length > maxFileBytes;
      return { form: 'B', fileName: file.fileName, declaredType: file.contentType, bytes: file.data, size: file.data.length, tooLarge };
    }
  } catch (error) {
    if (error instanceof MultipartError) throw invalidRequest(`Malformed multipart body: ${error.message}.`);
    throw error;
  }
  const disposition = header(ctx, 'content-disposition');
  const fileName = disposition === undefined ? undefined : dispositionFileName(parseContentDisposition(disposition));
  return { form: 'C', fileName, declaredType: contentType, bytes: raw.data, size: raw.size, tooLarge: raw.size > maxFileBytes };
}

function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
