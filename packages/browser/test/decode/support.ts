import type { PcmBlock, SessionAudioSource } from '@scribe/core';
import { concatenateArrays, downmixToMono } from '@scribe/core/internal';

/** A fixture of @scribe/node's audio tests, fetched from the test server as a File named after it. */
export async function fixture(name: string): Promise<File> {
  const response = await fetch(new URL(`../../../node/test/fixtures/audio/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return new File([await response.blob()], name);
}

/** What a source yielded: seconds, rate, channel counts, blocks, peak RMS, and the time it took. */
export interface Decoded {
  seconds: number;
  sampleRate: number;
  channels: number;
  blocks: number;
  milliseconds: number;
  mono: Float32Array;
}

/** Opens a source and reads it to the end, mixing to mono. */
export async function readSource(source: SessionAudioSource, signal = new AbortController().signal): Promise<Decoded> {
  const started = performance.now();
  const parts: Float32Array[] = [];
  let sampleRate = 0;
  let channels = 0;
  let blocks = 0;
  for await (const block of (await source.open(signal)) as AsyncIterable<PcmBlock>) {
    sampleRate = block.sampleRate;
    channels = block.channels.length;
    blocks += 1;
    parts.push(downmixToMono(block.channels));
  }
  const mono = concatenateArrays(Float32Array, parts);
  return { seconds: mono.length / (sampleRate || 1), sampleRate, channels, blocks, milliseconds: performance.now() - started, mono };
}

/** Root mean square of a stretch of samples. */
export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}
