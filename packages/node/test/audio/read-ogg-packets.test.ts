import { describe, expect, it } from 'vitest';
import { concatenateArrays } from '@scribe/core/internal';
import { readOggPackets, type OggPacket } from '../../src/audio/read-ogg-packets';

/** The Ogg CRC-32 bit by bit, as RFC 3533 describes it (polynomial 0x04c11db7, MSB first, no reflection or xor). */
function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

/** One Ogg page of the given segments' lacing values and body, with its CRC. */
function page(lacing: number[], body: Uint8Array, { granule = 0, continued = false } = {}): Uint8Array {
  const bytes = new Uint8Array(27 + lacing.length + body.length);
  bytes.set([0x4f, 0x67, 0x67, 0x53, 0, continued ? 1 : 0]);
  new DataView(bytes.buffer).setUint32(6, granule, true);
  new DataView(bytes.buffer).setUint32(14, 7, true); // serial
  bytes[26] = lacing.length;
  bytes.set(lacing, 27);
  bytes.set(body, 27 + lacing.length);
  new DataView(bytes.buffer).setUint32(22, oggCrc(bytes), true);
  return bytes;
}

function filled(length: number, value: number): Uint8Array {
  return new Uint8Array(length).fill(value);
}

async function collect(chunks: Uint8Array[]): Promise<OggPacket[]> {
  const packets: OggPacket[] = [];
  for await (const packet of readOggPackets((async function* () { yield* chunks; })())) packets.push(packet);
  return packets;
}

describe('readOggPackets', () => {
  it('hands packets within a page over as views of the bytes read, not copies', async () => {
    const first = page([3, 2], Uint8Array.from([1, 1, 1, 2, 2]), { granule: 960 });
    const second = page([4], filled(4, 3), { granule: 1920 });
    const chunk = new Uint8Array(first.length + second.length);
    chunk.set(first);
    chunk.set(second, first.length);
    const packets = await collect([chunk]);
    expect(packets.map((packet) => Array.from(packet.data))).toEqual([[1, 1, 1], [2, 2], [3, 3, 3, 3]]);
    expect(packets.map((packet) => packet.granulePosition)).toEqual([960, 960, 1920]);
    // No buffer per packet: every packet shares the one buffer the source yielded.
    for (const packet of packets) expect(packet.data.buffer).toBe(chunk.buffer);
  });

  it('reassembles a packet that continues on the next page, and one split between two reads', async () => {
    const first = page([255, 255], filled(510, 4), { granule: 0xffffffff });
    const second = page([10, 1], Uint8Array.from([...filled(10, 4), 5]), { continued: true, granule: 100 });
    const bytes = new Uint8Array(first.length + second.length);
    bytes.set(first);
    bytes.set(second, first.length);
    const packets = await collect([bytes.subarray(0, 300), bytes.subarray(300)]);
    expect(packets.map((packet) => packet.data.length)).toEqual([520, 1]);
    expect(packets[0]!.data.every((value) => value === 4)).toBe(true);
    expect(packets[1]!.data[0]).toBe(5);
  });

  it('skips a page whose CRC does not match, and the packet it was continuing; the next good page goes on', async () => {
    const first = page([2, 255], Uint8Array.from([1, 1, ...filled(255, 2)]), { granule: 10 });
    const damaged = page([3, 2], Uint8Array.from([2, 2, 2, 3, 3]), { continued: true, granule: 20 });
    damaged[30] = damaged[30]! ^ 0x10; // one bit of the body
    const last = page([1], Uint8Array.from([4]), { granule: 30 });
    const packets = await collect([concatenateArrays(Uint8Array, [first, damaged, last])]);
    expect(packets.map((packet) => Array.from(packet.data))).toEqual([[1, 1], [4]]);
    expect(packets.map((packet) => packet.granulePosition)).toEqual([10, 30]);
  });

  it('a damaged header field is caught too (a lacing value that would swallow the next page)', async () => {
    const first = page([1], Uint8Array.from([1]), { granule: 10 });
    const second = page([1], Uint8Array.from([2]), { granule: 20 });
    second[27] = 40;
    const third = page([1], Uint8Array.from([3]), { granule: 30 });
    const packets = await collect([concatenateArrays(Uint8Array, [first, second, third])]);
    expect(packets.map((packet) => Array.from(packet.data))).toEqual([[1], [3]]);
  });
});
