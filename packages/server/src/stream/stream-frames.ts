import { STREAM_CLOSE, type StreamClose } from './stream-close-codes.js';

/** What one incoming frame asks for, after validation (contract 6.3, 6.5). */
export type StreamFrame =
  | { kind: 'audio'; bytes: Buffer }
  | { kind: 'start' }
  | { kind: 'stop' }
  | { kind: 'ignore' }
  | { kind: 'reject'; close: StreamClose };

/** Encodings accepted in `start.mediaFormat.encoding`. */
const ENCODINGS = new Set(['audio/x-l16', 'pcm_s16le']);
/** The only rate accepted; the optional 8 and 48 kHz resampling of 6.5 is not offered. */
const SAMPLE_RATE = 16000;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const reject = (code: number, reason: string): StreamFrame => ({ kind: 'reject', close: { code, reason } });

/**
 * Classifies a binary frame: PCM bytes, or a close for an odd length, a payload over the limit, or (when
 * `checkContainer`) bytes that start like an audio file rather than raw PCM.
 */
export function parseBinaryFrame(bytes: Buffer, maxFrameBytes: number, checkContainer: boolean): StreamFrame {
  if (bytes.length > maxFrameBytes) return reject(STREAM_CLOSE.tooBig, `frame of ${bytes.length} bytes is over max_frame_bytes (${maxFrameBytes})`);
  if (bytes.length === 0) return { kind: 'ignore' };
  if (bytes.length % 2 !== 0) return reject(STREAM_CLOSE.unsupportedData, `odd-length frame (${bytes.length} bytes): PCM frames hold whole 16-bit samples`);
  const container = checkContainer ? containerName(bytes) : undefined;
  if (container) return reject(STREAM_CLOSE.unsupportedData, `${container} data instead of raw PCM s16le`);
  return { kind: 'audio', bytes };
}

/** Classifies a text frame: a JSON envelope event (`start`, `media`, `stop`, ignored ones) or the bare text `stop`. */
export function parseTextFrame(text: string, maxFrameBytes: number, checkContainer: boolean): StreamFrame {
  if (text.trim() === 'stop') return { kind: 'stop' };
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return reject(STREAM_CLOSE.unsupportedData, 'text frame is not a JSON envelope');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return reject(STREAM_CLOSE.unsupportedData, 'text frame is not a JSON envelope object');
  const envelope = message as Record<string, unknown>;
  switch (envelope.event) {
    case 'start':
      return parseStart(envelope.start);
    case 'media':
      return parseMedia(envelope.media, maxFrameBytes, checkContainer);
    case 'stop':
      return { kind: 'stop' };
    case 'connected':
    case 'mark':
      return { kind: 'ignore' };
    default:
      return reject(STREAM_CLOSE.unsupportedData, `unknown envelope event ${JSON.stringify(envelope.event ?? null).slice(0, 40)}`);
  }
}

function parseStart(start: unknown): StreamFrame {
  if (start === undefined) return { kind: 'start' };
  if (typeof start !== 'object' || start === null) return reject(STREAM_CLOSE.unsupportedData, 'start must be an object');
  const format = (start as Record<string, unknown>).mediaFormat;
  // A start without mediaFormat means the default format; one that states a format must state ours.
  if (format === undefined) return { kind: 'start' };
  if (typeof format !== 'object' || format === null) return reject(STREAM_CLOSE.unsupportedData, 'start.mediaFormat must be an object');
  const { encoding, sampleRate } = format as Record<string, unknown>;
  if (encoding !== undefined && (typeof encoding !== 'string' || !ENCODINGS.has(encoding.toLowerCase()))) {
    return reject(STREAM_CLOSE.unsupportedData, `unsupported encoding ${JSON.stringify(encoding).slice(0, 40)}: use audio/x-l16`);
  }
  if (sampleRate !== undefined && sampleRate !== SAMPLE_RATE) {
    return reject(STREAM_CLOSE.unsupportedData, `unsupported sampleRate ${JSON.stringify(sampleRate).slice(0, 20)}: use 16000`);
  }
  return { kind: 'start' };
}

function parseMedia(media: unknown, maxFrameBytes: number, checkContainer: boolean): StreamFrame {
  const payload = typeof media === 'object' && media !== null ? (media as Record<string, unknown>).payload : undefined;
  if (typeof payload !== 'string') return reject(STREAM_CLOSE.unsupportedData, 'media.payload must be a base64 string');
  // Buffer.from(…, 'base64') silently skips junk, so the alphabet and padding are checked first.
  if (!BASE64.test(payload)) return reject(STREAM_CLOSE.unsupportedData, 'media.payload is not valid base64');
  const decoded = (payload.length / 4) * 3 - (payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0);
  if (decoded > maxFrameBytes) return reject(STREAM_CLOSE.tooBig, `decoded payload of ${decoded} bytes is over max_frame_bytes (${maxFrameBytes})`);
  return parseBinaryFrame(Buffer.from(payload, 'base64'), maxFrameBytes, checkContainer);
}

/** The container whose signature `bytes` start with, if any (RIFF, Ogg, ID3, FLAC, EBML/WebM, an MP3 frame header). */
export function containerName(bytes: Uint8Array): string | undefined {
  const ascii = String.fromCharCode(...bytes.subarray(0, 4));
  if (ascii === 'RIFF') return 'RIFF/WAVE';
  if (ascii === 'OggS') return 'Ogg';
  if (ascii === 'fLaC') return 'FLAC';
  if (ascii.startsWith('ID3')) return 'ID3/MP3';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'EBML/WebM';
  if (isMp3FrameHeader(bytes)) return 'MP3';
  return undefined;
}

// A full MPEG audio Layer III header check rather than the bare 11-bit sync: the sync alone matches common PCM
// sample values, while a valid version, layer, bitrate and rate together are rare in audio.
function isMp3FrameHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff) return false;
  const b1 = bytes[1]!;
  const b2 = bytes[2]!;
  if ((b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = b2 >> 4;
  const rate = (b2 >> 2) & 3;
  return version !== 1 && layer === 1 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}
