import { ScribeError, ValidationError } from '../errors';
import { errorForAbortReason } from '../errors/abort';
import type { Clock } from '../ports/clock';
import { backoffDelayMs } from '../retry/retry-policy';
import type { ChunkStore, QueuedChunk } from './chunk-store';
import type { UploadProgressEvent } from './chunk-uploader';

/** Backoff of the durable queue between attempts while the network or the service is away. */
export interface ChunkQueueRetryOptions {
  /** Wait before the second attempt of a chunk, before jitter. Default 1000 ms. */
  initialDelayMs?: number;
  /** Longest wait, before jitter. Default 30,000 ms. */
  maxDelayMs?: number;
  /** Uniform random number in [0, 1) for the jitter. Default `Math.random`. */
  random?: () => number;
}

/** Sends one stored chunk; resolves once the service acknowledged it. Retries inside it surface through `onRetry`. */
export type SendQueuedChunk = (
  chunk: QueuedChunk,
  options: { signal: AbortSignal; onRetry: (info: { attempt: number; delayMs: number; error: ScribeError }) => void },
) => Promise<unknown>;

/** Options of `createChunkQueueUploader`. */
export interface ChunkQueueUploaderOptions {
  /** The store the chunks wait in. */
  store: ChunkStore;
  /** The session whose chunks are sent. */
  sessionId: string;
  /** Sends one chunk. */
  send: SendQueuedChunk;
  /** Waits between attempts. */
  clock: Clock;
  /** Most uploads at once. Default 1. */
  concurrency?: number;
  /** Backoff between attempts after a retryable failure. Default 1 s doubling to 30 s, jittered. */
  retry?: ChunkQueueRetryOptions;
  /** Stops everything (the chunks stay stored). */
  signal: AbortSignal;
  /** Upload events: `chunk-queued` (an attempt starts), `chunk-retried`, `chunk-uploaded`, `upload-waiting`. */
  onEvent?: (event: UploadProgressEvent) => void;
}

/** Uploads a session's stored chunks in index order, removing each from the store once acknowledged. */
export interface ChunkQueueUploader {
  /** A chunk of this index has been stored and may be sent. Indexes are sent lowest first. */
  add(index: number): void;
  /** No more chunks will be added: `drained` resolves once every added chunk is acknowledged. */
  close(): void;
  /**
   * Resolves when closed and drained; rejects with the first failure that is not retryable (a 4xx, the session
   * gone or expired, a store error) or with the abort. Retryable failures (network, timeouts, 429, 5xx after the
   * transport's own retries) are retried with capped exponential backoff for as long as the signal allows.
   */
  readonly drained: Promise<void>;
  /** Chunks added and not yet acknowledged (waiting or uploading). */
  readonly pending: number;
  /** Chunks acknowledged and removed from the store. */
  readonly acknowledged: number;
}

/**
 * Creates the consumer side of a durable queue. Audio detection (the producer) stores chunks and calls `add`; it never
 * waits for this uploader, so recording goes on while the network is away.
 */
export function createChunkQueueUploader(options: ChunkQueueUploaderOptions): ChunkQueueUploader {
  const { store, sessionId, clock, signal } = options;
  const concurrency = options.concurrency ?? 1;
  const retry = { initialDelayMs: options.retry?.initialDelayMs ?? 1_000, maxDelayMs: options.retry?.maxDelayMs ?? 30_000, random: options.retry?.random ?? Math.random };
  const waiting: number[] = [];
  const inFlight = new Set<number>();
  let acknowledged = 0;
  let attempt = 0;
  let backingOff = false;
  let closed = false;
  let settled = false;
  let resolveDrained!: () => void;
  let rejectDrained!: (error: unknown) => void;
  const drained = new Promise<void>((resolve, reject) => {
    resolveDrained = resolve;
    rejectDrained = reject;
  });
  drained.catch(() => undefined);

  const emit = (event: UploadProgressEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A listener's bug must not stop the uploads.
    }
  };

  const fail = (error: unknown) => {
    if (settled) return;
    settled = true;
    rejectDrained(error);
  };
  const onAbort = () => fail(errorForAbortReason(signal.reason));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  function pump(): void {
    if (settled || backingOff) return;
    while (inFlight.size < concurrency && waiting.length > 0) {
      const index = waiting.shift()!;
      inFlight.add(index);
      void send(index);
    }
    if (closed && waiting.length === 0 && inFlight.size === 0) {
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolveDrained();
    }
  }

  async function send(index: number): Promise<void> {
    let chunk: QueuedChunk | undefined;
    try {
      chunk = await store.getChunk(sessionId, index);
      // Already acknowledged and removed (a crash between the two steps, then a resume): nothing to send.
      if (chunk) {
        const current = chunk;
        emit({ type: 'chunk-queued', index, fileName: current.fileName, byteLength: current.bytes.byteLength });
        await options.send(current, {
          signal,
          onRetry: (info) => emit({ type: 'chunk-retried', index, fileName: current.fileName, ...info }),
        });
        await store.acknowledgeChunk(sessionId, index);
        acknowledged += 1;
        attempt = 0;
        emit({ type: 'chunk-uploaded', index, fileName: current.fileName, acknowledged });
      }
      inFlight.delete(index);
      pump();
    } catch (error) {
      inFlight.delete(index);
      if (settled || signal.aborted) return;
      if (!chunk || !isWorthRetrying(error)) return fail(error);
      putBack(index);
      const delayMs = backoffDelayMs(attempt, retry);
      emit({ type: 'upload-waiting', index, fileName: chunk.fileName, attempt: attempt + 1, delayMs, error: error as ScribeError });
      if (backingOff) return;
      backingOff = true;
      attempt += 1;
      clock.sleep(delayMs, signal).then(
        () => {
          backingOff = false;
          pump();
        },
        () => undefined, // the abort is reported by onAbort
      );
    }
  }

  function putBack(index: number): void {
    waiting.push(index);
    waiting.sort((a, b) => a - b);
  }

  return {
    add(index) {
      if (closed) throw new ValidationError('The chunk queue uploader was closed; no chunk can be added.');
      putBack(index);
      pump();
    },
    close() {
      closed = true;
      pump();
    },
    drained,
    get pending() {
      return waiting.length + inFlight.size;
    },
    get acknowledged() {
      return acknowledged;
    },
  };
}

/** Network failures, timeouts, 429 and 5xx (the transport marks them retryable): the queue keeps trying. */
export function isWorthRetrying(error: unknown): boolean {
  return ScribeError.is(error) && error.retryable && error.code !== 'aborted';
}
