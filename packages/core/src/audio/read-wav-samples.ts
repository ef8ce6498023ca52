import type { WavFormat } from './wav-format';

/**
 * Decodes `frames` sample frames of `format` from `bytes` (starting at `byteOffset`) into planar floats in [-1, 1],
 * writing `channels[c][channelOffset ...]`. Integer PCM is scaled by its container (valid bits sit in the high bits),
 * 8-bit PCM is unsigned, everything is little-endian.
 */
export function readWavSamples(bytes: Uint8Array, byteOffset: number, frames: number, format: WavFormat, channels: Float32Array[], channelOffset: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset + byteOffset, frames * format.blockAlign);
  const count = format.channelCount;
  const width = format.blockAlign / count;
  for (let c = 0; c < count; c++) {
    const out = channels[c]!;
    let at = c * width;
    const stride = format.blockAlign;
    const end = channelOffset + frames;
    // One loop per format keeps the per-sample work branch-free.
    switch (format.sampleFormat) {
      case 'pcm-u8':
        for (let i = channelOffset; i < end; i++, at += stride) out[i] = (view.getUint8(at) - 128) / 128;
        break;
      case 'pcm-s16':
        for (let i = channelOffset; i < end; i++, at += stride) out[i] = view.getInt16(at, true) / 32768;
        break;
      case 'pcm-s24':
        for (let i = channelOffset; i < end; i++, at += stride) {
          const value = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
          out[i] = value / 8388608;
        }
        break;
      case 'pcm-s32':
        for (let i = channelOffset; i < end; i++, at += stride) out[i] = view.getInt32(at, true) / 2147483648;
        break;
      case 'float32':
        for (let i = channelOffset; i < end; i++, at += stride) out[i] = view.getFloat32(at, true);
        break;
      case 'float64':
        for (let i = channelOffset; i < end; i++, at += stride) out[i] = view.getFloat64(at, true);
        break;
    }
  }
}
