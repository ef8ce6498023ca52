import { InvalidAudioError } from '../errors';
import { int16ToFloat } from './float-to-int16';
import { int16FromLittleEndianBytes } from './int16-little-endian';
import type { PcmBlock } from './pcm-block';
import { assertSampleRate } from './sample-rate';

/** Options of `pcmBlocksFromInt16Bytes`. */
export interface PcmBlocksFromInt16BytesOptions {
  /** Samples per yielded block. Default: one second (`sampleRate`). */
  blockSamples?: number;
}

/**
 * Cuts raw 16-bit little-endian mono PCM at a stated rate (contract 5.5) into PcmBlocks. Validates eagerly, before
 * anything is iterated: no bytes ("no audio"), an odd byte length, or a sample rate that is not an integer in
 * 4000..768000 Hz are InvalidAudioErrors.
 */
export function pcmBlocksFromInt16Bytes(bytes: Uint8Array, sampleRate: number, options: PcmBlocksFromInt16BytesOptions = {}): Iterable<PcmBlock> {
  if (bytes.length === 0) throw new InvalidAudioError('Raw PCM input has no audio (0 bytes).');
  assertSampleRate(sampleRate, 'Raw PCM input');
  if (bytes.length % 2 !== 0) {
    throw new InvalidAudioError(`Raw PCM input must be 16-bit little-endian mono, but has an odd length of ${bytes.length} bytes.`, {
      details: { byte_length: bytes.length },
    });
  }
  const blockSamples = options.blockSamples ?? sampleRate;
  if (!Number.isSafeInteger(blockSamples) || blockSamples < 1) throw new InvalidAudioError(`blockSamples must be a positive integer, got ${String(blockSamples)}.`);
  return generateBlocks(bytes, sampleRate, blockSamples);
}

function* generateBlocks(bytes: Uint8Array, sampleRate: number, blockSamples: number): Generator<PcmBlock> {
  const total = bytes.length / 2;
  // Decoded one block at a time so a long recording is never held as floats in full.
  for (let start = 0; start < total; start += blockSamples) {
    const end = Math.min(total, start + blockSamples);
    const samples = int16FromLittleEndianBytes(bytes.subarray(start * 2, end * 2));
    yield { channels: [int16ToFloat(samples)], sampleRate };
  }
}
