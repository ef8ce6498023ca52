import { InvalidAudioError } from '../errors';

// Typed arrays use the platform's byte order; WAV and raw PCM are little-endian. Nearly every platform is
// little-endian, where a plain byte copy is correct and fast; the DataView paths keep big-endian hosts correct.
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Encodes 16-bit samples as little-endian bytes (2 per sample), whatever the platform's byte order. */
export function int16ToLittleEndianBytes(samples: Int16Array, target: Uint8Array = new Uint8Array(samples.length * 2), targetOffset = 0): Uint8Array {
  if (target.length - targetOffset < samples.length * 2) throw new RangeError('int16ToLittleEndianBytes: target too small');
  if (HOST_IS_LITTLE_ENDIAN) {
    target.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.length * 2), targetOffset);
    return target;
  }
  const view = new DataView(target.buffer, target.byteOffset + targetOffset, samples.length * 2);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i]!, true);
  return target;
}

/** Decodes little-endian 16-bit samples; an odd byte length is an InvalidAudioError. Never aliases `bytes`. */
export function int16FromLittleEndianBytes(bytes: Uint8Array): Int16Array {
  if (bytes.length % 2 !== 0) {
    throw new InvalidAudioError(`16-bit PCM needs an even number of bytes, got ${bytes.length}: the audio is truncated or not 16-bit.`);
  }
  const samples = new Int16Array(bytes.length / 2);
  if (HOST_IS_LITTLE_ENDIAN) {
    new Uint8Array(samples.buffer).set(bytes);
    return samples;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true);
  return samples;
}
