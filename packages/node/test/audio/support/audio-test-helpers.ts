import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { PcmBlock } from '@scribe/core';
import type { SileroModel } from '../../../src/audio';

/** The committed fixtures (see fixtures/audio/README.md and scripts/generate-audio-fixtures.mjs). */
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'audio');
/** The flite consultation recording of examples/samples: 16 kHz mono speech with 0.7 s gaps. */
export const CONSULTATION_WAV = join(import.meta.dirname, '..', '..', '..', '..', '..', 'examples', 'samples', 'chest-pain-consultation', 'chest-pain-consultation.wav');
/**
 * Whether a system ffmpeg is installed: AAC (m4a) decodes through it. Without it the AAC cases are skipped with a
 * warning, and only the "ffmpeg missing" ConfigError is checked; install it with `apt-get install -y ffmpeg`.
 */
// AAC has no permissive decoder, so the SDK uses a system ffmpeg; the suite needs it (`npm test` installs it as root).
if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status !== 0) {
  throw new Error('The audio tests need ffmpeg for AAC: apt-get install -y ffmpeg (npm test installs it when run as root).');
}

/** Silero's rate and frame. */
export const VAD_RATE = 16000;
export const VAD_FRAME = 512;

/** Decoded audio downmixed to one channel. */
export interface MonoAudio {
  samples: Float32Array;
  sampleRate: number;
  blocks: number;
}

/** Reads every block and downmixes to mono; fails if blocks disagree on rate or channel lengths. */
export async function collectMono(source: AsyncIterable<PcmBlock>): Promise<MonoAudio> {
  const parts: Float32Array[] = [];
  let sampleRate = 0;
  let blocks = 0;
  for await (const block of source) {
    if (sampleRate !== 0 && block.sampleRate !== sampleRate) throw new Error(`rate changed from ${sampleRate} to ${block.sampleRate}`);
    sampleRate = block.sampleRate;
    const length = block.channels[0]!.length;
    if (block.channels.some((channel) => channel.length !== length)) throw new Error('channels of one block differ in length');
    const mono = new Float32Array(length);
    for (const channel of block.channels) for (let i = 0; i < length; i += 1) mono[i]! += channel[i]! / block.channels.length;
    parts.push(mono);
    blocks += 1;
  }
  const samples = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    samples.set(part, at);
    at += part.length;
  }
  return { samples, sampleRate, blocks };
}

/** Resamples to 16 kHz for the detector: a short box pre-filter and linear interpolation, plenty for VAD checks. */
export function toVadRate(samples: Float32Array, sampleRate: number): Float32Array {
  if (sampleRate === VAD_RATE) return samples;
  const ratio = sampleRate / VAD_RATE;
  const width = Math.max(1, Math.round(ratio));
  const smoothed = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) {
    let sum = 0;
    let count = 0;
    for (let k = i - Math.floor(width / 2); k <= i + Math.floor((width - 1) / 2); k += 1) {
      if (k >= 0 && k < samples.length) {
        sum += samples[k]!;
        count += 1;
      }
    }
    smoothed[i] = sum / count;
  }
  const out = new Float32Array(Math.floor(samples.length / ratio));
  for (let i = 0; i < out.length; i += 1) {
    const position = i * ratio;
    const left = Math.floor(position);
    const fraction = position - left;
    out[i] = smoothed[left]! * (1 - fraction) + (smoothed[Math.min(left + 1, smoothed.length - 1)] ?? 0) * fraction;
  }
  return out;
}

/** Silero speech probabilities of every whole 512-sample frame, from a fresh detector. */
export async function speechProbabilities(model: SileroModel, samples16k: Float32Array): Promise<number[]> {
  const detector = model.createDetector();
  try {
    const probabilities: number[] = [];
    for (let at = 0; at + VAD_FRAME <= samples16k.length; at += VAD_FRAME) probabilities.push(await detector.process(samples16k.subarray(at, at + VAD_FRAME)));
    return probabilities;
  } finally {
    await detector.dispose();
  }
}

/** Frames at or above the threshold. */
export function speechFlags(probabilities: number[], threshold = 0.5): boolean[] {
  return probabilities.map((probability) => probability >= threshold);
}

/** Start/end frame indexes of runs of speech frames. */
export function speechRuns(flags: boolean[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  flags.forEach((flag, index) => {
    const last = runs[runs.length - 1];
    if (flag && last && last.end === index) last.end = index + 1;
    else if (flag) runs.push({ start: index, end: index + 1 });
  });
  return runs;
}

/** Speech runs with gaps shorter than `minGapFrames` closed (a breath inside a sentence is not a new region). */
export function speechRegions(flags: boolean[], minGapFrames = 10): { start: number; end: number }[] {
  const regions: { start: number; end: number }[] = [];
  for (const run of speechRuns(flags)) {
    const last = regions[regions.length - 1];
    if (last && run.start - last.end < minGapFrames) last.end = run.end;
    else regions.push({ ...run });
  }
  return regions;
}

/**
 * Frames where `actual` disagrees with `reference` further than `tolerance` frames from any change in the reference
 * (an onset or offset), over the frames both have.
 */
export function disagreementsAwayFromEdges(reference: boolean[], actual: boolean[], tolerance: number): number[] {
  const edges: number[] = [];
  for (let i = 1; i < reference.length; i += 1) if (reference[i] !== reference[i - 1]) edges.push(i);
  const frames = Math.min(reference.length, actual.length);
  const far: number[] = [];
  for (let i = 0; i < frames; i += 1) {
    if (reference[i] === actual[i]) continue;
    if (!edges.some((edge) => Math.abs(edge - i) <= tolerance)) far.push(i);
  }
  return far;
}

/** A flags row for failure messages: `#` speech, `.` not. */
export function flagsText(flags: boolean[]): string {
  return flags.map((flag) => (flag ? '#' : '.')).join('');
}

/** The shift (in samples, within ±`maxLag`) that best lines `actual` up with `reference`: 0 when aligned. */
export function bestLag(reference: Float32Array, actual: Float32Array, maxLag = 400): number {
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
