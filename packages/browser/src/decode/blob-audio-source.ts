import { blobName } from './blob-name';
import { AbortError, InvalidAudioError, ScribeError, type PcmBlock, type SessionAudioSource } from '@scribe/core';
import { megabytes } from './megabytes';

/** Options of `createBlobAudioSource`. */
export interface BlobAudioSourceOptions {
  /** How errors and the session name the audio. Default: the `File`'s name, else "the audio blob". */
  name?: string;
  /** The largest blob accepted, in bytes. Default 1 GiB (several hours of compressed speech). */
  maxBytes?: number;
  /** The longest audio decoded, in seconds; decoding stops with an `InvalidAudioError` beyond it. Default 4 hours. */
  maxSeconds?: number;
  /**
   * The largest blob the `decodeAudioData` fallback takes, in bytes. That path holds the whole file as PCM, so it is
   * only for short files where WebCodecs is missing or lacks the codec. Default 16 MiB.
   */
  fallbackMaxBytes?: number;
}

/** Decoding defaults (documented in docs/browser.md). */
export const BLOB_AUDIO_DEFAULTS = { maxBytes: 1024 ** 3, maxSeconds: 4 * 3600, fallbackMaxBytes: 16 * 1024 ** 2 } as const;

/**
 * A `File` or `Blob` (wav, mp3, m4a, webm, ogg, flac) as a session audio source (`live: false`). Decoding streams:
 * mediabunny demuxes the blob by ranged reads and WebCodecs decodes it, yielding blocks as they are decoded, so a
 * one-hour file is never held as PCM. Where WebCodecs is missing or cannot decode the codec, a file of at most
 * `fallbackMaxBytes` is decoded whole with `decodeAudioData`. Empty, corrupt, unsupported or over-limit input throws
 * `InvalidAudioError` with advice. Nothing is read until the session opens it.
 */
export function createBlobAudioSource(blob: Blob, options: BlobAudioSourceOptions = {}): SessionAudioSource {
  const label = blobName(blob, options.name);
  return {
    live: false,
    description: label,
    open: (signal) => decodeBlob(blob, label, { ...BLOB_AUDIO_DEFAULTS, ...options }, signal),
  };
}

// Size checks up front (before any read), then streaming decode.
function decodeBlob(blob: Blob, label: string, limits: Required<Omit<BlobAudioSourceOptions, 'name'>>, signal?: AbortSignal): AsyncIterable<PcmBlock> {
  if (blob.size === 0) throw new InvalidAudioError(`${label} is empty (0 bytes): choose the recording again.`);
  if (blob.size > limits.maxBytes) {
    throw new InvalidAudioError(`${label} is ${megabytes(blob.size)}, over the ${megabytes(limits.maxBytes)} limit (maxBytes): split the recording or raise the limit.`);
  }
  return decodeBlocks(blob, label, limits, signal);
}

async function* decodeBlocks(blob: Blob, label: string, limits: Required<Omit<BlobAudioSourceOptions, 'name'>>, signal?: AbortSignal): AsyncGenerator<PcmBlock> {
  if (signal?.aborted) throw new AbortError();
  try {
    // Decoding loads on first use (issue 9: a recording app's bundle carries none of it), inside the try so a failed
    // chunk load reads as the InvalidAudioError any other open failure gives.
    const { decodedBlobBlocks } = await import('./decoded-blob-blocks');
    yield* decodedBlobBlocks(blob, label, limits, signal);
  } catch (error) {
    throw toInvalidAudio(error, label, signal);
  }
}

function toInvalidAudio(error: unknown, label: string, signal?: AbortSignal): ScribeError {
  if (signal?.aborted) return ScribeError.is(error) && error.code === 'aborted' ? error : new AbortError(undefined, { cause: error });
  if (ScribeError.is(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InvalidAudioError(`${label} could not be decoded (the file may be damaged or cut short): ${message}`, { cause: error });
}
