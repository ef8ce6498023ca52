import { InvalidAudioError } from '../errors';
import { int16ToFloat } from './float-to-int16';
import { int16FromLittleEndianBytes } from './int16-little-endian';
import type { PcmBlock } from './pcm-block';
import { assertSampleRate } from './sample-rate';

/** Raw 16-bit little-endian mono PCM arriving in pieces of any size (a socket, a microphone, a file stream). */
export type Int16ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Turns a stream of raw 16-bit little-endian mono PCM pieces into PcmBlocks as they arrive. A piece may end in the
 * middle of a sample: its odd byte is carried into the next piece. The rate is checked before anything is read; an
 * odd total length (a torn last sample) or no bytes at all is an InvalidAudioError at the end of the stream.
 */
export function pcmBlocksFromInt16Stream(source: Int16ByteSource, sampleRate: number): AsyncIterable<PcmBlock> {
  assertSampleRate(sampleRate, 'Raw PCM input');
  return generateBlocks(source, sampleRate);
}

async function* generateBlocks(source: Int16ByteSource, sampleRate: number): AsyncGenerator<PcmBlock> {
  let carry: number | undefined;
  let total = 0;
  for await (const piece of source) {
    if (piece.length === 0) continue;
    total += piece.length;
    let bytes = piece;
    if (carry !== undefined) {
      bytes = new Uint8Array(piece.length + 1);
      bytes[0] = carry;
      bytes.set(piece, 1);
      carry = undefined;
    }
    if (bytes.length % 2 !== 0) {
      carry = bytes[bytes.length - 1];
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    if (bytes.length > 0) yield { channels: [int16ToFloat(int16FromLittleEndianBytes(bytes))], sampleRate };
  }
  if (total === 0) throw new InvalidAudioError('Raw PCM input has no audio (0 bytes).');
  if (carry !== undefined) {
    throw new InvalidAudioError(`Raw PCM input must be 16-bit little-endian mono, but has an odd length of ${total} bytes.`, {
      details: { byte_length: total },
    });
  }
}
