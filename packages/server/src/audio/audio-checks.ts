import { HttpError } from '../http/responses.js';
import type { Engine } from '../processing/engine.js';
import { ACCEPTED_AUDIO_FORMATS, isUninformativeType, normaliseAudioType, typeFromExtension } from './mime.js';
import { looksLikeWav, parseWav, WavFormatError } from './wav.js';

/** Slack beyond the chunk maximum, so a chunk cut at exactly 24.0 s with framing rounding still passes (5.4). */
export const CHUNK_TOLERANCE_SECONDS = 0.25;

/**
 * The normalised content type of an upload (contract 5.3); a missing or `application/octet-stream` type is inferred
 * from the extension. Anything else unknown is 400 `invalid_audio_format`.
 */
export function resolveAudioType(declared: string | undefined, fileName: string): string {
  const resolved = isUninformativeType(declared) ? typeFromExtension(fileName) : normaliseAudioType(declared as string);
  if (resolved === undefined) {
    throw new HttpError(400, 'invalid_audio_format', `Unsupported audio format ${JSON.stringify(declared ?? 'none')}.`, {
      provided_format: declared ?? null,
      supported_formats: [...ACCEPTED_AUDIO_FORMATS],
    });
  }
  return resolved;
}

/**
 * WAV checks of contract 2.10: a WAV (by declared type or by its RIFF bytes) must parse, and last at most
 * `maxChunkSeconds` + 0.25 s. `bytes` may be the file's head when `totalLength` is its size. Returns its duration, or
 * `undefined` for other formats (see {@link checkCompressedDuration}).
 */
export function checkWav(bytes: Uint8Array, contentType: string, maxChunkSeconds: number, totalLength = bytes.length): number | undefined {
  if (contentType !== 'audio/wav' && !looksLikeWav(bytes)) return undefined;
  let duration: number;
  try {
    duration = parseWav(bytes, totalLength).durationSeconds;
  } catch (error) {
    if (!(error instanceof WavFormatError)) throw error;
    throw new HttpError(400, 'invalid_audio_format', `Not a readable WAV file: ${error.message}.`, {
      provided_format: contentType,
      supported_formats: [...ACCEPTED_AUDIO_FORMATS],
    });
  }
  if (duration > maxChunkSeconds + CHUNK_TOLERANCE_SECONDS) {
    throw new HttpError(400, 'chunk_too_large', `Chunk lasts ${duration.toFixed(3)} s; the maximum is ${maxChunkSeconds} s.`, {
      chunk_duration_seconds: Math.round(duration * 1000) / 1000,
      max_duration_seconds: maxChunkSeconds,
    });
  }
  return duration;
}

/**
 * The duration check of a compressed upload (issue 11 item 9): the engine decodes it, never past the chunk maximum
 * plus tolerance, and a longer one (an audio bomb: a small file of hours of silence) is 400 `chunk_too_large`, like a
 * long WAV. Returns the duration, or `undefined` when the engine cannot measure it (no ffmpeg; undecodable bytes are
 * left to processing, which skips them).
 */
export async function checkCompressedDuration(
  engine: Engine,
  audio: { path: string } | { bytes: Uint8Array },
  maxChunkSeconds: number,
  signal: AbortSignal,
): Promise<number | undefined> {
  if (!engine.measureChunk) return undefined;
  const measured = await engine.measureChunk(audio, maxChunkSeconds + CHUNK_TOLERANCE_SECONDS, signal);
  if (measured.status === 'ok') return measured.durationSeconds;
  if (measured.status === 'undecodable') return undefined;
  const decoded = Math.floor(measured.decodedSeconds * 1000) / 1000;
  throw new HttpError(400, 'chunk_too_large', `Chunk lasts more than ${decoded.toFixed(3)} s; the maximum is ${maxChunkSeconds} s. Cut the audio into shorter chunks.`, {
    chunk_duration_seconds: decoded,
    max_duration_seconds: maxChunkSeconds,
  });
}
