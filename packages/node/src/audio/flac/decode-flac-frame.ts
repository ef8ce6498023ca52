import { BitReader, InvalidFlacFrame, NeedMoreData } from './bit-reader';
import { crc16, crc8 } from './flac-crc';
import { decodeSubframe } from './decode-flac-subframe';

/** The STREAMINFO fields a frame may defer to (RFC 9639 section 8.2). */
export interface FlacStreamInfo {
  /** Samples per second. */
  sampleRate: number;
  /** Channels. */
  channels: number;
  /** Bits per sample. */
  bitsPerSample: number;
  /** Samples per channel in the whole stream; 0 when unknown. */
  totalSamples: number;
}

/** One decoded frame. */
export interface FlacFrame {
  /** One array per channel, scaled to [-1, 1]. */
  channels: Float32Array[];
  /** The frame's sample rate. */
  sampleRate: number;
  /** Bytes the frame took, CRC-16 footer included. */
  byteLength: number;
}

const BLOCK_SIZES = [0, 192, 576, 1152, 2304, 4608, -1, -2, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768];
const SAMPLE_RATES = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000, -1, -2, -3, -4];
const SAMPLE_SIZES = [0, 8, 12, -1, 16, 20, 24, 32];
// Channel assignments 8-10 code two channels as left/side, side/right and mid/side.
const LEFT_SIDE = 8;
const SIDE_RIGHT = 9;
const MID_SIDE = 10;

/**
 * Decodes the frame starting at `offset`. Throws `NeedMoreData` when the bytes end inside it and `InvalidFlacFrame`
 * when it is not a valid frame (no sync code, a bad CRC, a reserved code), so a caller can resynchronise.
 */
export function decodeFlacFrame(bytes: Uint8Array, offset: number, info: FlacStreamInfo): FlacFrame {
  const reader = new BitReader(bytes, offset);
  const header = readFrameHeader(reader, info);
  if (reader.byteOffset > bytes.length) throw new NeedMoreData();
  if (crc8(bytes, offset, reader.byteOffset) !== reader.read(8)) throw new InvalidFlacFrame('frame header CRC-8 mismatch');
  const { blockSize, assignment, bitsPerSample } = header;
  const channelCount = assignment < LEFT_SIDE ? assignment + 1 : 2;
  const samples: Float64Array[] = [];
  for (let channel = 0; channel < channelCount; channel += 1) {
    // The side channel of a stereo pair needs one more bit than the others.
    const isSide = (assignment === LEFT_SIDE || assignment === MID_SIDE) ? channel === 1 : assignment === SIDE_RIGHT && channel === 0;
    samples.push(decodeSubframe(reader, blockSize, bitsPerSample + (isSide ? 1 : 0)));
  }
  reader.alignToByte();
  const end = reader.byteOffset;
  const footer = reader.read(16);
  if (crc16(bytes, offset, end) !== footer) throw new InvalidFlacFrame('frame CRC-16 mismatch');
  decorrelate(samples, assignment);
  const scale = 1 / 2 ** (bitsPerSample - 1);
  const channels = samples.map((plane) => {
    const out = new Float32Array(plane.length);
    for (let i = 0; i < plane.length; i += 1) out[i] = plane[i]! * scale;
    return out;
  });
  return { channels, sampleRate: header.sampleRate, byteLength: end + 2 - offset };
}

interface FrameHeader {
  blockSize: number;
  sampleRate: number;
  assignment: number;
  bitsPerSample: number;
}

function readFrameHeader(reader: BitReader, info: FlacStreamInfo): FrameHeader {
  if (reader.read(15) !== 0x7ffc) throw new InvalidFlacFrame('no frame sync code');
  reader.read(1); // blocking strategy: fixed or variable block size, which only changes what the coded number counts
  const blockSizeCode = reader.read(4);
  const sampleRateCode = reader.read(4);
  const assignment = reader.read(4);
  const sampleSizeCode = reader.read(3);
  if (reader.read(1) !== 0 || blockSizeCode === 0 || sampleRateCode === 15 || assignment > MID_SIDE || SAMPLE_SIZES[sampleSizeCode] === -1) {
    throw new InvalidFlacFrame('reserved value in frame header');
  }
  skipCodedNumber(reader);
  let blockSize = BLOCK_SIZES[blockSizeCode]!;
  if (blockSize === -1) blockSize = reader.read(8) + 1;
  else if (blockSize === -2) blockSize = reader.read(16) + 1;
  let sampleRate = SAMPLE_RATES[sampleRateCode]!;
  if (sampleRate === 0) sampleRate = info.sampleRate;
  else if (sampleRate === -1) sampleRate = reader.read(8) * 1000;
  else if (sampleRate === -2) sampleRate = reader.read(16);
  else if (sampleRate === -3) sampleRate = reader.read(16) * 10;
  const bitsPerSample = SAMPLE_SIZES[sampleSizeCode] || info.bitsPerSample;
  if (sampleRate <= 0 || bitsPerSample <= 0) throw new InvalidFlacFrame('frame defers to a STREAMINFO that has no value');
  return { blockSize, sampleRate, assignment, bitsPerSample };
}

/** The frame or sample number, coded like UTF-8 in one to seven bytes; only its length matters here. */
function skipCodedNumber(reader: BitReader): void {
  const first = reader.read(8);
  let extra = 0;
  if (first >= 0x80) {
    if (first === 0xff || (first & 0xc0) === 0x80) throw new InvalidFlacFrame('bad coded frame number');
    for (let mask = 0x40; first & mask; mask >>= 1) extra += 1;
  }
  for (let index = 0; index < extra; index += 1) {
    if ((reader.read(8) & 0xc0) !== 0x80) throw new InvalidFlacFrame('bad coded frame number');
  }
}

function decorrelate(samples: Float64Array[], assignment: number): void {
  if (assignment < LEFT_SIDE) return;
  const [first, second] = samples as [Float64Array, Float64Array];
  for (let i = 0; i < first.length; i += 1) {
    const a = first[i]!;
    const b = second[i]!;
    if (assignment === LEFT_SIDE) {
      second[i] = a - b; // right = left - side
    } else if (assignment === SIDE_RIGHT) {
      first[i] = a + b; // left = side + right
    } else {
      // Mid was stored without its lowest bit, which equals the side's lowest bit.
      const mid = a * 2 + (b & 1);
      first[i] = (mid + b) / 2;
      second[i] = (mid - b) / 2;
    }
  }
}
