import { ScribeError, type PcmBlock } from '@scribe/core';
import { concatenateArrays } from '@scribe/core/internal';
import { expect, it } from 'vitest';
import { createMicrophoneSource, type MicrophoneSource } from '../../src/index';
import { rms } from '../decode/support';

// Chromium plays packages/node/test/fixtures/audio/speech.wav (8.155 s: 0.5 s silence, three sentences with 0.8 s
// pauses, 0.5 s silence) once through its fake capture device (vitest.config.ts, project chromium-microphone).
const FILE_SECONDS = 8.155;

interface Captured {
  blocks: PcmBlock[];
  seconds: number;
  error?: unknown;
}

/** Reads a source's blocks, calling `during(seconds, source)` after each, until it ends or `untilSeconds` of audio. */
async function capture(source: MicrophoneSource, untilSeconds: number, during?: (seconds: number) => void | Promise<void>): Promise<Captured> {
  const result: Captured = { blocks: [], seconds: 0 };
  const blocks = (await source.open(new AbortController().signal)) as AsyncIterable<PcmBlock>;
  try {
    for await (const block of blocks) {
      result.blocks.push(block);
      result.seconds += block.channels[0]!.length / block.sampleRate;
      await during?.(result.seconds);
      if (result.seconds >= untilSeconds) await source.close?.();
    }
  } catch (error) {
    result.error = error;
  }
  return result;
}

it('hands over the fake microphone as it plays: the file once, at the capture rate, in at most 16 blocks a second', async () => {
  const source = createMicrophoneSource();
  expect(source.live).toBe(true);
  const started = performance.now();
  const result = await capture(source, FILE_SECONDS + 1.5);
  const wallSeconds = (performance.now() - started) / 1000;
  expect(result.error).toBeUndefined();
  const rate = source.sampleRate!;
  console.info(`capture rate ${rate} Hz, ${result.seconds.toFixed(3)} s in ${result.blocks.length} blocks over ${wallSeconds.toFixed(2)} s`);
  expect([44100, 48000]).toContain(rate);
  expect(result.blocks.every((block) => block.sampleRate === rate && block.channels.length === 1)).toBe(true);
  // Real time: the audio handed over keeps pace with the clock.
  expect(result.seconds).toBeGreaterThanOrEqual(FILE_SECONDS + 1.5);
  expect(result.seconds).toBeLessThan(wallSeconds + 0.2);
  // 62.5 ms blocks: at most 16 a second (room under the session store's 20 for chunk events), however they bunch up.
  const blockSeconds = result.blocks.slice(0, -1).map((block) => block.channels[0]!.length / rate);
  expect(Math.min(...blockSeconds)).toBeGreaterThanOrEqual(1 / 16 - 1 / rate);
  // Counted against the audio, not the wall clock (a loaded machine stalls the page and bunches arrivals; a blocked
  // pipeline gets merged blocks): never more blocks than 16 per second of audio.
  expect(result.blocks.length).toBeLessThanOrEqual(Math.ceil(result.seconds * 16) + 1);
  // The speech is there (level well above zero in the sentences) and the file plays once: silence after it.
  const mono = concatenateArrays(Float32Array, result.blocks.map((block) => block.channels[0]!));
  const levels = Array.from({ length: Math.floor(mono.length / (rate / 10)) }, (_, i) => rms(mono.subarray((i * rate) / 10, ((i + 1) * rate) / 10)));
  const loud = levels.filter((level) => level > 0.02).length / 10;
  console.info(`seconds above -34 dBFS: ${loud.toFixed(1)}; peak level ${Math.max(...levels).toFixed(3)}`);
  expect(Math.max(...levels)).toBeGreaterThan(0.05);
  expect(loud).toBeGreaterThan(3);
  expect(loud).toBeLessThan(FILE_SECONDS - 1);
  expect(rms(mono.subarray(mono.length - rate))).toBeLessThan(0.001);
  // close() released the device.
  expect(source.track!.readyState).toBe('ended');
});

it('drops what the microphone hears while paused, and only that', async () => {
  const source = createMicrophoneSource();
  let pausedAt = 0;
  let resumedAt = 0;
  const started = performance.now();
  const result = await capture(source, 3, async (seconds) => {
    if (pausedAt === 0 && seconds >= 1) {
      pausedAt = performance.now();
      source.pause!();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      source.resume!();
      resumedAt = performance.now();
    }
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const pausedSeconds = (resumedAt - pausedAt) / 1000;
  console.info(`captured ${result.seconds.toFixed(3)} s over ${wallSeconds.toFixed(2)} s with ${pausedSeconds.toFixed(2)} s paused`);
  expect(result.error).toBeUndefined();
  expect(pausedSeconds).toBeGreaterThanOrEqual(1.5);
  // Everything but the pause (within a block and the capture latency either side).
  expect(result.seconds).toBeGreaterThanOrEqual(3);
  expect(result.seconds).toBeLessThan(wallSeconds - pausedSeconds + 0.25);
  expect(source.track!.readyState).toBe('ended');
});

it('a microphone that goes away mid-recording: every block captured before, then MicrophoneEndedError', async () => {
  const source = createMicrophoneSource();
  let stoppedAt = 0;
  const result = await capture(source, 30, (seconds) => {
    if (stoppedAt === 0 && seconds >= 2) {
      stoppedAt = seconds;
      // What an unplugged device does: the track ends and says so (track.stop() alone fires no event).
      source.track!.stop();
      source.track!.dispatchEvent(new Event('ended'));
    }
  });
  expect(ScribeError.is(result.error)).toBe(true);
  const error = result.error as ScribeError & { capturedSeconds: number };
  expect(error.code).toBe('microphone_ended');
  expect(error.name).toBe('MicrophoneEndedError');
  expect(error.message).toMatch(/audio captured until then was kept/);
  expect(error.capturedSeconds).toBeCloseTo(result.seconds, 6);
  // The blocks up to the loss, and what the worklet still held: no more than one more block.
  expect(result.seconds).toBeGreaterThanOrEqual(stoppedAt);
  expect(result.seconds).toBeLessThan(stoppedAt + 0.15);
});

it('a track stopped by page code (no ended event) is noticed too', async () => {
  const source = createMicrophoneSource();
  const result = await capture(source, 30, (seconds) => {
    if (seconds >= 1 && source.track!.readyState === 'live') source.track!.stop();
  });
  expect((result.error as ScribeError).code).toBe('microphone_ended');
  expect(result.seconds).toBeGreaterThanOrEqual(1);
  // Noticed by a 250 ms poll; until then the stopped track may deliver silence.
  expect(result.seconds).toBeLessThan(1.6);
});

it('the built ESM package loads capture-worklet.js beside index.js', async () => {
  const built = (await import(/* @vite-ignore */ new URL('../../dist/index.js', import.meta.url).href)) as typeof import('../../src/index');
  const source = built.createMicrophoneSource();
  const result = await capture(source, 0.5);
  expect(result.error).toBeUndefined();
  expect(result.seconds).toBeGreaterThanOrEqual(0.5);
});

it('opens once', async () => {
  const source = createMicrophoneSource();
  const signal = new AbortController().signal;
  await source.open(signal);
  await expect(source.open(signal)).rejects.toMatchObject({ code: 'config_error' });
  await source.close!();
  expect(source.track!.readyState).toBe('ended');
});

it('no device matches the requested deviceId: MicrophoneNotFoundError with advice', async () => {
  const source = createMicrophoneSource({ deviceId: 'no-such-device' });
  const error = (await Promise.resolve(source.open(new AbortController().signal)).catch((caught: unknown) => caught)) as ScribeError;
  expect(error.code).toBe('microphone_not_found');
  expect(error.message).toMatch(/that matches the requested device.*Connect a microphone/s);
});
