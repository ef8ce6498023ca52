import { AbortError, InvalidAudioError, type PcmBlock } from '@scribe/core';

/** Which streaming wasm decoder to run. */
export type CompressedStreamCodec = 'mp3' | 'ogg-vorbis' | 'flac';

/** Options for `decodeCompressedStream`. */
export interface DecodeCompressedStreamOptions {
  /** How error messages name the input. Default: `audio`. */
  label?: string;
  /** Stops decoding. */
  signal?: AbortSignal;
  /** Keep only the first channel: mpg123 always outputs stereo, even for a mono file. Default false. */
  mono?: boolean;
}

interface DecodedAudio {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string }[];
}

/** The common shape of the wasm-audio-decoders streaming decoders (mpg123-decoder's `decode` is synchronous). */
interface StreamDecoder {
  ready: Promise<void>;
  decode(bytes: Uint8Array): DecodedAudio | Promise<DecodedAudio>;
  flush?(): Promise<DecodedAudio>;
  free(): void;
}

// Compressed bytes fed per call: 16 KiB of 32 kbit/s mp3 is 4 s of audio, so blocks stay small at any bit rate.
const FEED_BYTES = 16 * 1024;

async function createDecoder(codec: CompressedStreamCodec): Promise<StreamDecoder> {
  switch (codec) {
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      return new MPEGDecoder();
    }
    case 'ogg-vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      return new OggVorbisDecoder();
    }
    case 'flac': {
      // Reads native FLAC and FLAC in Ogg alike.
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      return new FLACDecoder();
    }
  }
}

/**
 * Streams mp3 (mpg123), Ogg Vorbis or FLAC/Ogg FLAC through a wasm decoder, feeding it the input piece by piece.
 * Decoding errors with no audio at all become `InvalidAudioError`; the decoder is freed however iteration ends.
 */
export async function* decodeCompressedStream(
  chunks: AsyncIterable<Uint8Array>,
  codec: CompressedStreamCodec,
  options: DecodeCompressedStreamOptions = {},
): AsyncGenerator<PcmBlock> {
  const label = options.label ?? 'audio';
  const decoder = await createDecoder(codec);
  let decodedAny = false;
  let firstError: string | undefined;
  const toBlock = (decoded: DecodedAudio): PcmBlock | undefined => {
    firstError ??= decoded.errors[0]?.message;
    if (decoded.samplesDecoded === 0) return undefined;
    decodedAny = true;
    const channels = options.mono ? decoded.channelData.slice(0, 1) : decoded.channelData;
    return { channels: channels.map((plane) => plane.subarray(0, decoded.samplesDecoded)), sampleRate: decoded.sampleRate };
  };
  try {
    await decoder.ready;
    for await (const chunk of chunks) {
      for (let offset = 0; offset < chunk.length; offset += FEED_BYTES) {
        if (options.signal?.aborted) throw new AbortError();
        const block = toBlock(await decoder.decode(chunk.subarray(offset, offset + FEED_BYTES)));
        if (block) yield block;
      }
    }
    const tail = decoder.flush ? toBlock(await decoder.flush()) : undefined;
    if (tail) yield tail;
    if (!decodedAny && firstError) throw new InvalidAudioError(`${label}: ${codecName(codec)} decoding failed: ${firstError}`);
  } finally {
    decoder.free();
  }
}

function codecName(codec: CompressedStreamCodec): string {
  return codec === 'mp3' ? 'MP3' : codec === 'flac' ? 'FLAC' : 'Ogg Vorbis';
}
