import type { PcmBlock, SessionAudioSource } from '@scribe/core';

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
    parts.push(mixToMono(block));
  }
  const mono = concat(parts);
  return { seconds: mono.length / (sampleRate || 1), sampleRate, channels, blocks, milliseconds: performance.now() - started, mono };
}

function mixToMono(block: PcmBlock): Float32Array {
  const out = new Float32Array(block.channels[0]?.length ?? 0);
  for (const channel of block.channels) for (let i = 0; i < out.length; i++) out[i]! += channel[i]! / block.channels.length;
  return out;
}

/** The pieces joined. */
export function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Root mean square of a stretch of samples. */
export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}
