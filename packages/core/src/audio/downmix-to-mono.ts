import { InvalidAudioError } from '../errors';

/**
 * Mixes planar channels down to one by averaging them (no clipping is possible). A single channel is returned as is,
 * without a copy.
 */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  const count = channels.length;
  if (count === 0) throw new InvalidAudioError('Audio with zero channels cannot be mixed down.');
  if (count === 1) return channels[0]!;
  const frames = channels[0]!.length;
  if (channels.some((channel) => channel.length !== frames)) throw new InvalidAudioError('Cannot mix down channels of different lengths.');
  const out = new Float32Array(frames);
  for (const channel of channels) {
    for (let i = 0; i < frames; i++) out[i]! += channel[i]!;
  }
  const scale = 1 / count;
  for (let i = 0; i < frames; i++) out[i]! *= scale;
  return out;
}
