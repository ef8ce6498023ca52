import { HttpError } from '../http/responses.js';
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
 * `maxChunkSeconds` + 0.25 s. Returns its duration, or `undefined` for other formats (checked while processing).
 */
export function checkWav(bytes: Uint8Array, contentType: string, maxChunkSeconds: number): number | undefined {
  if (contentType !== 'audio/wav' && !looksLikeWav(bytes)) return undefined;
  let duration: number;
  try {
    duration = parseWav(bytes).durationSeconds;
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
