import { CHUNK_TOLERANCE_SECONDS } from '../../audio/audio-checks.js';
import { ENGINE_SAMPLE_RATE, type EngineAudioChunk, type SkippedChunk } from '../engine.js';
import { decodeWithFfmpeg, DecodedTooLongError } from './decode-with-ffmpeg.js';

/** The session's audio as one signal, and the chunks that could not be used. */
export interface JoinedAudio {
  pcm: Float32Array;
  skipped: SkippedChunk[];
  /** Chunks that went into `pcm`. */
  used: number;
}

/** Limits of {@link joinSessionAudio}. */
export interface JoinLimits {
  /** Longest chunk; decoding goes 0.25 s further (the tolerance of contract 5.4). */
  maxChunkSeconds: number;
  /** Most audio for the whole session. */
  maxSessionSeconds: number;
}

// A short pause between chunks: a client's voice-activity detector cut them at pauses, and the recogniser segments
// utterances at silence, so this keeps one chunk's last word from running into the next one's first.
const GAP_SECONDS = 0.3;

/**
 * Joins the chunks in index order. WAV chunks arrive decoded; compressed ones are decoded with ffmpeg when there is
 * one, else skipped with a message saying what to install. Each decode stops at the smaller of the chunk limit and
 * what is left of the session's (issue 11 item 9): a chunk past either is skipped, never held in full.
 */
export async function joinSessionAudio(chunks: readonly EngineAudioChunk[], ffmpeg: string | undefined, limits: JoinLimits, signal: AbortSignal): Promise<JoinedAudio> {
  const parts: Float32Array[] = [];
  const skipped: SkippedChunk[] = [];
  let sessionSeconds = 0;
  for (const chunk of chunks) {
    const left = limits.maxSessionSeconds - sessionSeconds;
    const sessionFull = `${chunk.fileName} was not used: the session's audio already reached its maximum of ${limits.maxSessionSeconds} s`;
    if (chunk.pcm) {
      const seconds = chunk.pcm.length / ENGINE_SAMPLE_RATE;
      if (seconds > left) {
        skipped.push({ fileName: chunk.fileName, message: sessionFull });
        continue;
      }
      parts.push(chunk.pcm);
      sessionSeconds += seconds;
      continue;
    }
    if (!ffmpeg) {
      skipped.push({ fileName: chunk.fileName, message: `${chunk.fileName} (${chunk.contentType}) needs ffmpeg on the server to be decoded; install ffmpeg or upload WAV` });
      continue;
    }
    const chunkCap = limits.maxChunkSeconds + CHUNK_TOLERANCE_SECONDS;
    const maxSeconds = Math.min(chunkCap, left);
    try {
      const input = chunk.path !== undefined ? { path: chunk.path } : { bytes: chunk.bytes };
      const decoded = await decodeWithFfmpeg(input, { command: ffmpeg, maxSeconds, signal });
      parts.push(decoded.samples);
      sessionSeconds += decoded.durationSeconds;
    } catch (error) {
      if (error instanceof DecodedTooLongError) {
        const chunkLimit = maxSeconds === chunkCap;
        skipped.push({ fileName: chunk.fileName, message: chunkLimit ? `${chunk.fileName} is longer than ${limits.maxChunkSeconds} s` : sessionFull });
        continue;
      }
      skipped.push({ fileName: chunk.fileName, message: `${chunk.fileName} could not be decoded: ${(error as Error).message}` });
    }
  }
  return { pcm: concatenate(parts), skipped, used: parts.length };
}

function concatenate(parts: readonly Float32Array[]): Float32Array {
  const gap = Math.round(GAP_SECONDS * ENGINE_SAMPLE_RATE);
  const pcm = new Float32Array(parts.reduce((sum, part) => sum + part.length + gap, gap));
  let offset = gap;
  for (const part of parts) {
    pcm.set(part, offset);
    offset += part.length + gap;
  }
  return pcm;
}
