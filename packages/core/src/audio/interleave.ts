import { InvalidAudioError } from '../errors';

/** Interleaves planar channels (all the same length) into one array: L0 R0 L1 R1 ... */
export function interleave(channels: readonly Float32Array[]): Float32Array {
  const count = channels.length;
  if (count === 0) throw new InvalidAudioError('Cannot interleave zero channels.');
  const frames = channels[0]!.length;
  if (channels.some((channel) => channel.length !== frames)) throw new InvalidAudioError('Cannot interleave channels of different lengths.');
  if (count === 1) return channels[0]!.slice();
  const out = new Float32Array(frames * count);
  for (let c = 0; c < count; c++) {
    const channel = channels[c]!;
    for (let i = 0, j = c; i < frames; i++, j += count) out[j] = channel[i]!;
  }
  return out;
}

/** Splits interleaved samples into planar channels; the length must be a multiple of `channelCount`. */
export function deinterleave(samples: Float32Array, channelCount: number): Float32Array[] {
  if (!Number.isSafeInteger(channelCount) || channelCount < 1) throw new InvalidAudioError(`Channel count must be a positive integer, got ${channelCount}.`);
  if (samples.length % channelCount !== 0) {
    throw new InvalidAudioError(`${samples.length} interleaved samples do not divide into ${channelCount} channels.`);
  }
  const frames = samples.length / channelCount;
  const channels: Float32Array[] = [];
  for (let c = 0; c < channelCount; c++) {
    const channel = new Float32Array(frames);
    for (let i = 0, j = c; i < frames; i++, j += channelCount) channel[i] = samples[j]!;
    channels.push(channel);
  }
  return channels;
}
