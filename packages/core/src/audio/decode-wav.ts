import { InvalidAudioError } from '../errors';
import { throwIfAborted } from '../errors/abort';
import { createWavDecoder, type WavTruncation } from './create-wav-decoder';
import type { PcmBlock } from './pcm-block';
import type { WavFormat } from './wav-format';

/** A whole WAV file decoded to planar floats. */
export interface DecodedWav {
  /** The file's format. */
  format: WavFormat;
  /** Sample frames per second (same as `format.sampleRate`). */
  sampleRate: number;
  /** One array per channel, samples in [-1, 1]. */
  channels: Float32Array[];
  /** Set when the data chunk was cut short; `channels` then hold every complete sample frame that was present. */
  truncation: WavTruncation | undefined;
}

/** Decodes a complete WAV file held in memory (see `createWavDecoder` for formats and errors). */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const decoder = createWavDecoder({ maxBlockFrames: Number.POSITIVE_INFINITY });
  const blocks = decoder.push(bytes);
  blocks.push(...decoder.end());
  const format = decoder.format!;
  const frames = blocks.reduce((sum, block) => sum + block.channels[0]!.length, 0);
  const channels = Array.from({ length: format.channelCount }, () => new Float32Array(frames));
  let at = 0;
  for (const block of blocks) {
    block.channels.forEach((channel, c) => channels[c]!.set(channel, at));
    at += block.channels[0]!.length;
  }
  return { format, sampleRate: format.sampleRate, channels, truncation: decoder.truncation };
}

/** Bytes of a WAV file: all at once, or in pieces as they are read. */
export type WavByteSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Options of `wavPcmBlocks`. */
export interface WavPcmBlocksOptions {
  /** Most sample frames per block. Default 16384. */
  maxBlockFrames?: number;
  /** Called once, after the last block, when the data chunk was cut short. Default: none. */
  onTruncated?: (truncation: WavTruncation) => void;
  /** Throw InvalidAudioError after the last block instead of accepting a truncated file. Default false. */
  rejectTruncated?: boolean;
  /** Stops reading between pieces with AbortError. */
  signal?: AbortSignal;
}

/**
 * Streams a WAV file as PcmBlocks while its bytes arrive, never holding the file. A truncated data chunk yields every
 * complete sample frame and is then reported through `onTruncated` (or refused, with `rejectTruncated`), because a
 * recording cut off by a crash still holds audio worth transcribing.
 */
export async function* wavPcmBlocks(source: WavByteSource, options: WavPcmBlocksOptions = {}): AsyncGenerator<PcmBlock, void, undefined> {
  const decoder = createWavDecoder({ maxBlockFrames: options.maxBlockFrames });
  const pieces = source instanceof Uint8Array ? [source] : source;
  for await (const piece of pieces) {
    throwIfAborted(options.signal);
    yield* decoder.push(piece);
  }
  yield* decoder.end();
  const { truncation } = decoder;
  if (truncation === undefined) return;
  if (options.rejectTruncated) {
    const declared = truncation.declaredBytes === undefined ? 'an unknown length' : `${truncation.declaredBytes} bytes`;
    throw new InvalidAudioError(`The WAV data chunk is truncated: ${truncation.receivedBytes} bytes of ${declared} arrived.`, {
      details: { declared_bytes: truncation.declaredBytes, received_bytes: truncation.receivedBytes },
    });
  }
  options.onTruncated?.(truncation);
}
