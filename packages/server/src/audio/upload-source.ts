import type { RequestContext, UploadNote } from '../http/context.js';
import { invalidRequest } from '../http/responses.js';
import { dispositionFileName, parseContentDisposition } from './content-disposition.js';
import { locateMultipartParts } from './multipart-file.js';
import { multipartBoundary, MultipartError } from './multipart.js';

/** The file an upload request carries, whichever of the three forms of contract 2.10 it used. */
export interface UploadSource {
  form: UploadNote['form'];
  fileName: string | undefined;
  declaredType: string | undefined;
  /** Where the file's bytes are: a range of the spooled body (`end` exclusive). */
  file: { path: string; start: number; end: number };
  /** Bytes the client sent for the file (may exceed the range when over the limit). */
  size: number;
  tooLarge: boolean;
}

/** Extra body bytes read beyond the file limit so multipart framing of a maximal file still fits. */
export const MULTIPART_SLACK_BYTES = 1024 * 1024;

/**
 * Finds the file in form A (`.../audio/{file_name}`, raw body), B (multipart with a part named `file`) or
 * C (raw body with `Content-Disposition`), in the body spooled to disk. Malformed multipart and a missing `file`
 * part are 400 `invalid_request`.
 */
export async function readUploadSource(ctx: RequestContext, maxFileBytes: number): Promise<UploadSource> {
  const raw = ctx.rawBody;
  if (!raw) throw invalidRequest('Audio body missing.');
  const contentType = header(ctx, 'content-type');
  const whole = { path: raw.path, start: 0, end: raw.kept };
  if (ctx.params.fileName !== undefined) {
    return { form: 'A', fileName: ctx.params.fileName, declaredType: contentType, file: whole, size: raw.size, tooLarge: raw.size > maxFileBytes };
  }
  let boundary: string | undefined;
  try {
    boundary = multipartBoundary(contentType);
    if (boundary !== undefined) {
      const parts = await locateMultipartParts(raw.path, boundary, raw.overLimit);
      const file = parts.find((part) => part.name === 'file');
      if (!file) throw invalidRequest('The multipart body has no part named "file".');
      const length = file.end - file.start;
      const tooLarge = raw.overLimit || length > maxFileBytes;
      return { form: 'B', fileName: file.fileName, declaredType: file.contentType, file: { path: raw.path, start: file.start, end: file.end }, size: length, tooLarge };
    }
  } catch (error) {
    if (error instanceof MultipartError) throw invalidRequest(`Malformed multipart body: ${error.message}.`);
    throw error;
  }
  const disposition = header(ctx, 'content-disposition');
  const fileName = disposition === undefined ? undefined : dispositionFileName(parseContentDisposition(disposition));
  return { form: 'C', fileName, declaredType: contentType, file: whole, size: raw.size, tooLarge: raw.size > maxFileBytes };
}

function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
