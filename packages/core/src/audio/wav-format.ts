import { InvalidAudioError } from '../errors';
import { assertSampleRate } from './sample-rate';

/** How samples are stored in a WAV data chunk. */
export type WavSampleFormat = 'pcm-u8' | 'pcm-s16' | 'pcm-s24' | 'pcm-s32' | 'float32' | 'float64';

/** The format of a WAV file, from its `fmt ` chunk. */
export interface WavFormat {
  /** The format tag as written: 1 (PCM), 3 (IEEE float) or 0xFFFE (WAVE_FORMAT_EXTENSIBLE). */
  formatCode: number;
  /** The sample encoding (for extensible files, the sub-format's). */
  sampleFormat: WavSampleFormat;
  /** Channels per sample frame. */
  channelCount: number;
  /** Sample frames per second. */
  sampleRate: number;
  /** Significant bits per sample (`wValidBitsPerSample` for extensible files). */
  bitsPerSample: number;
  /** Bytes of one sample frame (all channels). */
  blockAlign: number;
}

/** The format tags this parser reads. */
export const WAVE_FORMAT_PCM = 1;
/** IEEE float samples. */
export const WAVE_FORMAT_IEEE_FLOAT = 3;
/** WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID. */
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Most channels accepted; more is a corrupt header, not a recording. */
export const MAX_WAV_CHANNELS = 256;

// Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID whose first two bytes are a classic format tag.
const SUBFORMAT_SUFFIX = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

// Named so the error says what the file is, and what to do about it.
const KNOWN_TAGS: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'µ-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x0161: 'Windows Media Audio',
  0x1610: 'AAC',
  0xf1ac: 'FLAC',
};

/** Parses the body of a `fmt ` chunk; every problem is an InvalidAudioError that names it. */
export function parseWavFormat(body: Uint8Array): WavFormat {
  if (body.length < 16) throw new InvalidAudioError(`WAV fmt chunk is ${body.length} bytes; at least 16 are needed.`);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const formatCode = view.getUint16(0, true);
  const channelCount = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  let blockAlign = view.getUint16(12, true);
  let bitsPerSample = view.getUint16(14, true);
  let tag = formatCode;
  if (formatCode === WAVE_FORMAT_EXTENSIBLE) {
    if (body.length < 40) throw new InvalidAudioError(`WAV fmt chunk is WAVE_FORMAT_EXTENSIBLE but only ${body.length} bytes long; 40 are needed.`);
    tag = view.getUint16(24, true);
    if (SUBFORMAT_SUFFIX.some((byte, i) => body[26 + i] !== byte)) throw new InvalidAudioError('WAV file uses a WAVE_FORMAT_EXTENSIBLE sub-format GUID that is not PCM or IEEE float.');
    const validBits = view.getUint16(18, true);
    if (validBits > 0 && validBits <= bitsPerSample) bitsPerSample = validBits;
  }
  if (tag !== WAVE_FORMAT_PCM && tag !== WAVE_FORMAT_IEEE_FLOAT) throw unsupportedTag(tag, formatCode === WAVE_FORMAT_EXTENSIBLE);
  if (channelCount === 0) throw new InvalidAudioError('WAV file declares zero channels.');
  if (channelCount > MAX_WAV_CHANNELS) throw new InvalidAudioError(`WAV file declares ${channelCount} channels; at most ${MAX_WAV_CHANNELS} are accepted.`);
  assertSampleRate(sampleRate, 'WAV file');
  // Some writers leave blockAlign 0; a container wider than bitsPerSample (24 bits in 4 bytes) shows only in blockAlign.
  if (blockAlign === 0) blockAlign = channelCount * Math.ceil(bitsPerSample / 8);
  if (blockAlign % channelCount !== 0) throw new InvalidAudioError(`WAV block align ${blockAlign} is not a multiple of its ${channelCount} channels.`);
  const containerBytes = blockAlign / channelCount;
  if (bitsPerSample === 0) bitsPerSample = containerBytes * 8;
  if (bitsPerSample > containerBytes * 8) throw new InvalidAudioError(`WAV declares ${bitsPerSample}-bit samples in ${containerBytes}-byte containers.`);
  const sampleFormat = sampleFormatFor(tag, containerBytes, bitsPerSample);
  return { formatCode, sampleFormat, channelCount, sampleRate, bitsPerSample, blockAlign };
}

function sampleFormatFor(tag: number, containerBytes: number, bits: number): WavSampleFormat {
  if (tag === WAVE_FORMAT_IEEE_FLOAT) {
    if (containerBytes === 4) return 'float32';
    if (containerBytes === 8) return 'float64';
    throw new InvalidAudioError(`WAV IEEE float with ${bits}-bit samples is not supported; only 32- and 64-bit float are.`);
  }
  switch (containerBytes) {
    case 1:
      return 'pcm-u8';
    case 2:
      return 'pcm-s16';
    case 3:
      return 'pcm-s24';
    case 4:
      return 'pcm-s32';
    default:
      throw new InvalidAudioError(`WAV PCM with ${containerBytes * 8}-bit containers is not supported; 8, 16, 24 and 32-bit PCM are.`);
  }
}

function unsupportedTag(tag: number, extensible: boolean): InvalidAudioError {
  const name = KNOWN_TAGS[tag];
  const code = `0x${tag.toString(16).padStart(4, '0')}`;
  const what = `${name ? `${name} (format ${code})` : `format code ${code}`}${extensible ? ' inside WAVE_FORMAT_EXTENSIBLE' : ''}`;
  return new InvalidAudioError(`WAV file uses ${what}, which is not supported: convert it to PCM or IEEE float WAV, or decode it as its own format.`, {
    details: { format_code: tag },
  });
}
