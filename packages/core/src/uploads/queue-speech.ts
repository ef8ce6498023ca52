import type { ScribeProgressEvent } from '../audio/audio-progress-event';
import type { PcmBlockSource } from '../audio/pcm-block';
import { speechChunks } from '../audio/speech-chunks';
import type { ScribeConfig } from '../config/scribe-config';
import { ChunkQueueFullError } from '../errors';
import { linkSignals } from '../errors/abort';
import type { Clock } from '../ports/clock';
import type { UploadChunkOptions, UploadedChunk, ChunkToUpload, UploadResult } from './audio-uploads';
import { chunkFileName } from './chunk-file-name';
import { createChunkQueueUploader, type ChunkQueueRetryOptions } from './chunk-queue-uploader';
import type { ChunkStore } from './chunk-store';
import { maxChunkSecondsFor, type SpeechUploadContext, type UploadSpeechOptions } from './upload-speech';

/** Bounds of one session's durable queue: what may wait for the network before the session fails. */
export interface ChunkQueueLimits {
  /** Most chunks waiting at once. Default 1,000 (hours of speech). */
  maxChunks?: number;
  /** Most bytes waiting at once. Default 256 MiB (about 2.3 hours of 16 kHz speech). */
  maxBytes?: number;
}

/** Default `ChunkQueueLimits.maxChunks`. */
export const DEFAULT_QUEUE_MAX_CHUNKS = 1_000;
/** Default `ChunkQueueLimits.maxBytes`. */
export const DEFAULT_QUEUE_MAX_BYTES = 256 * 1024 * 1024;

/** What a queued speech upload needs from its client. */
export interface QueuedSpeechContext extends Pick<SpeechUploadContext, 'config' | 'discovery' | 'createDetector'> {
  /** Uploads one chunk (the transport's retries included). */
  uploadChunk(sessionId: string, chunk: ChunkToUpload, options?: UploadChunkOptions): Promise<UploadedChunk>;
}

/** Options of `queueSpeech`. */
export interface QueueSpeechOptions extends Omit<UploadSpeechOptions, 'endSession' | 'readAhead'> {
  /** Where chunks wait; the session's record must exist (`putSession`). Required. */
  store: ChunkStore;
  /** Waits between attempts. Required. */
  clock: Clock;
  /** Queue bounds. Default {@link DEFAULT_QUEUE_MAX_CHUNKS}, {@link DEFAULT_QUEUE_MAX_BYTES}. */
  limits?: ChunkQueueLimits;
  /** Backoff while the network is away. Default 1 s doubling to 30 s, jittered. */
  retry?: ChunkQueueRetryOptions;
  /** Called with the number of chunks waiting in the store after each change. */
  onQueueChanged?: (chunksPending: number) => void;
}

/**
 * Speech detection and upload through a durable queue: each chunk is written to the store before it is uploaded and
 * removed only once the service acknowledged it. Detection never waits for the network (only for the local write);
 * uploads run in index order and are retried with backoff while the network is away. Resolves once the source ended
 * and every chunk was acknowledged; rejects with the first failure that is not retryable, with ChunkQueueFullError
 * when `limits` are reached, or with the store's ChunkStoreQuotaError. Chunks stored stay in the store on failure.
 */
export async function queueSpeech(context: QueuedSpeechContext, sessionId: string, blocks: PcmBlockSource, options: QueueSpeechOptions): Promise<UploadResult> {
  const { store, chunking, onProgress, startIndex = 0, limits = {} } = options;
  const maxChunks = limits.maxChunks ?? DEFAULT_QUEUE_MAX_CHUNKS;
  const maxBytes = limits.maxBytes ?? DEFAULT_QUEUE_MAX_BYTES;
  const emit = (event: ScribeProgressEvent) => {
    try {
      onProgress?.(event);
    } catch {
      // A callback's bug must not stop the session.
    }
  };
  const maxChunkSeconds = chunking?.maxChunkSeconds ?? (await maxChunkSecondsFor(context, options.signal));
  const own = new AbortController();
  const linked = linkSignals(options.signal, own.signal);
  const waiting = new Map<number, number>(); // index -> bytes
  const changed = () => options.onQueueChanged?.(waiting.size);
  const uploader = createChunkQueueUploader({
    store,
    sessionId,
    clock: options.clock,
    concurrency: options.concurrency ?? (context.config.dialect === 'eka' ? 1 : 3),
    retry: options.retry,
    signal: linked.signal,
    send: (chunk, sendOptions) =>
      context.uploadChunk(sessionId, { bytes: chunk.bytes, fileName: chunk.fileName, durationSeconds: chunk.durationSeconds }, { ...sendOptions, uploadUrl: options.uploadUrl }),
    onEvent: (event) => {
      if (event.type === 'chunk-uploaded') {
        waiting.delete(event.index);
        changed();
      }
      emit(event);
    },
  });
  // A failure of the uploads stops detection at once, even while the source is silent.
  let uploadFailure: { error: unknown } | undefined;
  uploader.drained.catch((error: unknown) => {
    uploadFailure ??= { error };
    own.abort(error);
  });
  const detector = await context.createDetector();
  let nextIndex = startIndex;
  try {
    const chunks = speechChunks(blocks, { ...chunking, maxChunkSeconds, vad: detector, signal: linked.signal, onProgress: emit });
    try {
      for await (const chunk of chunks) {
        if (chunk.bytes.byteLength === 0) continue;
        const index = nextIndex;
        const fileName = chunkFileName(index, { prefix: options.prefix, extension: 'wav' });
        checkLimits(fileName, chunk.bytes.byteLength, waiting, { maxChunks, maxBytes });
        await store.putChunk({ sessionId, index, fileName, bytes: chunk.bytes, durationSeconds: chunk.durationSeconds });
        nextIndex += 1;
        waiting.set(index, chunk.bytes.byteLength);
        changed();
        uploader.add(index);
      }
    } catch (error) {
      throw uploadFailure?.error ?? error;
    }
    uploader.close();
    await uploader.drained;
    return { acknowledged: uploader.acknowledged, nextIndex };
  } finally {
    own.abort(); // stops uploads still running after a failure; the chunks stay stored
    linked.dispose();
    await detector.dispose();
  }
}

function checkLimits(fileName: string, byteLength: number, waiting: Map<number, number>, limits: Required<ChunkQueueLimits>): void {
  const bytes = [...waiting.values()].reduce((sum, size) => sum + size, 0);
  if (waiting.size + 1 <= limits.maxChunks && bytes + byteLength <= limits.maxBytes) return;
  throw new ChunkQueueFullError(
    `The upload queue is full (${waiting.size} chunks, ${bytes} bytes waiting; limits ${limits.maxChunks} chunks, ${limits.maxBytes} bytes): ${fileName} was not stored and recording stopped. The ${waiting.size} chunks stored are kept for resumePendingSessions.`,
    { details: { file_name: fileName, pending_chunks: waiting.size, pending_bytes: bytes, max_chunks: limits.maxChunks, max_bytes: limits.maxBytes } },
  );
}

/** The default scope of a session in a chunk store: the dialect and the service's URL. */
export function chunkQueueScope(config: Pick<ScribeConfig, 'dialect' | 'baseUrl' | 'discoveryUrl'>): string {
  return `${config.dialect} ${config.baseUrl ?? config.discoveryUrl ?? ''}`;
}
