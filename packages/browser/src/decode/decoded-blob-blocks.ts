import { AbortError, InvalidAudioError, type PcmBlock } from '@scribe/core';
import { decodeWithAudioContext } from './decode-with-audio-context';
import { megabytes } from './megabytes';
import { openBlobTrack, type BlobTrack } from './open-blob-track';

/** The limits decoding enforces (see `BlobAudioSourceOptions`). */
export interface DecodeLimits {
  /** The longest audio decoded, in seconds. */
  maxSeconds: number;
  /** The largest blob the `decodeAudioData` fallback takes, in bytes. */
  fallbackMaxBytes: number;
}

/**
 * A blob's decoded blocks: demuxed and decoded as a stream, or, where that cannot be done here, decoded whole by
 * `decodeAudioData` up to `fallbackMaxBytes`. Enforces `maxSeconds` and an empty result. Loaded on first use by
 * `createBlobAudioSource`, which maps what this throws to InvalidAudioError / AbortError.
 */
export async function* decodedBlobBlocks(blob: Blob, label: string, limits: DecodeLimits, signal?: AbortSignal): AsyncGenerator<PcmBlock> {
  let opened: BlobTrack | undefined;
  let seconds = 0;
  try {
    opened = await openBlobTrack(blob, label);
    const blocks = opened.decodable ? opened.blocks() : fallback(blob, label, limits, opened.reason, signal);
    for await (const block of blocks) {
      if (signal?.aborted) throw new AbortError();
      seconds += (block.channels[0]?.length ?? 0) / block.sampleRate;
      if (seconds > limits.maxSeconds) {
        throw new InvalidAudioError(`${label} is longer than the ${limits.maxSeconds} s limit (maxSeconds): split the recording or raise the limit.`);
      }
      yield block;
    }
    if (signal?.aborted) throw new AbortError();
    if (seconds === 0) throw new InvalidAudioError(`${label} contains no audio samples: the file may be cut short, or the recording was empty.`);
  } finally {
    opened?.dispose();
  }
}

async function* fallback(blob: Blob, label: string, limits: { fallbackMaxBytes: number }, reason: string, signal?: AbortSignal): AsyncGenerator<PcmBlock> {
  if (blob.size > limits.fallbackMaxBytes) {
    throw new InvalidAudioError(
      `${label} cannot be decoded as a stream here (${reason}), and at ${megabytes(blob.size)} it is over the ${megabytes(limits.fallbackMaxBytes)} that are decoded whole (fallbackMaxBytes). Convert it to MP3, WAV or Opus (WebM/Ogg), or use a browser with WebCodecs support for this codec.`,
    );
  }
  yield* decodeWithAudioContext(blob, label, reason, signal);
}
