import { concatenateArrays } from '@scribe/core/internal';

/** One packet of an Ogg logical stream. */
export interface OggPacket {
  /**
   * The packet's bytes: a view of the bytes read when the packet lies within one page, else reassembled across
   * pages. Read them, do not write them.
   */
  data: Uint8Array;
  /** Granule position of the page this packet ends on (-1 when the page ends no packet). */
  granulePosition: number;
}

const HEADER_BYTES = 27;
// A page holds at most 255 segments of 255 bytes after its header and segment table.
const MAX_PAGE_BYTES = HEADER_BYTES + 255 + 255 * 255;

/**
 * Splits an Ogg byte stream into the packets of its first logical stream (RFC 3533), reading page by page so that
 * at most one page and one packet are held. Bytes that are not a page are skipped to the next "OggS"; so is a page
 * whose CRC does not match (damage), together with the packet it was continuing, so decoders only ever see packets
 * as they were written. A stream that ends inside a page ends the packets there.
 */
export async function* readOggPackets(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<OggPacket> {
  let buffer: Uint8Array = new Uint8Array(0);
  let serial: number | undefined;
  let partial: Uint8Array[] = [];
  const iterator = chunks[Symbol.asyncIterator]();
  let ended = false;
  const fill = async (needed: number): Promise<boolean> => {
    while (buffer.length < needed && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else buffer = buffer.length === 0 ? next.value : concatenateArrays(Uint8Array, [buffer, next.value]);
    }
    return buffer.length >= needed;
  };
  try {
    for (;;) {
      if (!(await fill(HEADER_BYTES))) return;
      const start = findCapture(buffer);
      if (start < 0) {
        // Keep the last three bytes: "OggS" may straddle two reads.
        buffer = buffer.subarray(Math.max(0, buffer.length - 3));
        if (ended) return;
        await fill(buffer.length + 1);
        continue;
      }
      buffer = buffer.subarray(start);
      if (!(await fill(HEADER_BYTES))) return;
      const segments = buffer[26]!;
      if (!(await fill(HEADER_BYTES + segments))) return;
      const lacing = buffer.subarray(HEADER_BYTES, HEADER_BYTES + segments);
      const bodyBytes = lacing.reduce((sum, value) => sum + value, 0);
      const pageBytes = HEADER_BYTES + segments + bodyBytes;
      // A page that runs past the end of the stream, or whose CRC does not match, is damage (or a file cut short):
      // resynchronise on the next capture pattern after this one, and drop the packet it was continuing.
      if (pageBytes > MAX_PAGE_BYTES || !(await fill(pageBytes)) || !hasValidChecksum(buffer, pageBytes)) {
        buffer = buffer.subarray(1);
        partial = [];
        continue;
      }
      const view = new DataView(buffer.buffer, buffer.byteOffset, HEADER_BYTES);
      const pageSerial = view.getUint32(14, true);
      // Granule positions are 64-bit; audio never comes near 2^53 samples, and -1 means "no packet ends here".
      const granulePosition = view.getInt32(10, true) * 2 ** 32 + view.getUint32(6, true);
      serial ??= pageSerial;
      if (pageSerial === serial) {
        const continued = (buffer[5]! & 0x01) !== 0;
        if (!continued) partial = [];
        let at = HEADER_BYTES + segments;
        let packetStart = at;
        for (const value of lacing) {
          at += value;
          if (value < 255) {
            // A packet within one page is a view of the bytes read (no copy, no new buffer per packet).
            const piece = buffer.subarray(packetStart, at);
            yield { data: partial.length === 0 ? piece : concatenateArrays(Uint8Array, [...partial, piece]), granulePosition };
            partial = [];
            packetStart = at;
          }
        }
        // The start of a packet that continues on the next page: copied, since the buffer moves on.
        if (packetStart < at) partial.push(buffer.slice(packetStart, at));
      }
      buffer = buffer.subarray(pageBytes);
    }
  } finally {
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

// The Ogg CRC-32: polynomial 0x04c11db7, MSB first, initial value 0, no final xor (RFC 3533 section 6).
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i += 1) {
    let value = i << 24;
    for (let bit = 0; bit < 8; bit += 1) value = value & 0x80000000 ? (value << 1) ^ 0x04c11db7 : value << 1;
    table[i] = value >>> 0;
  }
  return table;
})();

/** True when the page's stored CRC (bytes 22-25) matches its bytes, computed with that field taken as zero. */
function hasValidChecksum(page: Uint8Array, pageBytes: number): boolean {
  let crc = 0;
  for (let i = 0; i < pageBytes; i += 1) {
    const byte = i >= 22 && i < 26 ? 0 : page[i]!;
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  }
  const stored = (page[22]! | (page[23]! << 8) | (page[24]! << 16) | (page[25]! << 24)) >>> 0;
  return crc === stored;
}

function findCapture(bytes: Uint8Array): number {
  for (let i = 0; i + 4 <= bytes.length; i += 1) {
    if (bytes[i] === 0x4f && bytes[i + 1] === 0x67 && bytes[i + 2] === 0x67 && bytes[i + 3] === 0x53) return i;
  }
  return -1;
}
