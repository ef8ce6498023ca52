/** What a valid MPEG audio (mp1/mp2/mp3) or ADTS (AAC) frame header says. */
export interface MpegFrameHeader {
  /** `mpeg` for MPEG-1/2/2.5 layers I–III, `adts` for AAC in ADTS framing. */
  kind: 'mpeg' | 'adts';
  /** Length of the whole frame in bytes, header included. */
  frameBytes: number;
  /** Samples per second. */
  sampleRate: number;
  /** Channels (ADTS: 0 means "declared in the stream", reported as 2). */
  channels: number;
}

// kbit/s by [MPEG-1 ? 0 : 1][layer 1..3 - 1][index 1..14 - 1] (ISO/IEC 11172-3 and 13818-3 tables).
const BITRATES = [
  [
    [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  [
    [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
];
const MPEG1_RATES = [44100, 48000, 32000];
const ADTS_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** Parses the 4-byte (MPEG) or 7-byte (ADTS) frame header at `offset`; undefined when it is not a valid one. */
export function readMpegFrameHeader(bytes: Uint8Array, offset: number): MpegFrameHeader | undefined {
  if (offset < 0 || offset + 4 > bytes.length) return undefined;
  const b1 = bytes[offset + 1]!;
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const layerBits = (b1 >> 1) & 3;
  // Layer bits 00 are reserved in MPEG audio, and are exactly what marks AAC's ADTS framing (with MPEG version 2/4).
  if (layerBits === 0) return (b1 & 0x10) !== 0 ? readAdtsHeader(bytes, offset) : undefined;
  const versionBits = (b1 >> 3) & 3;
  if (versionBits === 1) return undefined;
  const b2 = bytes[offset + 2]!;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  // Free-format (index 0) streams are legal but rare enough that treating them as noise avoids false positives.
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const layer = 4 - layerBits;
  const mpeg1 = versionBits === 3;
  const sampleRate = MPEG1_RATES[rateIndex]! / (mpeg1 ? 1 : versionBits === 2 ? 2 : 4);
  const bitrate = BITRATES[mpeg1 ? 0 : 1]![layer - 1]![bitrateIndex - 1]! * 1000;
  const padding = (b2 >> 1) & 1;
  let frameBytes: number;
  if (layer === 1) frameBytes = (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  else if (layer === 3 && !mpeg1) frameBytes = Math.floor((72 * bitrate) / sampleRate) + padding;
  else frameBytes = Math.floor((144 * bitrate) / sampleRate) + padding;
  const channels = (bytes[offset + 3]! >> 6) === 3 ? 1 : 2;
  return { kind: 'mpeg', frameBytes, sampleRate, channels };
}

function readAdtsHeader(bytes: Uint8Array, offset: number): MpegFrameHeader | undefined {
  if (offset + 7 > bytes.length) return undefined;
  const b2 = bytes[offset + 2]!;
  const rate = ADTS_RATES[(b2 >> 2) & 0xf];
  if (rate === undefined) return undefined;
  const channels = ((b2 & 1) << 2) | (bytes[offset + 3]! >> 6);
  const frameBytes = ((bytes[offset + 3]! & 3) << 11) | (bytes[offset + 4]! << 3) | (bytes[offset + 5]! >> 5);
  if (frameBytes < 7) return undefined;
  return { kind: 'adts', frameBytes, sampleRate: rate, channels: channels === 0 ? 2 : channels };
}
