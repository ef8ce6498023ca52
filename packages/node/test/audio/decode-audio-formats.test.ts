import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio, loadSileroModel, type SileroModel } from '../../src/audio';
import {
  FIXTURES,
  VAD_FRAME,
  collectMono,
  bestLag,
  disagreementsAwayFromEdges,
  flagsText,
  speechFlags,
  speechProbabilities,
  speechRegions,
  toVadRate,
  type MonoAudio,
} from './support/audio-test-helpers';

// Every fixture against the WAV it was encoded from: duration within `slackMs` (codec priming/padding that the
// container does not trim), and Silero's speech/non-speech call per frame the same except within `EDGE_FRAMES` of an
// onset or offset in the reference.
const CLIP_SECONDS = 1.6;
const EDGE_FRAMES = 3;
const CASES: { file: string; clip?: boolean; rate: number; channels: number; slackMs: number }[] = [
  { file: 'speech.wav', rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech-44100-stereo.wav', clip: true, rate: 44100, channels: 2, slackMs: 1 },
  { file: 'speech-24bit.wav', clip: true, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech-float32.wav', clip: true, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech-8bit.wav', clip: true, rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech.mp3', rate: 16000, channels: 1, slackMs: 5 },
  { file: 'speech-opus.ogg', rate: 16000, channels: 1, slackMs: 5 },
  { file: 'speech-opus.webm', rate: 16000, channels: 1, slackMs: 25 },
  { file: 'speech-opus.mp4', rate: 16000, channels: 1, slackMs: 5 },
  { file: 'speech-vorbis.ogg', rate: 16000, channels: 1, slackMs: 5 },
  { file: 'speech-vorbis.webm', rate: 16000, channels: 1, slackMs: 25 },
  { file: 'speech.flac', rate: 16000, channels: 1, slackMs: 0 },
  { file: 'speech-flac.ogg', clip: true, rate: 16000, channels: 1, slackMs: 0 },
  // AAC: ffmpeg trims the encoder priming but not the padding of the last 1024-sample frame.
  { file: 'speech-aac.m4a', rate: 16000, channels: 1, slackMs: 70 },
];

let model: SileroModel;
let source: MonoAudio;
let sourceFlags: boolean[];
beforeAll(async () => {
  model = await loadSileroModel();
  source = await collectMono(decodeAudio(join(FIXTURES, 'speech.wav')));
  sourceFlags = speechFlags(await speechProbabilities(model, source.samples));
});
afterAll(async () => {
  await model.dispose();
});

describe('decodeAudio: every format matches its WAV source', () => {
  it.each(CASES)('$file', async ({ file, clip, rate, channels, slackMs }) => {
    let seenChannels = 0;
    const blocks = decodeAudio(join(FIXTURES, file));
    const decoded = await collectMono(
      (async function* () {
        for await (const block of blocks) {
          seenChannels = block.channels.length;
          yield block;
        }
      })(),
    );
    expect(decoded.sampleRate).toBe(rate);
    expect(seenChannels).toBe(channels);
    const expectedSeconds = clip ? CLIP_SECONDS : source.samples.length / source.sampleRate;
    const seconds = decoded.samples.length / decoded.sampleRate;
    expect(Math.abs(seconds - expectedSeconds) * 1000, `${seconds} s decoded, ${expectedSeconds} s expected`).toBeLessThanOrEqual(slackMs + 0.5);
    const flags = speechFlags(await speechProbabilities(model, toVadRate(decoded.samples, decoded.sampleRate)));
    const reference = clip ? sourceFlags.slice(0, Math.floor((CLIP_SECONDS * 16000) / VAD_FRAME)) : sourceFlags;
    expect(flags.length).toBeGreaterThanOrEqual(reference.length - 3);
    const picture = `reference ${flagsText(reference)}\ndecoded   ${flagsText(flags)}`;
    // Speech regions (brief dips inside a sentence closed) start and end within a few frames of the reference's.
    const [expected, actual] = [speechRegions(reference), speechRegions(flags)];
    expect(actual.length, picture).toBe(expected.length);
    actual.forEach((region, index) => {
      expect(Math.abs(region.start - expected[index]!.start), picture).toBeLessThanOrEqual(EDGE_FRAMES);
      expect(Math.abs(region.end - expected[index]!.end), picture).toBeLessThanOrEqual(EDGE_FRAMES);
    });
    // Frame by frame, low bit rates may flip a few frames where the probability hovers near 0.5 inside a sentence.
    const far = disagreementsAwayFromEdges(reference, flags, EDGE_FRAMES);
    expect(far.length / reference.length, picture).toBeLessThanOrEqual(0.03);
    // Encoder delay removed exactly (Opus pre-skip, the LAME gapless header, MP4 edit lists): the audio lines up.
    if (decoded.sampleRate === 16000) expect(Math.abs(bestLag(source.samples, decoded.samples))).toBeLessThanOrEqual(2);
  });

  it('silence and noise in compressed formats give (almost) no speech frames', async () => {
    for (const file of ['silence.wav', 'silence.mp3', 'pink-noise.wav', 'pink-noise-opus.webm', 'pink-noise-aac.m4a']) {
      const decoded = await collectMono(decodeAudio(join(FIXTURES, file)));
      expect(decoded.samples.length / decoded.sampleRate, file).toBeCloseTo(1.5, 1);
      const probabilities = await speechProbabilities(model, toVadRate(decoded.samples, decoded.sampleRate));
      expect(probabilities.filter((probability) => probability >= 0.5).length, `${file}: ${probabilities.map((p) => p.toFixed(2)).join(' ')}`).toBeLessThanOrEqual(1);
    }
  });
});

describe('decodeAudio: lossless formats', () => {
  it.each(['speech.flac', 'speech-flac.ogg', 'speech-24bit.wav', 'speech-float32.wav'])('%s is sample-exact against the 16-bit source', async (file) => {
    const decoded = await collectMono(decodeAudio(join(FIXTURES, file)));
    expect(maxDifference(decoded.samples, source.samples.subarray(0, decoded.samples.length))).toBe(0);
  });
});

describe('decodeAudio: every kind of input', () => {
  const files = ['speech.wav', 'speech.mp3', 'speech-opus.webm', 'speech-opus.ogg', 'speech-vorbis.ogg', 'speech.flac', 'speech-flac.ogg', 'speech-opus.mp4', 'speech-aac.m4a', 'speech-vorbis.webm'];

  it.each(files)('%s from a path, a file: URL, a Buffer, a Uint8Array and a Readable decode alike', async (file) => {
    const path = join(FIXTURES, file);
    const bytes = await readFile(path);
    const fromPath = await collectMono(decodeAudio(path));
    const others = await Promise.all([
      collectMono(decodeAudio(pathToFileURL(path))),
      collectMono(decodeAudio(pathToFileURL(path).href)),
      collectMono(decodeAudio(bytes)),
      collectMono(decodeAudio(new Uint8Array(bytes))),
      collectMono(decodeAudio(createReadStream(path, { highWaterMark: 1000 }))),
    ]);
    for (const other of others) {
      expect(other.sampleRate).toBe(fromPath.sampleRate);
      expect(other.samples.length).toBe(fromPath.samples.length);
      expect(maxDifference(other.samples, fromPath.samples)).toBeLessThan(1e-6);
    }
  });

  it('decodes Opus at the preferred rate when libopus supports it, and at 48 kHz otherwise', async () => {
    const at48 = await collectMono(decodeAudio(join(FIXTURES, 'speech-opus.ogg'), { preferredSampleRate: 48000 }));
    expect(at48.sampleRate).toBe(48000);
    expect(at48.samples.length).toBe(Math.round(8.155 * 48000));
    const odd = await collectMono(decodeAudio(join(FIXTURES, 'speech-opus.ogg'), { preferredSampleRate: 22050 }));
    expect(odd.sampleRate).toBe(48000);
  });

  it('has ffmpeg convert AAC to the preferred rate', async () => {
    const decoded = await collectMono(decodeAudio(join(FIXTURES, 'speech-aac.m4a'), { preferredSampleRate: 8000 }));
    expect(decoded.sampleRate).toBe(8000);
    expect(decoded.samples.length / 8000).toBeCloseTo(8.155, 1);
  });

  it('yields blocks as it reads rather than all at the end', async () => {
    for (const file of ['speech.wav', 'speech.mp3', 'speech-opus.webm', 'speech-vorbis.ogg', 'speech.flac', 'speech-aac.m4a']) {
      const decoded = await collectMono(decodeAudio(join(FIXTURES, file)));
      expect(decoded.blocks, file).toBeGreaterThan(1);
    }
  });
});

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}
