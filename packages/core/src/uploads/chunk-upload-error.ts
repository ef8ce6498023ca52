import { ScribeError, type ScribeErrorCode } from '../errors';

const CHUNK_UPLOAD_ERROR_MARKER = Symbol.for('scribe-ts.chunk-upload-error');

/** Where an interrupted multi-chunk upload stopped, so the caller can resume without losing or repeating audio. */
export interface ChunkUploadProgress {
  /** Chunks the server acknowledged in the interrupted call. */
  acknowledged: number;
  /**
   * The first index the server does not hold: pass it as `startIndex` with the chunks from that index on. Chunks after
   * it that did arrive are simply overwritten under the same names.
   */
  resumeIndex: number;
  /** Name of the chunk whose upload failed, when a chunk failed (not set for an abort or a failing source). */
  fileName: string | undefined;
  /**
   * Set when the chunks were cut from one input (`uploadAudioFile`, `uploadPcm`): how many of that input's chunks the
   * service already holds, to pass as `skipChunks` with `startIndex` when sending the same input again.
   */
  skipChunks?: number;
}

/**
 * A multi-chunk upload stopped before its source was exhausted. Its `code` is the code of the underlying failure
 * (`api_error`, `invalid_audio`, `aborted`...), which is also its `cause`; the session was not ended. Recognise it with
 * `ChunkUploadError.is(err)`, which also works across two copies of the package.
 */
export class ChunkUploadError extends ScribeError {
  /** Chunks the server acknowledged in the interrupted call. */
  readonly acknowledged: number;
  /** The `startIndex` to resume with. */
  readonly resumeIndex: number;
  /** The chunk that failed, if one did. */
  readonly fileName: string | undefined;
  /** The `skipChunks` to resume with when the chunks were cut from one input: how many of its chunks the service holds. */
  readonly skipChunks: number | undefined;

  constructor(cause: unknown, progress: ChunkUploadProgress) {
    const inner = ScribeError.is(cause) ? cause : undefined;
    const code: ScribeErrorCode = inner?.code ?? 'api_error';
    const what = progress.fileName ? `Uploading ${progress.fileName} failed` : code === 'aborted' ? 'The upload was aborted' : 'The audio source failed';
    const reason = cause instanceof Error ? cause.message : String(cause);
    // Cut from one input, resending it with startIndex alone would upload its first chunks twice.
    const resume =
      progress.skipChunks === undefined
        ? `resume with startIndex ${progress.resumeIndex}`
        : `resume by sending the same input with { startIndex: ${progress.resumeIndex}, skipChunks: ${progress.skipChunks} }, or by repeating the same call`;
    super(code, `${what} after ${progress.acknowledged} chunk(s) were acknowledged; ${resume}. ${reason}`, {
      cause,
      serverCode: inner?.serverCode,
      status: inner?.status,
      requestId: inner?.requestId,
      details: {
        ...inner?.details,
        acknowledged: progress.acknowledged,
        resume_index: progress.resumeIndex,
        ...(progress.skipChunks === undefined ? {} : { skip_chunks: progress.skipChunks }),
      },
      retryable: inner?.retryable ?? false,
    });
    this.name = 'ChunkUploadError';
    this.acknowledged = progress.acknowledged;
    this.resumeIndex = progress.resumeIndex;
    this.fileName = progress.fileName;
    this.skipChunks = progress.skipChunks;
    Object.defineProperty(this, CHUNK_UPLOAD_ERROR_MARKER, { value: true });
  }

  /** True for any ChunkUploadError, including ones thrown by another copy of the SDK. */
  static override is(value: unknown): value is ChunkUploadError {
    return ScribeError.is(value) && (value as unknown as Record<symbol, unknown>)[CHUNK_UPLOAD_ERROR_MARKER] === true;
  }
}
