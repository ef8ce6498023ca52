import { describe, expect, it } from 'vitest';
import { createWavBytes } from '../testing/wav-bytes';
import { isWav, readWavDurationSeconds } from './wav-duration';

describe('readWavDurationSeconds', () => {
  it('reads the duration from the header', () => {
    expect(readWavDurationSeconds(createWavBytes(2.5))).toBeCloseTo(2.5, 6);
    expect(readWavDurationSeconds(createWavBytes(1, 48000, 2))).toBeCloseTo(1, 6);
  });

  it('skips unknown chunks before data and clamps a streamed data size to the bytes present', () => {
    const wav = createWavBytes(1);
    const extra = new Uint8Array(wav.length + 10);
    extra.set(wav.subarray(0, 36));
    extra.set([...'LIST'].map((c) => c.charCodeAt(0)), 36);
    new DataView(extra.buffer).setUint32(40, 2, true);
    extra.set(wav.subarray(36), 46);
    expect(readWavDurationSeconds(extra)).toBeCloseTo(1, 3);
    const streamed = createWavBytes(1);
    new DataView(streamed.buffer).setUint32(40, 0xffffffff, true);
    expect(readWavDurationSeconds(streamed)).toBeCloseTo(1, 6);
  });

  it('is undefined for other bytes', () => {
    expect(readWavDurationSeconds(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(isWav(new TextEncoder().encode('OggS............'))).toBe(false);
    expect(readWavDurationSeconds(createWavBytes(1).subarray(0, 36))).toBeUndefined();
  });
});
