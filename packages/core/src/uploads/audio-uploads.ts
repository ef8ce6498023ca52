import type { ScribeConfig } from '../config/scribe-config';
import type { DiscoveryClient } from '../discovery/discovery-client';
import { AuthError, InvalidAudioError, ScribeError, SessionExpiredError, SessionStateError, ValidationError } from '../errors';
import { silentLogger, type Logger } from '../ports/logger';
import { parseUploadAck, type UploadAck } from '../protocol';
import { createServiceContext, type ResolvedService } from '../sessions/service-context';
import { createSessionRegistry, type SessionRecord, type SessionRegistry } from '../sessions/session-registry';
import type { Transport } from '../transport/transport';
import { chunkFileName, fileExtension } from './chunk-file-name';
import { createChunkUploader, type ChunkSource, type UploadProgressEvent } from './chunk-uploader';
import { advertisedContentType, contentTypeForFileName } from './content-type';
import { effectiveMaxChunkSeconds } from './max-chunk-seconds';
import { buildUploadRequest } from './upload-request';
import { readWavDurationSeconds } from './wav-duration';

/** One chunk for `uploadChunk`: bytes plus a file name, or an index to name it `chunk_{index}.wav`. */
export interface ChunkToUpload {
  /** The encoded chunk (a complete file: WAV by default). */
  bytes: Uint8Array;
  /** File name (`chunk_3.wav`); wins over `index`. */
  fileName?: string;
  /** Index, named `chunk_{index}.wav` when no `fileName` is given. */
  index?: number;
  /** Known duration in seconds; read from the header for WAV when absent. */
  durationSeconds?: number;
}

/** Options of `uploadChunk`. */
export interface UploadChunkOptions {
  /** Cancels the upload and its retries. */
  signal?: AbortSignal;
  /** `msa`: where to upload. Default: the session's `upload_url` from create, else `{base}/sessions/{id}/audio`. */
  uploadUrl?: string;
  /** Called before each retry of this chunk. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ScribeError }) => void;
}

/** The server's acknowledgement of one chunk. */
export interface UploadedChunk {
  /** Session id. */
  sessionId: string;
  /** The name the chunk was stored under. */
  fileName: string;
  /** HTTP status (any 2xx acknowledges). */
  httpStatus: number;
  /** The answer body, read leniently. */
  ack: UploadAck;
}

/** What an upload of many chunks did: how many the service acknowledged, and where a follow-up call continues. */
export interface UploadResult {
  /** Chunks the service acknowledged in this call. */
  acknowledged: number;
  /** The index the next chunk gets: pass it as `startIndex` to send more audio into the same session. */
  nextIndex: number;
}

/** Options of `uploadChunks`. */
export interface UploadChunksOptions {
  /** Index of the first chunk (earlier ones are assumed uploaded by earlier calls). Default 0. */
  startIndex?: number;
  /** End the session afterwards with `audio_files_sent = startIndex + acknowledged`. Default true. */
  endSession?: boolean;
  /** Chunks in flight at once. Default 1 in `eka` (sequential, as production expects), 3 in `msa`. */
  concurrency?: number;
  /** File name prefix. Default `chunk`. */
  prefix?: string;
  /** File extension of every chunk. Default `wav`. */
  extension?: string;
  /** `msa`: upload URL override (see `uploadChunk`). */
  uploadUrl?: string;
  /** Cancels pulling, the uploads in flight and the end call. */
  signal?: AbortSignal;
  /** Progress callback (`chunk-queued`, `chunk-uploaded`, `chunk-retried`). Default: none. */
  onProgress?: (event: UploadProgressEvent) => void;
}

/** Options of `createAudioUploads`. */
export interface AudioUploadsOptions {
  /** Resolved configuration. */
  config: ScribeConfig;
  /** Transport. */
  transport: Transport;
  /** Discovery client (formats and chunk limit). */
  discovery: DiscoveryClient;
  /** Ends a session; used by `uploadChunks` when `endSession` is true. */
  endSession: (sessionId: string, options: { audioFilesSent: number; signal?: AbortSignal }) => Promise<unknown>;
  /** Local session state shared with the sessions API. Default: a new registry. */
  registry?: SessionRegistry;
  /** Logger. Default: silent. */
  logger?: Logger;
}

/** Chunk upload calls. */
export interface AudioUploads {
  /** Uploads one chunk (contract 2.10); refused locally after end, when empty, or when longer than the limit. */
  uploadChunk(sessionId: string, chunk: ChunkToUpload, options?: UploadChunkOptions): Promise<UploadedChunk>;
  /** Uploads a source of chunks with bounded concurrency; resolves with what was acknowledged and the next index. */
  uploadChunks(sessionId: string, chunks: ChunkSource, options?: UploadChunksOptions): Promise<UploadResult>;
}

/** Creates the chunk upload calls of one client. */
export function createAudioUploads(options: AudioUploadsOptions): AudioUploads {
  const { config } = options;
  const context = createServiceContext(options);
  const registry = options.registry ?? createSessionRegistry();
  const logger = options.logger ?? silentLogger;

  function assertOpen(sessionId: string): void {
    if (registry.peek(sessionId)?.expired) {
      throw new SessionExpiredError(`Session ${sessionId} expired before it was ended; its audio is kept but no more is accepted. Create a new session.`, {
        details: { session_id: sessionId },
      });
    }
    if (registry.peek(sessionId)?.ended) {
      throw new SessionStateError(`Session ${sessionId} has been ended; no audio is accepted after end. Create a new session to send more.`, {
        details: { session_id: sessionId },
      });
    }
  }

  async function checkDuration(chunk: ChunkToUpload, fileName: string, service: ResolvedService, signal?: AbortSignal): Promise<void> {
    const duration = chunk.durationSeconds ?? (fileExtension(fileName) === 'wav' ? readWavDurationSeconds(chunk.bytes) : undefined);
    if (duration === undefined) return;
    // eka reads discovery only here, and only when no limit is configured: it is optional and never blocks.
    const advertised = config.maxChunkSeconds === undefined ? (service.description ?? (await context.discovery.get({ signal }))).maxChunkDurationSeconds : undefined;
    const max = effectiveMaxChunkSeconds(config.maxChunkSeconds, advertised);
    if (duration > max + 1e-6) {
      throw new InvalidAudioError(`${fileName} lasts ${duration.toFixed(2)} s, over the ${max} s chunk limit; cut it into shorter chunks.`, {
        details: { file_name: fileName, chunk_duration_seconds: duration, max_duration_seconds: max },
      });
    }
  }

  function contentTypeFor(record: SessionRecord, fileName: string, service: ResolvedService): string {
    if (config.dialect === 'eka' || !service.description) return contentTypeForFileName(fileName, config.dialect);
    const extension = fileExtension(fileName);
    let chosen = record.contentTypes.get(extension);
    if (chosen === undefined) {
      chosen = advertisedContentType(fileName, service.description.audioFormats);
      record.contentTypes.set(extension, chosen);
    }
    return chosen;
  }

  async function uploadChunk(sessionId: string, chunk: ChunkToUpload, uploadOptions: UploadChunkOptions = {}): Promise<UploadedChunk> {
    const { signal } = uploadOptions;
    assertOpen(sessionId);
    const fileName = chunk.fileName ?? (chunk.index !== undefined ? chunkFileName(chunk.index) : undefined);
    if (fileName === undefined) throw new ValidationError('uploadChunk needs a fileName or an index.');
    if (chunk.bytes.byteLength === 0) throw new InvalidAudioError(`${fileName} is empty; empty chunks are not uploaded.`);
    const service = await context.resolve(signal);
    await checkDuration(chunk, fileName, service, signal);
    const record = registry.get(sessionId);
    const { request, crossOrigin } = buildUploadRequest({
      dialect: config.dialect,
      endpoints: service.endpoints,
      sessionId,
      fileName,
      bytes: chunk.bytes,
      contentType: contentTypeFor(record, fileName, service),
      uploadUrl: uploadOptions.uploadUrl ?? record.uploadUrl,
      uploadType: record.uploadType,
      headers: service.headers,
    });
    try {
      const response = await context.request({ ...request, signal, onRetry: uploadOptions.onRetry });
      record.acknowledged.add(fileName);
      return { sessionId, fileName, httpStatus: response.status, ack: parseUploadAck(response.data) };
    } catch (error) {
      throw uploadFailure(error, record, crossOrigin);
    }
  }

  async function uploadChunks(sessionId: string, chunks: ChunkSource, uploadOptions: UploadChunksOptions = {}): Promise<UploadResult> {
    const { signal, startIndex = 0, endSession = true } = uploadOptions;
    assertOpen(sessionId);
    const extension = uploadOptions.extension ?? 'wav';
    // Fail before consuming the source when the service cannot take this format (msa: audio/wav must be listed).
    const service = await context.resolve(signal);
    contentTypeFor(registry.get(sessionId), `${uploadOptions.prefix ?? 'chunk'}_0.${extension}`, service);
    const uploader = createChunkUploader({
      concurrency: uploadOptions.concurrency ?? (config.dialect === 'eka' ? 1 : 3),
      startIndex,
      prefix: uploadOptions.prefix,
      extension,
      signal,
      onProgress: uploadOptions.onProgress,
      logger,
      send: (chunk, sendOptions) => uploadChunk(sessionId, chunk, { ...sendOptions, uploadUrl: uploadOptions.uploadUrl }),
    });
    const acknowledged = await uploader.run(chunks);
    if (endSession) await options.endSession(sessionId, { audioFilesSent: startIndex + acknowledged, signal });
    return { acknowledged, nextIndex: uploader.nextIndex };
  }

  return { uploadChunk, uploadChunks };
}

// A presigned URL has no credentials to renew: a 401/403 there means the URL itself is no longer good.
function uploadFailure(error: unknown, record: SessionRecord, crossOrigin: boolean): unknown {
  if (!ScribeError.is(error)) return error;
  if (error.serverCode === 'session_ended' || error.serverCode === 'session_expired') record.ended = true;
  if (error.code === 'session_expired') record.expired = true;
  if (crossOrigin && (error.status === 401 || error.status === 403)) {
    return new AuthError('Upload URL expired or rejected (a presigned URL cannot be refreshed); create a new session to upload again.', {
      status: error.status,
      requestId: error.requestId,
      serverCode: error.serverCode,
      cause: error,
    });
  }
  return error;
}
