import { PROTOCOL_MAX_CHUNK_SECONDS } from '../discovery/service-description';
import { ConfigError } from '../errors';
import { PRODUCTION_MAX_CHUNK_SECONDS } from '../uploads/max-chunk-seconds';

/** How speech is grouped into upload chunks. */
export interface ChunkingOptions {
  /**
   * Longest chunk, in seconds; never exceeded. Default 20 (the protocol maximum; pass
   * `effectiveMaxChunkSeconds(configured, discovery)` to follow discovery). Above 24 is a ConfigError.
   */
  maxChunkSeconds?: number;
  /** Length to aim for, in seconds: chunks are cut at the quietest pause near it. Default min(10, maxChunkSeconds). */
  preferredChunkSeconds?: number;
  /** Half-width of the window around the preferred length searched for the quietest pause, in seconds. Default 3. */
  cutWindowSeconds?: number;
  /**
   * A pause longer than this (seconds of non-speech) closes the chunk, so a chunk is not held back waiting for the
   * next utterance. Default 5; `Infinity` merges across any pause.
   */
  maxMergeGapSeconds?: number;
}

/** Chunking limits in frames of the segmenter's timeline. */
export interface ChunkingFrames {
  /** Most frames in a chunk. */
  maxFrames: number;
  /** Preferred length in frames (fractional). */
  preferredFrames: number;
  /** Window of preferred cut positions, in frames (fractional, inclusive). */
  windowStart: number;
  /** End of that window, at most `maxFrames`. */
  windowEnd: number;
  /** Pause frames after which the chunk is closed. */
  maxMergeGapFrames: number;
}

/** Validates the chunking options and converts them to frames of `frameSamples` at `sampleRate`. */
export function resolveChunkingOptions(options: ChunkingOptions, frameSamples: number, sampleRate: number): ChunkingFrames {
  const max = options.maxChunkSeconds ?? PROTOCOL_MAX_CHUNK_SECONDS;
  if (!(Number.isFinite(max) && max > 0)) throw new ConfigError(`maxChunkSeconds must be a positive number of seconds, got ${String(max)}.`);
  if (max > PRODUCTION_MAX_CHUNK_SECONDS) {
    throw new ConfigError(`maxChunkSeconds is ${max}, over the ${PRODUCTION_MAX_CHUNK_SECONDS} s the backend accepts; use at most ${PRODUCTION_MAX_CHUNK_SECONDS}.`);
  }
  const preferred = options.preferredChunkSeconds ?? Math.min(10, max);
  if (!(preferred > 0 && preferred <= max)) throw new ConfigError(`preferredChunkSeconds must be in (0, maxChunkSeconds = ${max}], got ${String(preferred)}.`);
  const window = options.cutWindowSeconds ?? 3;
  if (!(window >= 0 && Number.isFinite(window))) throw new ConfigError(`cutWindowSeconds must be a finite number ≥ 0, got ${String(window)}.`);
  const gap = options.maxMergeGapSeconds ?? 5;
  if (!(gap >= 0)) throw new ConfigError(`maxMergeGapSeconds must be ≥ 0, got ${String(gap)}.`);
  const framesPerSecond = sampleRate / frameSamples;
  const maxFrames = Math.floor((max * sampleRate) / frameSamples + 1e-9);
  if (maxFrames < 1) throw new ConfigError(`maxChunkSeconds ${max} is shorter than one ${frameSamples}-sample frame.`);
  return {
    maxFrames,
    preferredFrames: preferred * framesPerSecond,
    windowStart: Math.max(1, (preferred - window) * framesPerSecond),
    windowEnd: Math.min(maxFrames, (preferred + window) * framesPerSecond),
    maxMergeGapFrames: gap * framesPerSecond,
  };
}
