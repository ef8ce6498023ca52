import { describe, expect, it } from 'vitest';
import { decodeWavAtRate, decodeWavMono, parseWav, resample } from '../src/audio/wav.js';
import { makeWav, type WavFixture } from './helpers/wav.js';

// Issue 11 item 9: WAV is decoded straight to 16 kHz, without a float32 copy at the file's own rate; the samples must be
// exactly those of the two-step decode it replaces.
describe('decodeWavAtRate', () => {
  const fixtures: WavFixture[] = [
    { seconds: 0.5, sampleRate: 44100, channels: 2, bits: 24 },
    { seconds: 0.5, sampleRate: 48000, bits: 16, frequency: 0 },
    { seconds: 0.5, sampleRate: 8000, bits: 8 },
    { seconds: 0.5, sampleRate: 11025, channels: 3, bits: 32, float: true },
    { seconds: 0.5, sampleRate: 16000, bits: 16 },
    { seconds: 0.5, sampleRate: 22050, bits: 32 },
  ];
  it.each(fixtures.map((fixture) => [`${fixture.sampleRate} Hz, ${fixture.channels ?? 1} ch, ${fixture.bits}${fixture.float ? ' float' : ''}`, fixture] as const))(
    '%s: equals resample(decodeWavMono(...)) sample for sample',
    (_name, fixture) => {
      const wav = makeWav(fixture);
      const info = parseWav(wav);
      const expected = resample(decodeWavMono(wav, info), info.sampleRate, 16000);
      const actual = decodeWavAtRate(wav, info, 16000);
      expect(actual.length).toBe(expected.length);
      expect(Buffer.from(actual.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    },
  );
});
