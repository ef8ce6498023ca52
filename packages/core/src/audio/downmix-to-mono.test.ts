import { describe, expect, it } from 'vitest';
import { InvalidAudioError } from '../errors';
import { downmixToMono, mixDownInto, mixedDownFrames } from './downmix-to-mono';

describe('downmixToMono', () => {
  it('averages the channels, rounding the float32 sum once per channel added', () => {
    const left = Float32Array.of(1, -1, 0.25, 0.1);
    const right = Float32Array.of(1, 1, 0.75, 0.2);
    const third = Float32Array.of(1, 0, 0.5, 0.3);
    expect(downmixToMono([left, right])).toEqual(Float32Array.of(1, 0, 0.5, Math.fround(0.1 + Math.fround(0.2)) * 0.5));
    const sum = (i: number) => Math.fround(Math.fround(left[i]! + right[i]!) + third[i]!);
    expect(downmixToMono([left, right, third])).toEqual(Float32Array.from({ length: 4 }, (_, i) => sum(i) / 3));
  });

  it('returns a single channel as is, without a copy', () => {
    const mono = Float32Array.of(0.5, -0.5);
    expect(downmixToMono([mono])).toBe(mono);
  });

  it('refuses zero channels and channels of different lengths with InvalidAudioError', () => {
    expect(() => downmixToMono([])).toThrow(InvalidAudioError);
    expect(() => downmixToMono([new Float32Array(3), new Float32Array(2)])).toThrow(InvalidAudioError);
    expect(() => mixedDownFrames([])).toThrow(InvalidAudioError);
    expect(mixedDownFrames([new Float32Array(3), new Float32Array(3)])).toBe(3);
  });
});

describe('mixDownInto', () => {
  it.each([1, 2, 3])('writes what downmixToMono returns for %i channels at an offset, touching nothing else', (count) => {
    const channels = Array.from({ length: count }, (_, channel) => Float32Array.from({ length: 5 }, (_, i) => Math.sin(i + channel * 0.7)));
    const target = new Float32Array(9).fill(7);
    mixDownInto(channels, target, 2);
    expect(target.subarray(2, 7)).toEqual(downmixToMono(channels));
    expect([...target.subarray(0, 2), ...target.subarray(7)]).toEqual([7, 7, 7, 7]);
  });
});
