import type { TemplateInfo } from '../templates.js';

/** Sample rate of every decoded chunk handed to an engine. */
export const ENGINE_SAMPLE_RATE = 16000;

/** One stored chunk as the engine sees it, in index order. */
export interface EngineAudioChunk {
  fileName: string;
  /** The index from the `{prefix}_{index}.{ext}` name, or null for a `single` upload without one. */
  index: number | null;
  /** Normalised MIME type (contract 5.3), e.g. `audio/wav` or `audio/webm;codecs=opus`. */
  contentType: string;
  /** The bytes exactly as uploaded. */
  bytes: Uint8Array;
  /** Where those bytes are stored, for decoders that read files themselves (an MP4 needs seeking). Default: absent. */
  path?: string;
  /** Mono float32 PCM at 16 kHz when the server decoded the chunk (WAV); absent for compressed formats. */
  pcm?: Float32Array;
  /** Duration of `pcm` in seconds, when decoded. */
  durationSeconds?: number;
}

/** What `transcribe` receives. */
export interface TranscribeInput {
  sessionId: string;
  chunks: readonly EngineAudioChunk[];
  /** Requested languages; empty means detect (also when the client sent `auto_detect`). */
  languageHints: readonly string[];
  /** Languages the transcript should be written in, when the client asked for any. */
  transcriptLanguages: readonly string[];
  model: string;
  sessionMode: 'consultation' | 'dictation';
  /** Longest chunk in seconds (contract 5.4); decoding stops 0.25 s past it and the chunk is skipped. Default: 24. */
  maxChunkSeconds?: number;
  /** Most audio to decode for the whole session (the model's maximum duration); chunks past it are skipped. Default: none. */
  maxSessionSeconds?: number;
  /** A directory for the engine's temporary files, under the data directory and swept at start-up. Default: the OS temp directory. */
  workDir?: string;
}

/** A chunk whose duration an engine measured at upload by decoding it (issue 11 item 9). */
export type ChunkMeasurement =
  | { status: 'ok'; durationSeconds: number }
  /** Longer than allowed; decoding stopped at `decodedSeconds`, a lower bound. */
  | { status: 'too-long'; decodedSeconds: number }
  /** Not decodable; left to processing, which skips it (contract 5.4). */
  | { status: 'undecodable'; message: string };

/** A chunk the engine could not use; it becomes a `processing_errors` entry and makes the session `partial`. */
export interface SkippedChunk {
  fileName: string;
  message: string;
}

/** What `transcribe` returns. */
export interface Transcription {
  text: string;
  /** Detected language; the server reports its primary 2-letter subtag as `language_detected`. */
  language: string;
  skipped?: readonly SkippedChunk[];
}

/** What `extract` receives for one requested template. */
export interface ExtractInput {
  sessionId: string;
  templateId: string;
  transcript: string;
  language: string;
  model: string;
  sessionMode: 'consultation' | 'dictation';
  patientDetails?: Record<string, unknown>;
}

/** The result of one template: a document, or a failure that makes the session `partial`. */
export type TemplateOutcome =
  | { status: 'success'; data: Record<string, unknown> | Record<string, unknown>[]; extra?: Record<string, unknown> }
  | { status: 'failed'; error: { code: string; message: string } };

/** Transcription and extraction, swappable so tests and later issues can plug in real recognisers. */
export interface Engine {
  /** Templates the engine extracts; used as the catalogue unless the server options name one. */
  readonly templates?: readonly TemplateInfo[];
  /** MIME types (besides `audio/wav`) the engine decodes; advertised in discovery `audio_formats`. */
  readonly audioFormats?: readonly string[];
  /**
   * Decodes a compressed upload (any type in `audioFormats`) far enough to know whether it lasts at most `maxSeconds`,
   * never further, so a bomb is refused at upload with `chunk_too_large`. Optional: without it compressed chunks are
   * only checked while processing.
   */
  measureChunk?(input: { path: string } | { bytes: Uint8Array }, maxSeconds: number, signal: AbortSignal): Promise<ChunkMeasurement>;
  /** Turns the session's chunks into text. Throw an `EngineError` to fail the session with a specific code. */
  transcribe(input: TranscribeInput, signal: AbortSignal): Promise<Transcription>;
  /** Extracts one template; several outcomes mean several documents for one id (the `eka` list repeats it). */
  extract(input: ExtractInput, signal: AbortSignal): Promise<TemplateOutcome | TemplateOutcome[]>;
}

/** Session-level failure codes an engine may raise (contract 3.7). */
export type EngineErrorCode = 'processing_failed' | 'language_unsupported' | 'audio_too_short';

/** An engine failure carrying the session `error.code` to report. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** The engine used when none is given: no transcriber, so every session ends `failed` with `processing_failed`. */
export function createDefaultEngine(): Engine {
  return {
    async transcribe() {
      throw new EngineError('processing_failed', 'no transcriber configured');
    },
    async extract() {
      return { status: 'failed', error: { code: 'extraction_failed', message: 'no extractor configured' } };
    },
  };
}
