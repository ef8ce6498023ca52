/** The facts of a WAV file needed to check and decode it. */
export interface WavInfo {
  encoding: 'pcm' | 'float';
  bitsPerSample: number;
  channels: number;
  sampleRate: number;
  dataOffset: number;
  dataLength: number;
  frames: number;
  durationSeconds: number;
}

/** A file that is not a WAV the server can read. */
export class WavFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavFormatError';
  }
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

/** True when the bytes start like a RIFF/WAVE file (decoding trusts magic numbers, not declared types). */
export function looksLikeWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE';
}

/**
 * Parses the RIFF structure: PCM 8/16/24/32-bit or float 32/64-bit, any rate and channel count. `bytes` may be only
 * the file's head (an upload on disk) when `totalLength` gives the whole file's size; its headers must be in it.
 */
export function parseWav(bytes: Uint8Array, totalLength = bytes.length): WavInfo {
  if (!looksLikeWav(bytes)) throw new WavFormatError('not a RIFF/WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { code: number; channels: number; sampleRate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (declared < 16 || body + 16 > bytes.length) throw new WavFormatError('truncated fmt chunk');
      let code = view.getUint16(body, true);
      if (code === FORMAT_EXTENSIBLE && declared >= 40 && body + 26 <= bytes.length) code = view.getUint16(body + 24, true);
      format = { code, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('data chunk before fmt chunk');
      // Streaming writers leave the size at 0 or 0xFFFFFFFF; the bytes present are what counts.
      const dataLength = Math.min(declared === 0 ? totalLength - body : declared, totalLength - body);
      return describe(format, body, dataLength);
    }
    offset = body + declared + (declared % 2);
  }
  throw new WavFormatError(format ? 'no data chunk' : 'no fmt chunk');
}

function describe(format: { code: number; channels: number; sampleRate: number; bits: number }, dataOffset: number, dataLength: number): WavInfo {
  const { code, channels, sampleRate, bits } = format;
  let encoding: 'pcm' | 'float';
  if (code === FORMAT_PCM && [8, 16, 24, 32].includes(bits)) encoding = 'pcm';
  else if (code === FORMAT_FLOAT && (bits === 32 || bits === 64)) encoding = 'float';
  else throw new WavFormatError(`unsupported WAV encoding (format ${code}, ${bits} bits)`);
  if (channels < 1) throw new WavFormatError('WAV has no channels');
  if (sampleRate < 1) throw new WavFormatError('WAV sample rate is 0');
  const frameBytes = (bits / 8) * channels;
  const frames = Math.floor(dataLength / frameBytes);
  return { encoding, bitsPerSample: bits, channels, sampleRate, dataOffset, dataLength, frames, durationSeconds: frames / sampleRate };
}

/** Decodes a WAV file to mono float32 samples at its own rate (channels averaged). */
export function decodeWavMono(bytes: Uint8Array, info: WavInfo = parseWav(bytes)): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(view, info);
  const sampleBytes = info.bitsPerSample / 8;
  const out = new Float32Array(info.frames);
  for (let frame = 0; frame < info.frames; frame += 1) {
    let sum = 0;
    const base = info.dataOffset + frame * sampleBytes * info.channels;
    for (let channel = 0; channel < info.channels; channel += 1) sum += read(base + channel * sampleBytes);
    out[frame] = sum / info.channels;
  }
  return out;
}

/**
 * Decodes a WAV file straight to mono float32 at `toRate`: the same samples as
 * `resample(decodeWavMono(bytes, info), info.sampleRate, toRate)`, without the intermediate signal at the file's own
 * rate. That one can be far larger than the result (a 24 s WAV of 100 MiB at 2.2 MHz would be 210 MB of float32), so
 * memory here is the output only (issue 11 item 9).
 */
export function decodeWavAtRate(bytes: Uint8Array, info: WavInfo, toRate: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(view, info);
  const sampleBytes = info.bitsPerSample / 8;
  // Rounded to float32 as decodeWavMono stores it, so the averages below match resample() exactly.
  const mono = (frame: number): number => {
    let sum = 0;
    const base = info.dataOffset + frame * sampleBytes * info.channels;
    for (let channel = 0; channel < info.channels; channel += 1) sum += read(base + channel * sampleBytes);
    return Math.fround(sum / info.channels);
  };
  const frames = info.frames;
  if (info.sampleRate === toRate) {
    const out = new Float32Array(frames);
    for (let frame = 0; frame < frames; frame += 1) out[frame] = mono(frame);
    return out;
  }
  const ratio = info.sampleRate / toRate;
  const out = new Float32Array(Math.floor(frames / ratio));
  for (let i = 0; i < out.length; i += 1) {
    if (ratio > 1) {
      const start = Math.floor(i * ratio);
      const end = Math.min(frames, Math.max(start + 1, Math.floor((i + 1) * ratio)));
      let sum = 0;
      for (let j = start; j < end; j += 1) sum += mono(j);
      out[i] = sum / (end - start);
    } else {
      const position = i * ratio;
      const left = Math.floor(position);
      const right = Math.min(left + 1, frames - 1);
      const fraction = position - left;
      out[i] = mono(left) * (1 - fraction) + mono(right) * fraction;
    }
  }
  return out;
}

function sampleReader(view: DataView, info: WavInfo): (at: number) => number {
  if (info.encoding === 'float') return info.bitsPerSample === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  switch (info.bitsPerSample) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) => {
        const value = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        return value / 8388608;
      };
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

/**
 * Resamples mono audio. Downsampling averages each output sample's input span (a box filter, enough to keep
 * aliasing out of speech); upsampling interpolates linearly.
 */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return samples;
  const ratio = fromRate / toRate;
  const length = Math.floor(samples.length / ratio);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    if (ratio > 1) {
      const start = Math.floor(i * ratio);
      const end = Math.min(samples.length, Math.max(start + 1, Math.floor((i + 1) * ratio)));
      let sum = 0;
      for (let j = start; j < end; j += 1) sum += samples[j] as number;
      out[i] = sum / (end - start);
    } else {
      const position = i * ratio;
      const left = Math.floor(position);
      const right = Math.min(left + 1, samples.length - 1);
      const fraction = position - left;
      out[i] = (samples[left] as number) * (1 - fraction) + (samples[right] as number) * fraction;
    }
  }
  return out;
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
