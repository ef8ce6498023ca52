import { describe, expect, it } from 'vitest';
import { InvalidAudioError } from '../errors';
import { pcmBlocksFromInt16Stream } from './pcm-blocks-from-int16-stream';

async function collect(source: AsyncIterable<{ channels: readonly Float32Array[] }>): Promise<number[]> {
  const out: number[] = [];
  for await (const block of source) out.push(...block.channels[0]!);
  return out;
}

describe('pcmBlocksFromInt16Stream', () => {
  it('reassembles samples split across pieces at odd byte offsets', async () => {
    // Samples 1, -2, 32767, -32768 as little-endian bytes, cut into pieces of 1, 3, 2 and 2 bytes.
    const bytes = [0x01, 0x00, 0xfe, 0xff, 0xff, 0x7f, 0x00, 0x80];
    const pieces = [bytes.slice(0, 1), bytes.slice(1, 4), bytes.slice(4, 6), bytes.slice(6)].map((p) => new Uint8Array(p));
    const samples = await collect(pcmBlocksFromInt16Stream(pieces, 16000));
    expect(samples).toEqual([1 / 32768, -2 / 32768, 32767 / 32768, -1]);
  });

  it('rejects an odd total length at the end, and no bytes at all', async () => {
    await expect(collect(pcmBlocksFromInt16Stream([new Uint8Array(3)], 16000))).rejects.toThrow(/odd length of 3 bytes/);
    await expect(collect(pcmBlocksFromInt16Stream([new Uint8Array(0)], 16000))).rejects.toBeInstanceOf(InvalidAudioError);
  });

  it('checks the sample rate before reading anything', () => {
    expect(() => pcmBlocksFromInt16Stream([], 0)).toThrow(InvalidAudioError);
    expect(() => pcmBlocksFromInt16Stream([], 1_000_000)).toThrow(InvalidAudioError);
  });
});
