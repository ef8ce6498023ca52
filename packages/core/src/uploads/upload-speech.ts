import { effectiveMaxChunkSeconds } from './max-chunk-seconds';
import { ConfigError, InvalidAudioError, ScribeError } from '../errors';
import type { ScribeConfig } from '../config/scribe-config';
import type { DiscoveryClient } from '../discovery/discovery-client';
import type { ScribeProgressEvent } from '../audio/audio-progress-event';
import type { SpeechChunkerOptions } from '../audio/create-speech-chunker';
import type { PcmBlockSource } from '../audio/pcm-block';
import { readAhead } from '../audio/read-ahead';
import { speechChunks } from '../audio/speech-chunks';
import type { VoiceActivityDetector } from '../audio/voice-activity-detector';
import type { ChunkSource } from './chunk-uploader';
import { ChunkUploadError } from './chunk-upload-error';
import type { UploadChunksOptions, UploadResult } from './audio-uploads';

/** Options of `uploadSpeech` (and of `uploadAudioFile` / `uploadPcm` in the platform packages). */
export interface UploadSpeechOptions extends Omit<UploadChunksOptions, 'onProgress' | 'extension'> {
  /** One progress stream: `audio-decoded`, `speech-started`, `speech-found`, `chunk-ready`, `chunk-queued`, `chunk-uploaded`, `chunk-retried`. */
  onProgress?: (event: ScribeProgressEvent) => void;
  /**
   * Speech detection and chunking: thresholds, padding, preferred and maximum chunk length. Default: the documented
   * defaults of docs/audio-pipeline.md, with `maxChunkSeconds` = `min(discovery, 20)` or the configured maximum.
   */
  chunking?: Omit<SpeechChunkerOptions, 'frameSamples' | 'sampleRate' | 'onSpeechEvent'>;
  /** Chunks detected ahead of the upload in flight, so detection never waits for the network. Default 2. */
  readAhead?: number;
  /**
   * Chunks of this input the service already holds, cut but not uploaded: resuming an interrupted upload of the same
   * input, together with `startIndex` (a ChunkUploadError names both). Speech detection is deterministic, so the same
   * input cuts into the same chunks. Default 0.
   */
  skipChunks?: number;
}

/** What a speech upload needs from its client: the configuration, discovery, the two upload calls and a detector. */
export interface SpeechUploadContext {
  /** The resolved configuration (its `maxChunkSeconds`). */
  readonly config: ScribeConfig;
  /** Discovery (the advertised chunk limit, read only when none is configured). */
  readonly discovery: DiscoveryClient;
  /** Uploads chunks; resolves with the number acknowledged. */
  uploadChunks(sessionId: string, chunks: ChunkSource, options: UploadChunksOptions): Promise<UploadResult>;
  /** Ends the session with the number of chunks the server holds. */
  endSession(sessionId: string, options: { audioFilesSent: number; signal?: AbortSignal }): Promise<unknown>;
  /** A fresh detector (its own state), disposed by `uploadSpeech` when the run ends. */
  createDetector(): Promise<VoiceActivityDetector>;
}

/** The speech-upload context of a client (the composed core, or anything with these calls) and a detector factory. */
export function speechUploadContext(
  core: Pick<SpeechUploadContext, 'config' | 'discovery' | 'uploadChunks' | 'endSession'>,
  createDetector: () => Promise<VoiceActivityDetector>,
): SpeechUploadContext {
  return {
    config: core.config,
    discovery: core.discovery,
    uploadChunks: (sessionId, chunks, options) => core.uploadChunks(sessionId, chunks, options),
    endSession: (sessionId, options) => core.endSession(sessionId, options),
    createDetector,
  };
}

/**
 * Runs decoded audio through local speech detection and uploads the chunks as they are decided, while the source is
 * still being read; then ends the session unless `endSession: false`. Resolves with the chunks acknowledged and the
 * next index. When no
 * speech at all was found and the session would be ended with nothing in it, the session is left open and an
 * InvalidAudioError says so, so the caller can send other audio instead of getting an empty, failed session.
 * `what` names the input in that error (a path, "the PCM input").
 */
export async function uploadSpeech(
  context: SpeechUploadContext,
  sessionId: string,
  blocks: PcmBlockSource,
  what: string,
  options: UploadSpeechOptions = {},
): Promise<UploadResult> {
  const { chunking, onProgress, readAhead: ahead = 2, endSession = true, startIndex = 0, skipChunks = 0, ...uploadOptions } = options;
  if (!Number.isSafeInteger(skipChunks) || skipChunks < 0) throw new ConfigError(`skipChunks must be an integer ≥ 0, got ${String(skipChunks)}.`);
  const maxChunkSeconds = chunking?.maxChunkSeconds ?? (await maxChunkSecondsFor(context, options.signal));
  const detector = await context.createDetector();
  try {
    const chunks = speechChunks(blocks, { ...chunking, maxChunkSeconds, vad: detector, signal: options.signal, onProgress });
    const uploaded = await context
      .uploadChunks(sessionId, readAhead(skipFirst(chunks, skipChunks), ahead), { ...uploadOptions, startIndex, endSession: false, onProgress })
      .catch((error: unknown) => {
        throw withSkipChunks(unwrapSourceError(error), startIndex, skipChunks);
      });
    if (endSession) {
      if (uploaded.nextIndex === 0) throw noSpeechError(what, chunks.stats.decodedSeconds, sessionId);
      await context.endSession(sessionId, { audioFilesSent: startIndex + uploaded.acknowledged, signal: options.signal });
    }
    return uploaded;
  } finally {
    await detector.dispose();
  }
}

/** The chunk length limit of a speech upload: the configured one, else `min(discovery, 20)`. */
export async function maxChunkSecondsFor(context: Pick<SpeechUploadContext, 'config' | 'discovery'>, signal: AbortSignal | undefined): Promise<number> {
  if (context.config.maxChunkSeconds !== undefined) return effectiveMaxChunkSeconds(context.config.maxChunkSeconds, undefined);
  const description = await context.discovery.get({ signal });
  return effectiveMaxChunkSeconds(undefined, description.maxChunkDurationSeconds);
}

// Unusable input (an empty, truncated or non-audio file, bad PCM, a missing decoder) fails before any chunk is sent:
// the caller gets the decoder's own InvalidAudioError or ConfigError rather than a resumable ChunkUploadError, which
// only matters once chunks have been acknowledged.
function unwrapSourceError(error: unknown): unknown {
  if (!ChunkUploadError.is(error) || error.acknowledged > 0 || error.fileName !== undefined) return error;
  const cause = error.cause;
  return ScribeError.is(cause) && (cause.code === 'invalid_audio' || cause.code === 'config_error') ? cause : error;
}

/** The source without its first `count` items (still read, so detection sees the whole input). */
async function* skipFirst<T>(source: AsyncIterable<T>, count: number): AsyncIterable<T> {
  let index = 0;
  for await (const item of source) if (index++ >= count) yield item;
}

// The uploader knows indexes, not the input: add how many of this input's chunks a resend of it must skip.
function withSkipChunks(error: unknown, startIndex: number, skipChunks: number): unknown {
  if (!ChunkUploadError.is(error)) return error;
  const { acknowledged, resumeIndex, fileName } = error;
  return new ChunkUploadError(error.cause, { acknowledged, resumeIndex, fileName, skipChunks: skipChunks + resumeIndex - startIndex });
}

/** The error for audio in which no speech was found: the session was left open for other audio. */
export function noSpeechError(what: string, decodedSeconds: number, sessionId: string): InvalidAudioError {
  return new InvalidAudioError(
    `No speech was found in ${what} (${decodedSeconds.toFixed(1)} s of audio decoded), so nothing was uploaded and session ${sessionId} was left open: upload other audio, or end it yourself.`,
    { details: { session_id: sessionId, decoded_seconds: decodedSeconds } },
  );
}
