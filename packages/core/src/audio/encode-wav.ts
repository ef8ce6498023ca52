import { InvalidAudioError } from '../errors';
import { floatToInt16 } from './float-to-int16';
import { int16ToLittleEndianBytes } from './int16-little-endian';
import { assertSampleRate } from './sample-rate';
import { WAVE_FORMAT_EXTENSIBLE, WAVE_FORMAT_IEEE_FLOAT, WAVE_FORMAT_PCM, type WavSampleFormat } from './wav-format';

/** Options of `encodeWav`. */
export interface EncodeWavOptions {
  /** Sample frames per second. Default 16000. */
  sampleRate?: number;
  /** Sample encoding. Default `pcm-s16` (what chunks are uploaded as). */
  sampleFormat?: WavSampleFormat;
  /** Write a 68-byte WAVE_FORMAT_EXTENSIBLE header instead of the canonical 44-byte one. Default false. */
  extensible?: boolean;
}

/** Bytes of the canonical header: RIFF (12) + fmt (8 + 16) + data header (8). */
export const WAV_HEADER_BYTES = 44;

const BYTES_PER_SAMPLE: Record<WavSampleFormat, number> = { 'pcm-u8': 1, 'pcm-s16': 2, 'pcm-s24': 3, 'pcm-s32': 4, float32: 4, float64: 8 };

/**
 * Encodes audio as a WAV file. Int16 input is 16-bit mono; float input is one array (mono) or planar channels in
 * [-1, 1]. The default, 16 kHz mono 16-bit PCM with the canonical 44-byte header, is exactly an upload chunk (5.1).
 */
export function encodeWav(audio: Int16Array | Float32Array | readonly Float32Array[], options: EncodeWavOptions = {}): Uint8Array {
  const sampleRate = options.sampleRate ?? 16000;
  const sampleFormat = options.sampleFormat ?? 'pcm-s16';
  assertSampleRate(sampleRate, 'encodeWav');
  if (audio instanceof Int16Array) {
    if (sampleFormat !== 'pcm-s16') throw new InvalidAudioError('encodeWav: Int16Array input is written as pcm-s16 only; pass floats for other formats.');
    const bytes = writeHeader(audio.length, 1, sampleRate, sampleFormat, options.extensible ?? false);
    int16ToLittleEndianBytes(audio, bytes, headerBytesFor(options.extensible ?? false));
    return bytes;
  }
  const channels = audio instanceof Float32Array ? [audio] : audio;
  if (channels.length === 0) throw new InvalidAudioError('encodeWav: zero channels.');
  const frames = channels[0]!.length;
  if (channels.some((channel) => channel.length !== frames)) throw new InvalidAudioError('encodeWav: channels differ in length.');
  const bytes = writeHeader(frames, channels.length, sampleRate, sampleFormat, options.extensible ?? false);
  const dataStart = headerBytesFor(options.extensible ?? false);
  if (sampleFormat === 'pcm-s16' && channels.length === 1) {
    int16ToLittleEndianBytes(floatToInt16(channels[0]!), bytes, dataStart);
    return bytes;
  }
  writeSamples(new DataView(bytes.buffer, dataStart), channels, sampleFormat);
  return bytes;
}

/**
 * `encodeWav(samples, { sampleRate })` for 16-bit mono samples: an upload chunk (5.1), byte for byte. The speech
 * chunker calls this one so that an app's bundle carries no code for the other sample formats and layouts.
 */
export function encodePcm16Wav(samples: Int16Array, sampleRate: number): Uint8Array {
  assertSampleRate(sampleRate, 'encodeWav');
  const bytes = writeHeader(samples.length, 1, sampleRate, 'pcm-s16', false);
  int16ToLittleEndianBytes(samples, bytes, WAV_HEADER_BYTES);
  return bytes;
}

function writeHeader(frames: number, channelCount: number, sampleRate: number, sampleFormat: WavSampleFormat, extensible: boolean): Uint8Array {
  const width = BYTES_PER_SAMPLE[sampleFormat];
  const blockAlign = width * channelCount;
  const dataBytes = frames * blockAlign;
  const fmtBytes = extensible ? 40 : 16;
  const headerBytes = headerBytesFor(extensible);
  // RIFF sizes are 32-bit; the chunks we write are seconds long, so this only guards misuse.
  if (dataBytes + headerBytes - 8 > 0xffffffff) throw new InvalidAudioError('encodeWav: audio too long for a 4 GiB RIFF file.');
  const bytes = new Uint8Array(headerBytes + dataBytes + (dataBytes % 2));
  const view = new DataView(bytes.buffer);
  const tag = sampleFormat === 'float32' || sampleFormat === 'float64' ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM;
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  writeAscii(view, 8, 'WAVE');
  writeAscii(view, 12, 'fmt ');
  view.setUint32(16, fmtBytes, true);
  view.setUint16(20, extensible ? WAVE_FORMAT_EXTENSIBLE : tag, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, width * 8, true);
  if (extensible) {
    view.setUint16(36, 22, true); // cbSize
    view.setUint16(38, width * 8, true); // valid bits
    view.setUint32(40, 0, true); // channel mask: unspecified
    // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: the tag, then the fixed GUID tail.
    view.setUint16(44, tag, true);
    [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71].forEach((byte, i) => view.setUint8(46 + i, byte));
  }
  writeAscii(view, headerBytes - 8, 'data');
  view.setUint32(headerBytes - 4, dataBytes, true);
  return bytes;
}

function headerBytesFor(extensible: boolean): number {
  return extensible ? WAV_HEADER_BYTES + 24 : WAV_HEADER_BYTES;
}

function writeSamples(view: DataView, channels: readonly Float32Array[], sampleFormat: WavSampleFormat): void {
  const count = channels.length;
  const width = BYTES_PER_SAMPLE[sampleFormat];
  for (let c = 0; c < count; c++) {
    const channel = channels[c]!;
    for (let i = 0, at = c * width; i < channel.length; i++, at += count * width) {
      const x = channel[i]!;
      switch (sampleFormat) {
        case 'pcm-u8':
          view.setUint8(at, 128 + quantize(x, 128));
          break;
        case 'pcm-s16':
          view.setInt16(at, quantize(x, 32768), true);
          break;
        case 'pcm-s24': {
          const value = quantize(x, 8388608);
          view.setUint8(at, value & 0xff);
          view.setUint8(at + 1, (value >> 8) & 0xff);
          view.setUint8(at + 2, (value >> 16) & 0xff);
          break;
        }
        case 'pcm-s32':
          view.setInt32(at, quantize(x, 2147483648), true);
          break;
        case 'float32':
          view.setFloat32(at, x, true);
          break;
        case 'float64':
          view.setFloat64(at, x, true);
          break;
      }
    }
  }
}

// Scales, rounds half away from zero and clips to the signed range of the format.
function quantize(x: number, scale: number): number {
  const value = x * scale;
  const rounded = value >= 0 ? Math.floor(value + 0.5) : -Math.floor(0.5 - value);
  if (Number.isNaN(rounded)) return 0;
  return Math.max(-scale, Math.min(scale - 1, rounded));
}

function writeAscii(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
}
