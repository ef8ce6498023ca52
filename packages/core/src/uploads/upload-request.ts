import type { Dialect } from '../config/scribe-config';
import type { SessionEndpoints } from '../sessions/endpoints';
import { encodePathSegment } from '../sessions/endpoints';
import type { TransportRequest } from '../transport/transport';

/** What `buildUploadRequest` needs to know about one chunk and its session. */
export interface UploadRequestInput {
  /** Wire dialect. */
  dialect: Dialect;
  /** Resolved endpoints of the service. */
  endpoints: SessionEndpoints;
  /** Session id. */
  sessionId: string;
  /** Chunk file name (`chunk_0.wav`). */
  fileName: string;
  /** Chunk bytes. */
  bytes: Uint8Array;
  /** Media type to declare. */
  contentType: string;
  /** `msa`: the session's `upload_url`. Default `{base}/sessions/{id}/audio`. Ignored in `eka`. */
  uploadUrl?: string;
  /** `msa`: the session's upload type; `single` PUTs to a presigned URL unchanged. Default `chunked`. */
  uploadType?: string;
  /** Extra headers for same-origin calls (`MSA-Version`). */
  headers?: Record<string, string>;
}

/** The request for one chunk, and whether it goes to another origin (a presigned URL: no credentials). */
export interface UploadRequest {
  /** The transport request. */
  request: TransportRequest;
  /** True when the target is a cross-origin (presigned) URL. */
  crossOrigin: boolean;
}

/**
 * Builds a chunk upload per contract 2.10. `eka`: form A, raw body to `{base}/v1/sessions/{id}/audio/{name}` with
 * auth, never `upload_url`. `msa`: form B multipart to a same-origin `upload_url` unchanged, with auth; a
 * cross-origin `upload_url` gets a raw PUT without credentials (chunked: the name appended as the last path segment).
 * Always idempotent: re-uploading a name overwrites it, so retries are safe (contract 5.6).
 */
export function buildUploadRequest(input: UploadRequestInput): UploadRequest {
  const { endpoints, sessionId, fileName, bytes, contentType } = input;
  if (input.dialect === 'eka') {
    return {
      crossOrigin: false,
      request: { method: 'POST', url: endpoints.audioFile(sessionId, fileName), body: bytes, headers: { ...input.headers, 'Content-Type': contentType }, idempotent: true, sessionPath: true },
    };
  }
  const uploadUrl = input.uploadUrl ?? endpoints.audio(sessionId);
  if (sameOrigin(uploadUrl, endpoints.apiBase)) {
    const form = new FormData();
    form.append('file', new Blob([copyToArrayBuffer(bytes)], { type: contentType }), fileName);
    return {
      crossOrigin: false,
      request: {
        method: 'POST',
        url: uploadUrl,
        body: form,
        headers: { ...input.headers },
        idempotent: true,
        sessionPath: true,
        ...(input.uploadUrl !== undefined ? { advertisedAs: 'upload_url' } : {}),
      },
    };
  }
  const url = input.uploadType === 'single' ? uploadUrl : appendPathSegment(uploadUrl, fileName);
  return { crossOrigin: true, request: { method: 'PUT', url, body: bytes, headers: { 'Content-Type': contentType }, auth: false, idempotent: true, advertisedAs: 'upload_url' } };
}

/**
 * Adds `segment` (percent-encoded) as the last path segment of `url`, before its query string and fragment. Done on
 * the string, not through `URL`, so a presigned query string is kept byte for byte (its signature covers it).
 */
export function appendPathSegment(url: string, segment: string): string {
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const rest = cut < 0 ? '' : url.slice(cut);
  return `${path.replace(/\/+$/, '')}/${encodePathSegment(segment)}${rest}`;
}

/** True when both URLs share scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

// Blob parts must be backed by a plain ArrayBuffer; a view of a larger or shared buffer would send extra bytes.
function copyToArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
