import { InvalidAudioError } from '@scribe/core';
import type { PcmBlock } from './audio-ports';
import { ByteReader } from './byte-reader';

/** Sample frames per yielded block: half a second at 16 kHz, a tenth at 44.1 kHz stereo; small either way. */
const BLOCK_FRAMES = 8192;
const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
// A data size streaming writers put in when they cannot seek back to fill it in (and RF64's placeholder).
const UNKNOWN_SIZE = 0xffffffff;

/** What a WAV file's `fmt ` chunk says about its samples. */
export interface WavFormat {
  /** 1 for integer PCM, 3 for IEEE float (WAVE_FORMAT_EXTENSIBLE is resolved to one of these). */
  formatCode: number;
  /** Interleaved channels. */
  channels: number;
  /** Sample frames per second. */
  sampleRate: number;
  /** Bits per stored sample: 8, 16, 24 or 32 (float: 32 or 64). */
  bitsPerSample: number;
  /** Bytes per sample frame (all channels). */
  blockAlign: number;
}

/**
 * Streams a RIFF/WAVE (or RF64) file as float blocks: integer PCM of 8/16/24/32 bits and 32/64-bit float, any
 * rate and channel count. A file cut short yields what it holds; a broken header throws `InvalidAudioError`.
 */
export async function* decodeWav(chunks: AsyncIterable<Uint8Array>, label = 'audio'): AsyncGenerator<PcmBlock> {
  const reader = new ByteReader(chunks);
  try {
    const riff = await reader.read(12);
    if (riff.length < 12) throw new InvalidAudioError(`${label}: the WAV header is truncated.`);
    let format: WavFormat | undefined;
    for (;;) {
      const header = await reader.read(8);
      if (header.length < 8) throw new InvalidAudioError(`${label}: the WAV file has no data chunk${format ? '' : ' and no fmt chunk'}.`);
      const view = new DataView(header.buffer, header.byteOffset, 8);
      const id = String.fromCharCode(...header.subarray(0, 4));
      const size = view.getUint32(4, true);
      if (id === 'fmt ') {
        format = parseFormat(await reader.read(size), label);
        await reader.skip(size & 1);
      } else if (id === 'data') {
        if (!format) throw new InvalidAudioError(`${label}: the WAV data chunk comes before its fmt chunk.`);
        yield* streamSamples(reader, format, size === UNKNOWN_SIZE || size === 0 ? Infinity : size);
        return;
      } else {
        // LIST, fact, ds64, cue and anything else carry nothing the samples need.
        await reader.skip(size + (size & 1));
      }
    }
  } finally {
    await reader.close();
  }
}

/** Parses a `fmt ` chunk body; throws `InvalidAudioError` for encodings other than integer PCM and float. */
export function parseFormat(body: Uint8Array, label = 'audio'): WavFormat {
  if (body.length < 16) throw new InvalidAudioError(`${label}: the WAV fmt chunk is truncated.`);
  const view = new DataView(body.buffer, body.byteOffset, body.length);
  let formatCode = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bitsPerSample = view.getUint16(14, true);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format code in the first two bytes of its sub-format GUID.
  if (formatCode === FORMAT_EXTENSIBLE && body.length >= 26) formatCode = view.getUint16(24, true);
  if (formatCode !== FORMAT_PCM && formatCode !== FORMAT_FLOAT) {
    throw new InvalidAudioError(`${label}: WAV format code 0x${formatCode.toString(16).padStart(4, '0')} is not supported; only integer PCM and float WAV are.`);
  }
  const supportedBits = formatCode === FORMAT_PCM ? [8, 16, 24, 32] : [32, 64];
  if (!supportedBits.includes(bitsPerSample)) {
    throw new InvalidAudioError(`${label}: ${bitsPerSample}-bit ${formatCode === FORMAT_PCM ? 'integer' : 'float'} WAV is not supported.`);
  }
  if (channels === 0 || sampleRate === 0 || blockAlign < (channels * bitsPerSample) / 8) {
    throw new InvalidAudioError(`${label}: the WAV fmt chunk is inconsistent (${channels} channels, ${sampleRate} Hz, block ${blockAlign} bytes).`);
  }
  return { formatCode, channels, sampleRate, bitsPerSample, blockAlign };
}

async function* streamSamples(reader: ByteReader, format: WavFormat, dataBytes: number): AsyncGenerator<PcmBlock> {
  const convert = converterFor(format);
  let remaining = dataBytes;
  while (remaining > 0) {
    const wanted = Math.min(BLOCK_FRAMES * format.blockAlign, remaining);
    const bytes = await reader.read(wanted);
    // A partial sample frame at the end of a truncated file is dropped rather than guessed at.
    const frames = Math.floor(bytes.length / format.blockAlign);
    if (frames > 0) yield { channels: convert(bytes, frames), sampleRate: format.sampleRate };
    if (bytes.length < wanted) return;
    remaining -= bytes.length;
  }
}

type Converter = (bytes: Uint8Array, frames: number) => Float32Array[];

function converterFor(format: WavFormat): Converter {
  const { channels, blockAlign, bitsPerSample, formatCode } = format;
  const bytesPerSample = bitsPerSample / 8;
  const read = sampleReader(formatCode, bitsPerSample);
  return (bytes, frames) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const planes = Array.from({ length: channels }, () => new Float32Array(frames));
    for (let frame = 0; frame < frames; frame += 1) {
      const base = frame * blockAlign;
      for (let channel = 0; channel < channels; channel += 1) planes[channel]![frame] = read(view, base + channel * bytesPerSample);
    }
    return planes;
  };
}

function sampleReader(formatCode: number, bits: number): (view: DataView, offset: number) => number {
  if (formatCode === FORMAT_FLOAT) return bits === 32 ? (view, at) => view.getFloat32(at, true) : (view, at) => view.getFloat64(at, true);
  switch (bits) {
    case 8:
      // 8-bit WAV is the one unsigned width.
      return (view, at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (view, at) => view.getInt16(at, true) / 32768;
    case 24:
      return (view, at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
    default:
      return (view, at) => view.getInt32(at, true) / 2147483648;
  }
}
