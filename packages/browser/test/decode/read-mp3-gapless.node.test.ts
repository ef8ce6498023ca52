import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { readMp3Gapless } from '../../src/decode/read-mp3-gapless';

const fixtures = new URL('../../../node/test/fixtures/audio/', import.meta.url);

it('reads the LAME delay and padding: speech.mp3 holds 8.155 s (130480 samples) after 1105 samples of delay', async () => {
  const head = new Uint8Array(await readFile(new URL('speech.mp3', fixtures)));
  expect(readMp3Gapless(head)).toEqual({ skip: 1105, samples: 130480, sampleRate: 16000 });
});

it('silence.mp3: 1.5 s', async () => {
  const head = new Uint8Array(await readFile(new URL('silence.mp3', fixtures)));
  expect(readMp3Gapless(head)?.samples).toBe(24000);
});

it('nothing for files without the header (or not MP3 at all)', async () => {
  expect(readMp3Gapless(new Uint8Array(await readFile(new URL('speech.wav', fixtures))))).toBeUndefined();
  const mp3 = new Uint8Array(await readFile(new URL('speech.mp3', fixtures)));
  expect(readMp3Gapless(mp3.subarray(0, 30))).toBeUndefined();
});
