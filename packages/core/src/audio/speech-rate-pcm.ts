import { createResampler, type Resampler } from './create-resampler';
import { floatToInt16 } from './float-to-int16';
import { int16ToLittleEndianBytes } from './int16-little-endian';
import type { PcmBlock } from './pcm-block';
import { SPEECH_SAMPLE_RATE } from './sample-rate';

/**
 * Turns blocks of any rate and channel count into 16 kHz mono 16-bit little-endian PCM, the stream's format, one
 * piece per block (a rate change mid-way flushes the old filter first).
 */
export async function* speechRatePcm(blocks: AsyncIterable<PcmBlock>): AsyncGenerator<Uint8Array, void, undefined> {
  let resampler: Resampler | undefined;
  for await (const block of blocks) {
    if (resampler?.inputRate !== block.sampleRate) {
      const tail = resampler?.flush();
      if (tail && tail.length > 0) yield toBytes(tail);
      resampler = createResampler({ inputRate: block.sampleRate, outputRate: SPEECH_SAMPLE_RATE });
    }
    const samples = resampler.processChannels(block.channels);
    if (samples.length > 0) yield toBytes(samples);
  }
  const tail = resampler?.flush();
  if (tail && tail.length > 0) yield toBytes(tail);
}

function toBytes(samples: Float32Array): Uint8Array {
  return int16ToLittleEndianBytes(floatToInt16(samples));
}
