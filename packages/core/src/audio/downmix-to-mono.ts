import { InvalidAudioError } from '../errors';

/**
 * Mixes planar channels down to one by averaging them (no clipping is possible). A single channel is returned as is,
 * without a copy.
 */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  const frames = mixedDownFrames(channels);
  if (channels.length === 1) return channels[0]!;
  const out = new Float32Array(frames);
  mixDownInto(channels, out, 0);
  return out;
}

/**
 * Writes the average of the channels into `target` from `offset` (it must have room for them), the samples
 * `downmixToMono` would return: the resampler mixes straight into its input history this way, with no mono block in
 * between. Throws InvalidAudioError for zero channels or channels of different lengths.
 */
export function mixDownInto(channels: readonly Float32Array[], target: Float32Array, offset: number): void {
  const frames = mixedDownFrames(channels);
  const first = channels[0]!;
  if (channels.length === 1) {
    target.set(first, offset);
  } else if (channels.length === 2) {
    // Stereo, the common case: one pass. fround keeps the float32 rounding of the sum that the general loop has.
    const second = channels[1]!;
    for (let i = 0; i < frames; i++) target[offset + i] = Math.fround(first[i]! + second[i]!) * 0.5;
  } else {
    const scale = 1 / channels.length;
    for (let i = 0; i < frames; i++) {
      let sum = first[i]!;
      for (let channel = 1; channel < channels.length; channel++) sum = Math.fround(sum + channels[channel]![i]!);
      target[offset + i] = sum * scale;
    }
  }
}

/** The frame count of planar channels; throws InvalidAudioError for zero channels or channels of different lengths. */
export function mixedDownFrames(channels: readonly Float32Array[]): number {
  if (channels.length === 0) throw new InvalidAudioError('Audio with zero channels cannot be mixed down.');
  const frames = channels[0]!.length;
  if (channels.some((channel) => channel.length !== frames)) throw new InvalidAudioError('Cannot mix down channels of different lengths.');
  return frames;
}
