import { ScribeError, type PcmBlock } from '@scribe/core';
import { resample } from '@scribe/core/internal';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBlobAudioSource } from '../../src/index';
import { fixture, readSource, type Decoded } from './support';

// Every fixture of @scribe/node's decoder tests, with the same expected length (speech.wav's 8.155 s, the 1.6 s
// clips, 1.5 s of silence or noise). `slackMs` is Node's own slack for the format unless a comment says otherwise:
// the browser decodes through mediabunny and Chromium's WebCodecs, Node through its own wasm decoders and ffmpeg.
const SPEECH = 8.155;
const CLIP = 1.6;
const CASES: { file: string; seconds: number; rate: number; channels: number; slackMs: number; lag?: boolean }[] = [
  { file: 'speech.wav', seconds: SPEECH, rate: 16000, channels: 1, slackMs: 0, lag: true },
  { file: 'speech-44100-stereo.wav', seconds: CLIP, rate: 44100, channels: 2, slackMs: 1 },
  { file: 'speech-24bit.wav', seconds: CLIP, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech-float32.wav', seconds: CLIP, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech-8bit.wav', seconds: CLIP, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech.mp3', seconds: SPEECH, rate: 16000, channels: 1, slackMs: 5, lag: true },
  // Opus decodes at 48 kHz here (WebCodecs), at 16 kHz in Node (opus-decoder asked for it).
  { file: 'speech-opus.ogg', seconds: SPEECH, rate: 48000, channels: 1, slackMs: 5, lag: true },
  { file: 'speech-opus.webm', seconds: SPEECH, rate: 48000, channels: 1, slackMs: 25, lag: true },
  { file: 'speech-opus.mp4', seconds: SPEECH, rate: 48000, channels: 1, slackMs: 5, lag: true },
  { file: 'speech-vorbis.ogg', seconds: SPEECH, rate: 16000, channels: 1, slackMs: 5, lag: true },
  { file: 'speech-vorbis.webm', seconds: SPEECH, rate: 16000, channels: 1, slackMs: 25, lag: true },
  // mediabunny 1.61's FLAC reader ends 304 samples (19 ms, trailing silence) short of the STREAMINFO count.
  { file: 'speech.flac', seconds: SPEECH, rate: 16000, channels: 1, slackMs: 20, lag: true },
  // FLAC in Ogg: mediabunny has no demuxer for it, so it takes the decodeAudioData fallback (at 48 kHz).
  { file: 'speech-flac.ogg', seconds: CLIP, rate: 48000, channels: 1, slackMs: 0 },
  { file: 'speech-aac.m4a', seconds: SPEECH, rate: 16000, channels: 1, slackMs: 70, lag: true },
  { file: 'silence.wav', seconds: 1.5, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'silence.mp3', seconds: 1.5, rate: 16000, channels: 1, slackMs: 5 },
  { file: 'pink-noise.wav', seconds: 1.5, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'pink-noise-opus.webm', seconds: 1.5, rate: 48000, channels: 1, slackMs: 50 },
  { file: 'pink-noise-aac.m4a', seconds: 1.5, rate: 16000, channels: 1, slackMs: 50 },
];

let reference: Float32Array;
beforeAll(async () => {
  reference = (await readSource(createBlobAudioSource(await fixture('speech.wav')))).mono;
});

describe('createBlobAudioSource decodes every fixture format in Chromium', () => {
  it.each(CASES)('$file', async ({ file, seconds, rate, channels, slackMs, lag }) => {
    const source = createBlobAudioSource(await fixture(file));
    expect(source.live).toBe(false);
    expect(source.description).toBe(file);
    const decoded = await readSource(source);
    console.info(`${file}: ${decoded.seconds.toFixed(4)} s at ${decoded.sampleRate} Hz in ${decoded.blocks} blocks, ${decoded.milliseconds.toFixed(1)} ms`);
    expect(decoded.sampleRate).toBe(rate);
    expect(decoded.channels).toBe(channels);
    expect(Math.abs(decoded.seconds - seconds) * 1000, `${decoded.seconds} s decoded, ${seconds} s expected`).toBeLessThanOrEqual(slackMs + 0.5);
    // Blocks arrive as decoded, not as one whole-file buffer.
    if (seconds > 2) expect(decoded.blocks).toBeGreaterThan(8);
    // Encoder delay removed: the audio lines up with the WAV it was encoded from.
    if (lag) expect(Math.abs(bestLag(reference, at16k(decoded)))).toBeLessThanOrEqual(2);
  });
});

describe('unusable blobs give InvalidAudioError with advice', () => {
  it('an empty blob', async () => {
    const error = await failure(new File([], 'empty.wav'));
    expect(error.code).toBe('invalid_audio');
    expect(error.message).toMatch(/empty.wav is empty \(0 bytes\)/);
  });

  it('bytes that are not audio', async () => {
    const error = await failure(new File([new TextEncoder().encode('<html><body>not audio</body></html>'.repeat(20))], 'page.mp3'));
    expect(error.code).toBe('invalid_audio');
    expect(error.message).toMatch(/page.mp3 could not be decoded.*convert it to MP3, WAV or Opus/s);
  });

  it.each(['speech.mp3', 'speech-opus.webm', 'speech-aac.m4a', 'speech.flac'])('%s cut to its first 300 bytes', async (name) => {
    const whole = await fixture(name);
    const error = await failure(new File([whole.slice(0, 300)], name));
    expect(error.code).toBe('invalid_audio');
    expect(error.message).toContain(name);
  });

  it('a WAV header with no samples behind it', async () => {
    // A WAV header that promises 0 data bytes: a container with nothing in it.
    const header = new Uint8Array(await (await fixture('speech.wav')).slice(0, 44).arrayBuffer());
    new DataView(header.buffer).setUint32(40, 0, true);
    const error = await failure(new File([header], 'nothing.wav'));
    expect(error.code).toBe('invalid_audio');
    expect(error.message).toMatch(/nothing.wav/);
  });

  it('over maxBytes, before anything is read', async () => {
    const error = await failure(await fixture('speech.wav'), { maxBytes: 1000 });
    expect(error.message).toMatch(/over the 0.0 MiB limit \(maxBytes\)/);
  });

  it('over maxSeconds, while decoding', async () => {
    const error = await failure(await fixture('speech.mp3'), { maxSeconds: 2 });
    expect(error.message).toMatch(/longer than the 2 s limit \(maxSeconds\)/);
  });

  it('over fallbackMaxBytes on the decodeAudioData path', async () => {
    const error = await failure(await fixture('speech-flac.ogg'), { fallbackMaxBytes: 1000 });
    expect(error.code).toBe('invalid_audio');
    expect(error.message).toMatch(/cannot be decoded as a stream here \(.*\).*fallbackMaxBytes/);
  });
});

it('an aborted signal stops decoding with AbortError', async () => {
  const controller = new AbortController();
  const blocks = (await createBlobAudioSource(await fixture('speech-opus.webm')).open(controller.signal)) as AsyncIterable<PcmBlock>;
  let read = 0;
  const error = await (async () => {
    for await (const _block of blocks) {
      read += 1;
      if (read === 3) controller.abort();
    }
  })().catch((caught: unknown) => caught);
  expect(ScribeError.is(error) && error.code).toBe('aborted');
  expect(read).toBe(3);
});

async function failure(blob: Blob, options = {}): Promise<ScribeError> {
  const error = await readSource(createBlobAudioSource(blob, options)).then(
    () => new Error('decoded without an error'),
    (caught: unknown) => caught,
  );
  if (!ScribeError.is(error)) throw error;
  return error;
}

function at16k(decoded: Decoded): Float32Array {
  return decoded.sampleRate === 16000 ? decoded.mono : resample(decoded.mono, { inputRate: decoded.sampleRate, outputRate: 16000 });
}

// The shift (in samples) at which `actual` best matches `reference`, within ±maxLag.
function bestLag(reference: Float32Array, actual: Float32Array, maxLag = 400): number {
  let best = -Infinity;
  let bestShift = 0;
  const end = Math.min(reference.length, actual.length) - maxLag;
  for (let lag = -maxLag; lag <= maxLag; lag += 1) {
    let sum = 0;
    for (let i = maxLag; i < end; i += 1) sum += reference[i]! * actual[i + lag]!;
    if (sum > best) {
      best = sum;
      bestShift = lag;
    }
  }
  return bestShift;
}
