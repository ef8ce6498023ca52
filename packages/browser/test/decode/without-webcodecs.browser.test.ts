import { ScribeError } from '@scribe/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBlobAudioSource } from '../../src/index';
import { fixture, readSource } from './support';

// A browser without WebCodecs (this file runs in its own frame, so mediabunny's codec checks start fresh here).
const saved = globalThis.AudioDecoder;
beforeAll(() => {
  Reflect.deleteProperty(globalThis, 'AudioDecoder');
});
afterAll(() => {
  globalThis.AudioDecoder = saved;
});

it('short compressed files decode whole through decodeAudioData', async () => {
  expect(typeof AudioDecoder).toBe('undefined');
  for (const name of ['speech-aac.m4a', 'speech.mp3', 'speech-opus.webm']) {
    const decoded = await readSource(createBlobAudioSource(await fixture(name)));
    console.info(`${name} without WebCodecs: ${decoded.seconds.toFixed(4)} s at ${decoded.sampleRate} Hz in ${decoded.blocks} blocks`);
    expect(decoded.sampleRate).toBe(48000);
    expect(decoded.seconds).toBeGreaterThan(8.1);
    expect(decoded.seconds).toBeLessThan(8.3);
  }
});

it('WAV still streams (mediabunny reads PCM itself)', async () => {
  const decoded = await readSource(createBlobAudioSource(await fixture('speech.wav')));
  expect(decoded.sampleRate).toBe(16000);
  expect(decoded.seconds).toBe(8.155);
});

it('a file over fallbackMaxBytes: InvalidAudioError saying why, with advice', async () => {
  const error = await readSource(createBlobAudioSource(await fixture('speech-aac.m4a'), { fallbackMaxBytes: 10_000 })).catch((caught: unknown) => caught);
  expect(ScribeError.is(error) && error.code).toBe('invalid_audio');
  expect((error as Error).message).toMatch(/speech-aac.m4a cannot be decoded as a stream here \(WebCodecs is not available in this browser\).*Convert it to MP3, WAV or Opus/s);
});
