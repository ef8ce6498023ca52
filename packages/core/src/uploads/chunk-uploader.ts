import { AbortError, InvalidAudioError, ScribeError, ValidationError } from '../errors';
import { silentLogger, type Logger } from '../ports/logger';
import { chunkFileName } from './chunk-file-name';
import { ChunkUploadError } from './chunk-upload-error';

/** One chunk from a source: its bytes, optionally with a known duration (WAV headers are read when absent). */
export type AudioChunk = Uint8Array | { bytes: Uint8Array; durationSeconds?: number };

/** Chunks to upload, in order; pulled lazily, never faster than uploads complete. */
export type ChunkSource = AsyncIterable<AudioChunk> | Iterable<AudioChunk>;

/** A chunk ready to send. */
export interface NamedChunk {
  /** Index in the session. */
  index: number;
  /** `{prefix}_{index}.{ext}`. */
  fileName: string;
  /** Bytes (never empty). */
  bytes: Uint8Array;
  /** Known duration in seconds, if any. */
  durationSeconds: number | undefined;
}

/** Progress of a multi-chunk upload. Event names are kebab nouns. */
export type UploadProgressEvent =
  | { type: 'chunk-queued'; index: number; fileName: string; byteLength: number }
  | { type: 'chunk-uploaded'; index: number; fileName: string; acknowledged: number }
  | { type: 'chunk-retried'; index: number; fileName: string; attempt: number; delayMs: number; error: ScribeError };

/** Sends one chunk; `onRetry` is forwarded to the transport so retries surface as `chunk-retried`. */
export type SendChunk = (
  chunk: NamedChunk,
  options: { signal: AbortSignal; onRetry: (info: { attempt: number; delayMs: number; error: ScribeError }) => void },
) => Promise<unknown>;

/** Options of `createChunkUploader`. */
export interface ChunkUploaderOptions {
  /** Sends one chunk (retries are the transport's business). */
  send: SendChunk;
  /** Most chunks in flight at once. Default 1 (sequential). */
  concurrency?: number;
  /** Index of the first chunk; earlier indexes are assumed to be on the server already. Default 0. */
  startIndex?: number;
  /** File name prefix. Default `chunk`. */
  prefix?: string;
  /** File extension. Default `wav`. */
  extension?: string;
  /** Stops pulling chunks and cancels the uploads in flight. */
  signal?: AbortSignal;
  /** Progress callback; exceptions it throws are logged and ignored. Default: none. */
  onProgress?: (event: UploadProgressEvent) => void;
  /** Logger. Default: silent. */
  logger?: Logger;
}

/** Uploads a source of chunks with bounded concurrency. */
export interface ChunkUploader {
  /**
   * Pulls every chunk from `source` and uploads it; resolves with the number acknowledged. Empty chunks are skipped
   * without using an index. On a failure nothing new is started, uploads in flight finish, and a ChunkUploadError
   * tells how far the server got.
   */
  run(source: ChunkSource): Promise<number>;
  /** Chunks acknowledged so far. */
  readonly acknowledged: number;
  /** The index the next chunk will get. */
  readonly nextIndex: number;
}

/** Creates a chunk uploader (contract 5.2, 5.6). It never holds more than `concurrency` chunks pulled but unfinished. */
export function createChunkUploader(options: ChunkUploaderOptions): ChunkUploader {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new ValidationError(`concurrency must be a positive integer, got ${String(concurrency)}`);
  const logger = options.logger ?? silentLogger;
  const startIndex = options.startIndex ?? 0;
  chunkFileName(startIndex, options); // validates startIndex, prefix and extension before anything is pulled
  let nextIndex = startIndex;
  let acknowledged = 0;
  let started = false;

  const emit = (event: UploadProgressEvent) => {
    try {
      options.onProgress?.(event);
    } catch (error) {
      logger.warn('onProgress threw; ignored', { type: event.type, error: error instanceof Error ? error.message : String(error) });
    }
  };

  async function run(source: ChunkSource): Promise<number> {
    if (started) throw new ValidationError('A ChunkUploader runs once; create another for another source.');
    started = true;
    const controller = new AbortController();
    const outer = options.signal;
    let stop!: () => void;
    const stopped = new Promise<'stop'>((resolve) => (stop = () => resolve('stop')));
    const abortReason = () => (ScribeError.is(outer?.reason) ? outer.reason : new AbortError());
    const onAbort = () => {
      controller.abort(abortReason());
      stop();
    };
    if (outer?.aborted) onAbort();
    outer?.addEventListener('abort', onAbort, { once: true });
    const pending = new Set<number>();
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown; fileName: string | undefined } | undefined;
    const fail = (error: unknown, fileName: string | undefined) => {
      failure ??= { error, fileName };
      stop();
    };
    const iterator = toAsyncIterator(source);
    let exhausted = false;

    const upload = async (chunk: NamedChunk) => {
      pending.add(chunk.index);
      try {
        await options.send(chunk, {
          signal: controller.signal,
          onRetry: (info) => emit({ type: 'chunk-retried', index: chunk.index, fileName: chunk.fileName, ...info }),
        });
        pending.delete(chunk.index);
        acknowledged += 1;
        emit({ type: 'chunk-uploaded', index: chunk.index, fileName: chunk.fileName, acknowledged });
      } catch (error) {
        // Whatever a cancelled send rejects with, the cause is the caller's abort.
        if (controller.signal.aborted) fail(abortReason(), undefined);
        else fail(error, chunk.fileName);
      }
    };

    try {
      while (!failure && !controller.signal.aborted) {
        if (inFlight.size >= concurrency) {
          await Promise.race([...inFlight, stopped]);
          continue;
        }
        const next = iterator.next();
        next.catch(() => undefined); // may be abandoned below when a failure or abort wins the race
        const item = await Promise.race([next, stopped]);
        if (item === 'stop') break;
        if (item.done) {
          exhausted = true;
          break;
        }
        const bytes = item.value instanceof Uint8Array ? item.value : item.value.bytes;
        if (bytes.byteLength === 0) continue;
        const index = nextIndex++;
        const fileName = chunkFileName(index, options);
        const durationSeconds = item.value instanceof Uint8Array ? undefined : item.value.durationSeconds;
        emit({ type: 'chunk-queued', index, fileName, byteLength: bytes.byteLength });
        const task: Promise<void> = upload({ index, fileName, bytes, durationSeconds }).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    } catch (error) {
      fail(error, undefined); // the source itself threw
    }
    await Promise.all(inFlight);
    outer?.removeEventListener('abort', onAbort);
    if (!exhausted) void Promise.resolve(iterator.return?.()).catch(() => undefined);
    if (!failure && controller.signal.aborted) failure = { error: abortReason(), fileName: undefined };
    if (failure) {
      const resumeIndex = Math.min(nextIndex, ...pending);
      const error = ScribeError.is(failure.error) || failure.fileName !== undefined ? failure.error : wrapSourceError(failure.error);
      throw new ChunkUploadError(error, { acknowledged, resumeIndex, fileName: failure.fileName });
    }
    return acknowledged;
  }

  return {
    run,
    get acknowledged() {
      return acknowledged;
    },
    get nextIndex() {
      return nextIndex;
    },
  };
}

function toAsyncIterator(source: ChunkSource): AsyncIterator<AudioChunk> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const iterator = source[Symbol.iterator]();
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}

// A source that throws something other than a ScribeError (a decoder, a user generator) still yields a typed error.
function wrapSourceError(error: unknown): ScribeError {
  const message = error instanceof Error ? error.message : String(error);
  return new InvalidAudioError(`The audio source failed: ${message}`, { cause: error });
}
