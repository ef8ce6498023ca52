import { describe, expect, it } from 'vitest';
import { encodePcm16Wav, encodeWav } from './encode-wav';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe("encodePcm16Wav, the chunker's encoder (issue 9)", () => {
  const inputs = [new Int16Array(0), Int16Array.from([1]), Int16Array.from([-32768, 32767, 0, -1, 1]), Int16Array.from({ length: 16001 }, (_, i) => (i * 7919) % 65536 - 32768)];

  it('writes exactly the bytes encodeWav writes for 16-bit mono', () => {
    for (const samples of inputs) {
      for (const sampleRate of [16000, 8000, 44100, 48000]) expect(encodePcm16Wav(samples, sampleRate)).toEqual(encodeWav(samples, { sampleRate }));
    }
  });

  it('writes a view onto a subarray from its own offset, not the buffer start', () => {
    const backing = Int16Array.from([9, 9, 1, 2, 3]);
    expect(encodePcm16Wav(backing.subarray(2), 16000)).toEqual(encodeWav(Int16Array.from([1, 2, 3]), { sampleRate: 16000 }));
  });

  it('refuses a sample rate encodeWav refuses, with the same error', () => {
    for (const sampleRate of [0, -16000, 1.5, Number.NaN]) {
      expect(thrown(() => encodePcm16Wav(Int16Array.from([1]), sampleRate))).toEqual(thrown(() => encodeWav(Int16Array.from([1]), { sampleRate })));
    }
  });
});
