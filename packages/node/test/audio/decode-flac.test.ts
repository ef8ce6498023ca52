import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PcmBlock } from '@scribe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../../src/audio';
import { FIXTURES } from './support/audio-test-helpers';

// The FLAC decoder is this package's own, so it is held to bit-exactness: every encoder setting ffmpeg offers
// (fixed predictors at level 0, LPC up to order 32 with Rice2 partitions at 12), stereo decorrelation of a real
// stereo signal, 24-bit samples and a rate that needs the frame header's explicit-rate field.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scribe-flac-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function planes(path: string): Promise<{ channels: Float32Array[]; sampleRate: number }> {
  const blocks: PcmBlock[] = [];
  for await (const block of decodeAudio(path)) blocks.push(block);
  const length = blocks.reduce((sum, block) => sum + block.channels[0]!.length, 0);
  const channels = blocks[0]!.channels.map((_, channel) => {
    const plane = new Float32Array(length);
    let at = 0;
    for (const block of blocks) {
      plane.set(block.channels[channel]!, at);
      at += block.channels[channel]!.length;
    }
    return plane;
  });
  return { channels, sampleRate: blocks[0]!.sampleRate };
}

describe('FLAC decoding is bit-exact', () => {
  const cases = [
    { name: 'stereo 44.1 kHz 16-bit, level 0', rate: 44100, format: 's16', level: '0' },
    { name: 'stereo 44.1 kHz 16-bit, level 5', rate: 44100, format: 's16', level: '5' },
    { name: 'stereo 44.1 kHz 16-bit, level 12', rate: 44100, format: 's16', level: '12' },
    { name: 'stereo 48 kHz 24-bit, level 8', rate: 48000, format: 's32', level: '8' },
    { name: 'stereo 11.025 kHz 16-bit, level 5', rate: 11025, format: 's16', level: '5' },
  ];
  it.each(cases)('$name', async ({ rate, format, level }) => {
    const wav = join(dir, `${rate}-${format}-${level}.wav`);
    const flac = join(dir, `${rate}-${format}-${level}.flac`);
    // A real stereo signal: the right channel is the speech 7 ms later and quieter, so side and mid are not trivial.
    const stereo = ['-filter_complex', '[0:a]asplit[l][r];[r]adelay=7,volume=0.6[rd];[l][rd]join=inputs=2:channel_layout=stereo'];
    const bits = format === 's32' ? ['-c:a', 'pcm_s24le'] : ['-c:a', 'pcm_s16le'];
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', join(FIXTURES, 'speech.wav'), ...stereo, '-ar', String(rate), ...bits, wav]);
    const flacBits = format === 's32' ? ['-sample_fmt', 's32', '-bits_per_raw_sample', '24'] : [];
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-c:a', 'flac', ...flacBits, '-compression_level', level, flac]);
    const [expected, actual] = [await planes(wav), await planes(flac)];
    expect(actual.sampleRate).toBe(rate);
    expect(actual.channels.length).toBe(2);
    expect(actual.channels[0]!.length).toBe(expected.channels[0]!.length);
    for (const channel of [0, 1]) {
      const [a, b] = [expected.channels[channel]!, actual.channels[channel]!];
      let mismatches = 0;
      for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) mismatches += 1;
      expect(mismatches, `channel ${channel}`).toBe(0);
    }
  });
});

describe('FLAC decoding of damaged streams', () => {
  it('skips a corrupted frame and carries on with the next that passes its CRC', async () => {
    const bytes = Buffer.from(await readFile(join(FIXTURES, 'speech.flac')));
    const whole = await planes(join(FIXTURES, 'speech.flac'));
    // Damage some bytes in the middle: the frames they fall in fail their CRC-16 and are dropped, nothing else.
    for (let i = 50_000; i < 50_040; i += 1) bytes[i] = bytes[i]! ^ 0x55;
    let samples = 0;
    for await (const block of decodeAudio(bytes)) samples += block.channels[0]!.length;
    const lost = whole.channels[0]!.length - samples;
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThanOrEqual(2 * 4608);
  });
});
