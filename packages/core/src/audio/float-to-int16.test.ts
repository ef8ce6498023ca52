import { describe, expect, it } from 'vitest';
import { InvalidAudioError } from '../errors';
import { downmixToMono } from './downmix-to-mono';
import { floatToInt16, int16ToFloat } from './float-to-int16';
import { int16FromLittleEndianBytes, int16ToLittleEndianBytes } from './int16-little-endian';
import { deinterleave, interleave } from './interleave';

describe('floatToInt16 / int16ToFloat', () => {
  it('clips to the 16-bit range and rounds half away from zero', () => {
    const input = Float32Array.from([0, 1, -1, 2, -2, 0.5, -0.5, 1.5 / 32768, -1.5 / 32768, 0.4 / 32768, -0.4 / 32768, Number.NaN]);
    expect([...floatToInt16(input)]).toEqual([0, 32767, -32768, 32767, -32768, 16384, -16384, 2, -2, 0, 0, 0]);
  });

  it('round-trips every 16-bit value exactly', () => {
    const all = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
    expect(floatToInt16(int16ToFloat(all))).toEqual(all);
  });

  it('writes into a target at an offset', () => {
    const target = new Int16Array(4);
    floatToInt16(Float32Array.from([0.25, -0.25]), target, 2);
    expect([...target]).toEqual([0, 0, 8192, -8192]);
  });
});

describe('int16 little-endian bytes', () => {
  it('encodes little-endian whatever the platform', () => {
    expect([...int16ToLittleEndianBytes(Int16Array.from([1, -2, 0x1234]))]).toEqual([0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
  });

  it('decodes from an unaligned view without aliasing it', () => {
    const backing = new Uint8Array([9, 0x34, 0x12, 0xff, 0x7f]);
    const samples = int16FromLittleEndianBytes(backing.subarray(1));
    expect([...samples]).toEqual([0x1234, 0x7fff]);
    backing[1] = 0;
    expect(samples[0]).toBe(0x1234);
  });

  it('refuses an odd byte count', () => {
    expect(() => int16FromLittleEndianBytes(new Uint8Array(3))).toThrow(InvalidAudioError);
  });
});

describe('interleave / deinterleave / downmixToMono', () => {
  it('round-trips planar and interleaved layouts', () => {
    const left = Float32Array.from([1, 2, 3]);
    const right = Float32Array.from([-1, -2, -3]);
    const mixed = interleave([left, right]);
    expect([...mixed]).toEqual([1, -1, 2, -2, 3, -3]);
    expect(deinterleave(mixed, 2)).toEqual([left, right]);
  });

  it('refuses lengths that do not divide into channels, and zero channels', () => {
    expect(() => deinterleave(new Float32Array(5), 2)).toThrow(InvalidAudioError);
    expect(() => deinterleave(new Float32Array(4), 0)).toThrow(InvalidAudioError);
    expect(() => interleave([])).toThrow(InvalidAudioError);
  });

  it('averages channels; mono passes through untouched', () => {
    expect([...downmixToMono([Float32Array.from([1, 0.5]), Float32Array.from([0, -0.5]), Float32Array.from([0.5, 0.3])])].map((x) => +x.toFixed(6))).toEqual([0.5, 0.1]);
    const mono = Float32Array.from([0.1]);
    expect(downmixToMono([mono])).toBe(mono);
    expect(() => downmixToMono([])).toThrow(InvalidAudioError);
    expect(() => downmixToMono([new Float32Array(2), new Float32Array(3)])).toThrow(InvalidAudioError);
  });
});
