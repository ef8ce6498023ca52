import { decodeIfText, isWireObject, optionalNumber, optionalString } from './parse-wire';

/** What an upload answer may say (contract 2.10). Every field is optional: any 2xx is an acknowledgement. */
export interface UploadAck {
  /** The session id, when echoed. */
  sessionId: string | undefined;
  /** `success` from the body; undefined when absent (the 2xx already says it worked). */
  success: boolean | undefined;
  /** Usually `received`. */
  status: string | undefined;
  /** The stored file name. */
  fileName: string | undefined;
  /** The file name the client sent. */
  originalFilename: string | undefined;
  /** The chunk index the server read from the name. */
  chunkIndex: number | undefined;
  /** Files the server now holds. */
  audioFilesReceived: number | undefined;
  /** The body as received: an object, text, or undefined for an empty body. */
  raw: unknown;
}

/** Reads an upload answer; never throws (presigned storage may answer with XML or nothing at all). */
export function parseUploadAck(raw: unknown): UploadAck {
  const decoded = decodeIfText(raw);
  const body = isWireObject(decoded) ? decoded : {};
  return {
    sessionId: optionalString(body.session_id),
    success: typeof body.success === 'boolean' ? body.success : undefined,
    status: optionalString(body.status),
    fileName: optionalString(body.file_name),
    originalFilename: optionalString(body.original_filename),
    chunkIndex: optionalNumber(body.chunk_index),
    audioFilesReceived: optionalNumber(body.audio_files_received),
    raw: decoded,
  };
}
