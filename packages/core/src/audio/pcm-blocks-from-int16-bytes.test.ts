import { describe, expect, it } from 'vitest';
import { InvalidAudioError } from '../errors';
import { int16ToLittleEndianBytes } from './int16-little-endian';
import { pcmBlocksFromInt16Bytes } from './pcm-blocks-from-int16-bytes';

describe('pcmBlocksFromInt16Bytes', () => {
  it('cuts raw 16-bit little-endian mono into float blocks', () => {
    const bytes = int16ToLittleEndianBytes(Int16Array.from({ length: 10 }, (_, i) => i * 1000 - 5000));
    const blocks = [...pcmBlocksFromInt16Bytes(bytes, 8000, { blockSamples: 4 })];
    expect(blocks.map((block) => block.channels[0]!.length)).toEqual([4, 4, 2]);
    expect(blocks.every((block) => block.sampleRate === 8000 && block.channels.length === 1)).toBe(true);
    expect(blocks[0]!.channels[0]![0]).toBeCloseTo(-5000 / 32768, 7);
  });

  it('defaults to one-second blocks', () => {
    const blocks = [...pcmBlocksFromInt16Bytes(new Uint8Array(2 * 16000 * 2 + 2), 16000)];
    expect(blocks.map((block) => block.channels[0]!.length)).toEqual([16000, 16000, 1]);
  });

  it('refuses bad input eagerly, with messages that say what is wrong', () => {
    expect(() => pcmBlocksFromInt16Bytes(new Uint8Array(0), 16000)).toThrow(/no audio/);
    expect(() => pcmBlocksFromInt16Bytes(new Uint8Array(3), 16000)).toThrow(/odd length of 3 bytes/);
    for (const rate of [0, 100, 16000.5, 10_000_000, Number.NaN]) {
      expect(() => pcmBlocksFromInt16Bytes(new Uint8Array(4), rate)).toThrow(InvalidAudioError);
    }
    expect(() => pcmBlocksFromInt16Bytes(new Uint8Array(4), 100)).toThrow(/whole number of Hz from 4000 to 768000/);
    expect(() => pcmBlocksFromInt16Bytes(new Uint8Array(4), 16000, { blockSamples: 0 })).toThrow(InvalidAudioError);
  });
});
