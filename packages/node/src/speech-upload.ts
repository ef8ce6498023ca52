import {
  ChunkUploadError,
  ConfigError,
  effectiveMaxChunkSeconds,
  InvalidAudioError,
  readAhead,
  speechChunks,
  type PcmBlockSource,
  type ScribeCore,
  type ScribeProgressEvent,
  type SpeechChunkerOptions,
  type SpeechChunkStats,
  type UploadChunksOptions,
  type VoiceActivityDetector,
} from '@scribe/core';

/** Options shared by `uploadAudioFile` and `uploadPcm`. */
export interface UploadSpeechOptions extends Omit<UploadChunksOptions, 'onProgress' | 'extension'> {
  /** One progress stream: `audio-decoded`, `speech-found`, `chunk-ready`, `chunk-queued`, `chunk-uploaded`, `chunk-retried`. */
  onProgress?: (event: ScribeProgressEvent) => void;
  /**
   * Speech detection and chunking: thresholds, padding, preferred and maximum chunk length. Default: the documented
   * defaults of docs/audio-pipeline.md, with `maxChunkSeconds` = `min(discovery, 20)` or the configured maximum.
   */
  chunking?: Omit<SpeechChunkerOptions, 'frameSamples' | 'sampleRate' | 'onSpeechEvent'>;
  /** Chunks detected ahead of the upload in flight, so detection never waits for the network. Default 2. */
  readAhead?: number;
}

/** What a speech upload needs from its client. */
export interface SpeechUploadContext {
  /** The composed core client. */
  core: ScribeCore;
  /** A fresh detector (its own state) on the client's shared model. */
  createDetector: () => Promise<VoiceActivityDetector>;
}

/**
 * Runs decoded audio through local speech detection and uploads the chunks as they are decided, while the source is
 * still being read; then ends the session unless `endSession: false`. Resolves with the chunks acknowledged. When no
 * speech at all was found and the session would be ended with nothing in it, the session is left open and an
 * InvalidAudioError says so, so the caller can send other audio instead of getting an empty, failed session.
 */
export async function uploadSpeech(
  context: SpeechUploadContext,
  sessionId: string,
  blocks: PcmBlockSource,
  what: string,
  options: UploadSpeechOptions = {},
): Promise<number> {
  const { chunking, onProgress, readAhead: ahead = 2, endSession = true, startIndex = 0, ...uploadOptions } = options;
  const maxChunkSeconds = chunking?.maxChunkSeconds ?? (await maxChunkSecondsFor(context.core, options.signal));
  const detector = await context.createDetector();
  try {
    const chunks = speechChunks(blocks, { ...chunking, maxChunkSeconds, vad: detector, signal: options.signal, onProgress });
    const acknowledged = await context.core
      .uploadChunks(sessionId, readAhead(chunks, ahead), { ...uploadOptions, startIndex, endSession: false, onProgress })
      .catch((error: unknown) => {
        throw unwrapSourceError(error);
      });
    if (endSession) {
      if (startIndex + acknowledged === 0) throw noSpeech(what, chunks.stats, sessionId);
      await context.core.endSession(sessionId, { audioFilesSent: startIndex + acknowledged, signal: options.signal });
    }
    return acknowledged;
  } finally {
    await detector.dispose();
  }
}

// eka reads discovery only when no maximum is configured; any failure there falls back to the built-in 20 s.
async function maxChunkSecondsFor(core: ScribeCore, signal: AbortSignal | undefined): Promise<number> {
  if (core.config.maxChunkSeconds !== undefined) return effectiveMaxChunkSeconds(core.config.maxChunkSeconds, undefined);
  const description = await core.discovery.get({ signal });
  return effectiveMaxChunkSeconds(undefined, description.maxChunkDurationSeconds);
}

// Unusable input (an empty, truncated or non-audio file, bad PCM, a missing ffmpeg) fails before any chunk is sent:
// the caller gets the decoder's own InvalidAudioError or ConfigError rather than a resumable ChunkUploadError, which
// only matters once chunks have been acknowledged.
function unwrapSourceError(error: unknown): unknown {
  if (!(error instanceof ChunkUploadError) || error.acknowledged > 0 || error.fileName !== undefined) return error;
  return error.cause instanceof InvalidAudioError || error.cause instanceof ConfigError ? error.cause : error;
}

function noSpeech(what: string, stats: SpeechChunkStats, sessionId: string): InvalidAudioError {
  return new InvalidAudioError(
    `No speech was found in ${what} (${stats.decodedSeconds.toFixed(1)} s of audio decoded), so nothing was uploaded and session ${sessionId} was left open: upload other audio, or end it yourself.`,
    { details: { session_id: sessionId, decoded_seconds: stats.decodedSeconds } },
  );
}
