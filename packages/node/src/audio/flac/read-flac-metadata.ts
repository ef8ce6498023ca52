import { NeedMoreData } from './bit-reader';
import type { FlacStreamInfo } from './decode-flac-frame';

/** The STREAMINFO block and where the first frame starts. */
export interface FlacMetadata {
  /** Stream-wide defaults. */
  info: FlacStreamInfo;
  /** Offset of the first audio frame, just past the last metadata block. */
  framesStart: number;
}

const STREAMINFO = 0;

/** Parses the 34-byte body of a STREAMINFO block (RFC 9639 section 8.2). */
export function parseStreamInfo(body: Uint8Array): FlacStreamInfo {
  const view = new DataView(body.buffer, body.byteOffset, body.length);
  // Bytes 10..17 pack sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5) and total samples (36).
  const high = view.getUint32(10);
  const low = view.getUint32(14);
  return {
    sampleRate: high >>> 12,
    channels: ((high >>> 9) & 0x7) + 1,
    bitsPerSample: ((high >>> 4) & 0x1f) + 1,
    totalSamples: (high & 0xf) * 2 ** 32 + low,
  };
}

/**
 * Reads "fLaC" and the metadata blocks at `offset`; throws `NeedMoreData` until they are all in `bytes`, and an Error
 * when the first block is not STREAMINFO.
 */
export function readFlacMetadata(bytes: Uint8Array, offset = 0): FlacMetadata {
  let at = offset + 4;
  let info: FlacStreamInfo | undefined;
  for (;;) {
    if (at + 4 > bytes.length) throw new NeedMoreData();
    const last = (bytes[at]! & 0x80) !== 0;
    const type = bytes[at]! & 0x7f;
    const length = (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (info === undefined && (type !== STREAMINFO || length < 34)) throw new Error('the first FLAC metadata block is not STREAMINFO');
    if (at + 4 + length > bytes.length) throw new NeedMoreData();
    if (type === STREAMINFO) info = parseStreamInfo(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
    if (last) return { info: info!, framesStart: at };
  }
}
