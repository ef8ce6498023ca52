import { InvalidAudioError } from '@scribe/core';
import { readMpegFrameHeader, type MpegFrameHeader } from './read-mpeg-frame-header';

/** Container formats `decodeAudio` recognises from their first bytes. */
export type AudioContainer = 'wav' | 'mp3' | 'aac' | 'ogg' | 'flac' | 'webm' | 'mp4';

/** Codecs inside those containers; `unknown` when the first bytes do not say (mp4 with its index at the end). */
export type AudioCodec = 'pcm' | 'mp3' | 'aac' | 'opus' | 'vorbis' | 'flac' | 'unknown';

/** What the first bytes of a file say it is. */
export interface DetectedAudioFormat {
  /** The container (for bare streams such as mp3 and flac, the stream format itself). */
  container: AudioContainer;
  /** The codec, when the first bytes reveal it. */
  codec: AudioCodec;
}

/** Options for `detectAudioFormat`. */
export interface DetectAudioFormatOptions {
  /** A file extension (`mp3` or `.mp3`) used only to break ties the bytes leave open. Default: none. */
  extension?: string;
  /** How to name the input in error messages. Default: `audio`. */
  label?: string;
}

// mp3 with leading junk is found by scanning for this many consecutive valid frame headers; a single header-shaped
// pair of bytes turns up in random data too often to trust.
const FRAMES_TO_TRUST_A_SCAN = 3;

/**
 * The format of an audio file from its first bytes (a few kilobytes are plenty; more helps only mp3 with leading
 * junk). Throws `InvalidAudioError` for empty input, text, and anything unrecognised.
 */
export function detectAudioFormat(bytes: Uint8Array, options: DetectAudioFormatOptions = {}): DetectedAudioFormat {
  const label = options.label ?? 'audio';
  const extension = (options.extension ?? '').replace(/^\./, '').toLowerCase();
  if (bytes.length === 0) throw new InvalidAudioError(`${label} is empty (0 bytes).`);
  const detected = detectFromBytes(bytes, extension);
  if (detected) return detected;
  if (looksLikeText(bytes)) {
    throw new InvalidAudioError(`${label} looks like a text file, not audio (starts with ${JSON.stringify(textPreview(bytes))}).`);
  }
  const known = knownUnsupportedFormat(bytes);
  const what = known ? `${known} is not a supported audio format` : 'unsupported or unrecognised audio format';
  throw new InvalidAudioError(`${label}: ${what} (first bytes ${hexPreview(bytes)}); supported: wav, mp3, ogg (Opus, Vorbis, FLAC), flac, webm, m4a/mp4, aac.`);
}

function detectFromBytes(bytes: Uint8Array, extension: string): DetectedAudioFormat | undefined {
  if ((ascii(bytes, 0, 4) === 'RIFF' || ascii(bytes, 0, 4) === 'RF64') && ascii(bytes, 8, 4) === 'WAVE') return { container: 'wav', codec: 'pcm' };
  if (ascii(bytes, 0, 4) === 'OggS') return detectOgg(bytes);
  if (ascii(bytes, 0, 4) === 'fLaC') return { container: 'flac', codec: 'flac' };
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return { container: 'webm', codec: sniffWebmCodec(bytes) };
  if (ascii(bytes, 4, 4) === 'ftyp') return { container: 'mp4', codec: sniffMp4Codec(bytes) };
  const afterId3 = skipId3(bytes);
  if (afterId3 > 0) {
    if (ascii(bytes, afterId3, 4) === 'fLaC') return { container: 'flac', codec: 'flac' };
    // The tag may run past the bytes we were given: then only the extension can say what follows it.
    if (afterId3 + 4 > bytes.length) return extension === 'aac' ? { container: 'aac', codec: 'aac' } : { container: 'mp3', codec: 'mp3' };
  }
  return detectMpegStream(bytes, afterId3, extension);
}

/** The first MPEG/ADTS frame header after any ID3 tag, when the bytes start with one (mono mp3 is told from it). */
export function firstMpegFrame(bytes: Uint8Array): MpegFrameHeader | undefined {
  return readMpegFrameHeader(bytes, skipId3(bytes));
}

function detectOgg(bytes: Uint8Array): DetectedAudioFormat {
  // The first page of a stream holds exactly the codec's identification packet, right after the segment table.
  const segments = bytes[26] ?? 0;
  const packetAt = 27 + segments;
  if (ascii(bytes, packetAt, 8) === 'OpusHead') return { container: 'ogg', codec: 'opus' };
  if (bytes[packetAt] === 0x01 && ascii(bytes, packetAt + 1, 6) === 'vorbis') return { container: 'ogg', codec: 'vorbis' };
  if (bytes[packetAt] === 0x7f && ascii(bytes, packetAt + 1, 4) === 'FLAC') return { container: 'ogg', codec: 'flac' };
  if (ascii(bytes, packetAt, 8) === 'Speex   ') throw new InvalidAudioError('Ogg Speex audio is not supported; use Opus, Vorbis or FLAC.');
  return { container: 'ogg', codec: 'unknown' };
}

function detectMpegStream(bytes: Uint8Array, start: number, extension: string): DetectedAudioFormat | undefined {
  const first = readMpegFrameHeader(bytes, start);
  if (first) {
    const next = readMpegFrameHeader(bytes, start + first.frameBytes);
    const nextInReach = start + first.frameBytes + 4 <= bytes.length;
    // A file shorter than two frames, or an ID3 tag or a matching extension, makes one header enough.
    if (next || !nextInReach || start > 0 || extension === 'mp3' || extension === 'aac') return formatOf(first.kind);
  }
  for (let offset = start; offset + 4 <= bytes.length; offset += 1) {
    if (bytes[offset] !== 0xff) continue;
    const header = readMpegFrameHeader(bytes, offset);
    if (header && hasConsecutiveFrames(bytes, offset, FRAMES_TO_TRUST_A_SCAN)) return formatOf(header.kind);
  }
  return undefined;
}

function hasConsecutiveFrames(bytes: Uint8Array, offset: number, count: number): boolean {
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    const header = readMpegFrameHeader(bytes, at);
    if (!header) return false;
    at += header.frameBytes;
  }
  return true;
}

function formatOf(kind: 'mpeg' | 'adts'): DetectedAudioFormat {
  return kind === 'adts' ? { container: 'aac', codec: 'aac' } : { container: 'mp3', codec: 'mp3' };
}

/** Offset just past a leading ID3v2 tag, or 0 when there is none. */
function skipId3(bytes: Uint8Array): number {
  if (ascii(bytes, 0, 3) !== 'ID3' || bytes.length < 10) return 0;
  // The size is "synchsafe": four 7-bit groups, so no byte of it can look like an mp3 frame sync.
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  const footer = (bytes[5]! & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

function sniffWebmCodec(bytes: Uint8Array): AudioCodec {
  const text = ascii(bytes, 0, Math.min(bytes.length, 4096));
  if (text.includes('A_OPUS')) return 'opus';
  if (text.includes('A_VORBIS')) return 'vorbis';
  if (text.includes('A_FLAC')) return 'flac';
  if (text.includes('A_AAC')) return 'aac';
  if (text.includes('A_MPEG/L3')) return 'mp3';
  return 'unknown';
}

function sniffMp4Codec(bytes: Uint8Array): AudioCodec {
  // Only present when the index (moov) comes first; files written without "faststart" keep it at the end.
  const text = ascii(bytes, 0, bytes.length);
  if (text.includes('Opus')) return 'opus';
  if (text.includes('fLaC')) return 'flac';
  if (text.includes('mp4a')) return 'aac';
  return 'unknown';
}

function knownUnsupportedFormat(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 0, 4) === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(bytes, 8, 4))) return 'AIFF';
  if (ascii(bytes, 0, 4) === 'RIFX') return 'Big-endian WAV (RIFX)';
  if (ascii(bytes, 0, 5) === '#!AMR') return 'AMR';
  if (ascii(bytes, 0, 4) === 'caff') return 'Core Audio Format (CAF)';
  if (ascii(bytes, 0, 4) === 'MThd') return 'MIDI';
  if (ascii(bytes, 0, 4) === '.snd') return 'Sun/NeXT audio (.au)';
  return undefined;
}

/** True when the bytes decode as UTF-8 without control characters other than whitespace. */
function looksLikeText(bytes: Uint8Array): boolean {
  let sample = bytes.subarray(0, 1024);
  for (const value of sample) {
    if (value === 0 || (value < 0x20 && value !== 0x09 && value !== 0x0a && value !== 0x0d && value !== 0x0c) || value === 0x7f) return false;
  }
  // Drop a multi-byte character cut off by the sample's end before the strict decode.
  for (let back = 0; back < 3 && sample.length > 0 && (sample[sample.length - 1]! & 0xc0) === 0x80; back += 1) sample = sample.subarray(0, -1);
  if (sample.length > 0 && sample[sample.length - 1]! >= 0xc0) sample = sample.subarray(0, -1);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return true;
  } catch {
    return false;
  }
}

function textPreview(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes.subarray(0, 40)).replace(/\s+/g, ' ').trim();
  return bytes.length > 40 ? `${text}…` : text;
}

function hexPreview(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 16), (value) => value.toString(16).padStart(2, '0')).join(' ');
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset < 0 || offset + length > bytes.length) return '';
  let text = '';
  for (let index = offset; index < offset + length; index += 1) text += String.fromCharCode(bytes[index]!);
  return text;
}
