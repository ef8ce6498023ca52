import { AbortError, InvalidAudioError, type PcmBlock } from '@scribe/core';
import { muteConsoleError } from './mute-console-error';

/** Options for `decodeMp3`. */
export interface DecodeMp3Options {
  /** How error messages name the input. Default: `audio`. */
  label?: string;
  /** Stops decoding. */
  signal?: AbortSignal;
  /** Keep only the first channel: mpg123 always outputs stereo, even for a mono file. Default false. */
  mono?: boolean;
}

// Compressed bytes fed per call: 16 KiB of 32 kbit/s mp3 is 4 s of audio, so blocks stay small at any bit rate.
const FEED_BYTES = 16 * 1024;

/**
 * Streams MPEG audio (mp3, and mp1/mp2) through mpg123-decoder, feeding it the input piece by piece; gapless
 * playback info (the LAME header) trims the encoder delay and padding. Decoding errors with no audio at all become
 * `InvalidAudioError`; the wasm decoder is freed however iteration ends.
 */
export async function* decodeMp3(chunks: AsyncIterable<Uint8Array>, options: DecodeMp3Options = {}): AsyncGenerator<PcmBlock> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  const decoder = new MPEGDecoder();
  let decodedAny = false;
  let firstError: string | undefined;
  try {
    await decoder.ready;
    for await (const chunk of chunks) {
      for (let offset = 0; offset < chunk.length; offset += FEED_BYTES) {
        if (options.signal?.aborted) throw new AbortError();
        const decoded = muteConsoleError(() => decoder.decode(chunk.subarray(offset, offset + FEED_BYTES)));
        firstError ??= decoded.errors[0]?.message;
        if (decoded.samplesDecoded === 0) continue;
        decodedAny = true;
        const channels = options.mono ? decoded.channelData.slice(0, 1) : decoded.channelData;
        yield { channels: channels.map((plane) => plane.subarray(0, decoded.samplesDecoded)), sampleRate: decoded.sampleRate };
      }
    }
    if (!decodedAny && firstError) throw new InvalidAudioError(`${options.label ?? 'audio'}: MP3 decoding failed: ${firstError}`);
  } finally {
    decoder.free();
  }
}
