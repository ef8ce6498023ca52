import { ENGINE_SAMPLE_RATE, type EngineAudioChunk, type SkippedChunk } from '../engine.js';
import { decodeWithFfmpeg } from './decode-with-ffmpeg.js';

/** The session's audio as one signal, and the chunks that could not be used. */
export interface JoinedAudio {
  pcm: Float32Array;
  skipped: SkippedChunk[];
  /** Chunks that went into `pcm`. */
  used: number;
}

// A short pause between chunks: a client's voice-activity detector cut them at pauses, and the recogniser segments
// utterances at silence, so this keeps one chunk's last word from running into the next one's first.
const GAP_SECONDS = 0.3;

/**
 * Joins the chunks in index order. WAV chunks arrive decoded; compressed ones are decoded with ffmpeg when there is
 * one, else skipped with a message saying what to install.
 */
export async function joinSessionAudio(chunks: readonly EngineAudioChunk[], ffmpeg: string | undefined, signal: AbortSignal): Promise<JoinedAudio> {
  const parts: Float32Array[] = [];
  const skipped: SkippedChunk[] = [];
  for (const chunk of chunks) {
    if (chunk.pcm) {
      parts.push(chunk.pcm);
      continue;
    }
    if (!ffmpeg) {
      skipped.push({ fileName: chunk.fileName, message: `${chunk.fileName} (${chunk.contentType}) needs ffmpeg on the server to be decoded; install ffmpeg or upload WAV` });
      continue;
    }
    try {
      parts.push(await decodeWithFfmpeg(chunk.bytes, { command: ffmpeg, signal }));
    } catch (error) {
      skipped.push({ fileName: chunk.fileName, message: `${chunk.fileName} could not be decoded: ${(error as Error).message}` });
    }
  }
  const gap = Math.round(GAP_SECONDS * ENGINE_SAMPLE_RATE);
  const pcm = new Float32Array(parts.reduce((sum, part) => sum + part.length + gap, gap));
  let offset = gap;
  for (const part of parts) {
    pcm.set(part, offset);
    offset += part.length + gap;
  }
  return { pcm, skipped, used: parts.length };
}
