import { InvalidAudioError, ScribeError, ValidationError } from '../errors';
import { errorForAbortReason } from '../errors/abort';
import { silentLogger, type Logger } from '../ports/logger';
import { chunkFileName } from './chunk-file-name';
import { ChunkUploadError } from './chunk-upload-error';
import { toAsyncIterator } from '../audio/to-async-iterator';

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
  | { type: 'chunk-retried'; index: number; fileName: string; attempt: number; delayMs: number; error: ScribeError }
  /** The durable queue (`chunkStore`) could not send a chunk (network, 429, 5xx) and tries again after `delayMs`. */
  | { type: 'upload-waiting'; index: number; fileName: string; attempt: number; delayMs: number; error: ScribeError };

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

  async function upload(chunk: NamedChunk, control: RunControl, pending: Set<number>): Promise<void> {
    pending.add(chunk.index);
    try {
      await options.send(chunk, {
        signal: control.signal,
        onRetry: (info) => emit({ type: 'chunk-retried', index: chunk.index, fileName: chunk.fileName, ...info }),
      });
      pending.delete(chunk.index);
      acknowledged += 1;
      emit({ type: 'chunk-uploaded', index: chunk.index, fileName: chunk.fileName, acknowledged });
    } catch (error) {
      // Whatever a cancelled send rejects with, the cause is the caller's abort.
      if (control.signal.aborted) control.fail(control.abortReason(), undefined);
      else control.fail(error, chunk.fileName);
    }
  }

  // Turns one pulled item into an upload task; empty chunks are dropped before they take an index.
  function dispatch(value: AudioChunk, control: RunControl, pending: Set<number>): Promise<void> | undefined {
    const bytes = value instanceof Uint8Array ? value : value.bytes;
    if (bytes.byteLength === 0) return undefined;
    const index = nextIndex++;
    const fileName = chunkFileName(index, options);
    const durationSeconds = value instanceof Uint8Array ? undefined : value.durationSeconds;
    emit({ type: 'chunk-queued', index, fileName, byteLength: bytes.byteLength });
    return upload({ index, fileName, bytes, durationSeconds }, control, pending);
  }

  async function run(source: ChunkSource): Promise<number> {
    if (started) throw new ValidationError('A ChunkUploader runs once; create another for another source.');
    started = true;
    const control = createRunControl(options.signal);
    const pending = new Set<number>();
    const inFlight = new Set<Promise<void>>();
    const iterator = toAsyncIterator(source);
    const exhausted = await pump(iterator, control, concurrency, inFlight, (value) => dispatch(value, control, pending));
    await Promise.all(inFlight);
    control.dispose();
    if (!exhausted) void Promise.resolve(iterator.return?.()).catch(() => undefined);
    const failure = control.failure();
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

/**
 * Pulls items while fewer than `concurrency` uploads are in flight (the backpressure), until the source ends or the
 * run stops. Resolves true when the source was exhausted.
 */
async function pump(
  iterator: AsyncIterator<AudioChunk>,
  control: RunControl,
  concurrency: number,
  inFlight: Set<Promise<void>>,
  dispatch: (value: AudioChunk) => Promise<void> | undefined,
): Promise<boolean> {
  try {
    while (!control.failure() && !control.signal.aborted) {
      if (inFlight.size >= concurrency) {
        await control.untilStopped(Promise.race(inFlight));
        continue;
      }
      const next = iterator.next();
      next.catch(() => undefined); // may be abandoned below when a failure or abort wins the race
      const item = await control.untilStopped(next);
      if (item === 'stop') return false;
      if (item.done) return true;
      const task = dispatch(item.value)?.finally(() => inFlight.delete(task!));
      if (task) inFlight.add(task);
    }
  } catch (error) {
    control.fail(error, undefined); // the source itself threw
  }
  return false;
}

interface RunControl {
  /** Cancels the sends in flight. */
  readonly signal: AbortSignal;
  /**
   * Settles like `promise`, or with `'stop'` as soon as the run must stop pulling (first failure or abort). Unlike a
   * `Promise.race` against one long-lived "stopped" promise, it leaves nothing attached once it settles: such a race
   * keeps every value it ever resolved with (here every chunk's bytes) reachable until the run ends.
   */
  untilStopped<T>(promise: Promise<T>): Promise<T | 'stop'>;
  /** Records the first failure and stops the run. */
  fail(error: unknown, fileName: string | undefined): void;
  /** The failure that ended the run (an abort counts), if any. */
  failure(): { error: unknown; fileName: string | undefined } | undefined;
  /** The error an abort is reported as (`errorForAbort` of the caller's signal). */
  abortReason(): ScribeError;
  /** Detaches from the caller's signal. */
  dispose(): void;
}

// Cancellation and first-failure bookkeeping of one run, tied to the caller's signal.
function createRunControl(outer: AbortSignal | undefined): RunControl {
  const controller = new AbortController();
  let isStopped = false;
  const onStop = new Set<() => void>();
  const stop = () => {
    if (isStopped) return;
    isStopped = true;
    for (const listener of onStop) listener();
    onStop.clear();
  };
  let first: { error: unknown; fileName: string | undefined } | undefined;
  const abortReason = () => errorForAbortReason(outer?.reason);
  const onAbort = () => {
    controller.abort(abortReason());
    stop();
  };
  if (outer?.aborted) onAbort();
  outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    untilStopped: <T>(promise: Promise<T>) =>
      new Promise<T | 'stop'>((resolve, reject) => {
        if (isStopped) return resolve('stop');
        const listener = () => resolve('stop');
        onStop.add(listener);
        promise.then(
          (value) => {
            onStop.delete(listener);
            resolve(value);
          },
          (error: unknown) => {
            onStop.delete(listener);
            reject(error);
          },
        );
      }),
    fail: (error, fileName) => {
      first ??= { error, fileName };
      stop();
    },
    failure: () => first ?? (controller.signal.aborted ? { error: abortReason(), fileName: undefined } : undefined),
    abortReason,
    dispose: () => outer?.removeEventListener('abort', onAbort),
  };
}


// A source that throws something other than a ScribeError (a decoder, a user generator) still yields a typed error.
function wrapSourceError(error: unknown): ScribeError {
  const message = error instanceof Error ? error.message : String(error);
  return new InvalidAudioError(`The audio source failed: ${message}`, { cause: error });
}
