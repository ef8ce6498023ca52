// FLAC's checksums (RFC 9639 section 9.1.8 and 9.3): CRC-8 with polynomial x^8+x^2+x+1 over the frame header, CRC-16
// with x^16+x^15+x^2+1 over the whole frame; both start at zero with no reflection. Tables are built on first use.
let crc8Table: Uint8Array | undefined;
let crc16Table: Uint16Array | undefined;

function buildTable(bits: 8 | 16, polynomial: number): number[] {
  const top = 1 << (bits - 1);
  const mask = (1 << bits) - 1;
  return Array.from({ length: 256 }, (_, byte) => {
    let crc = byte << (bits - 8);
    for (let bit = 0; bit < 8; bit += 1) crc = crc & top ? ((crc << 1) ^ polynomial) & mask : (crc << 1) & mask;
    return crc;
  });
}

/** CRC-8 of `bytes[start..end)`. */
export function crc8(bytes: Uint8Array, start: number, end: number): number {
  crc8Table ??= Uint8Array.from(buildTable(8, 0x07));
  let crc = 0;
  for (let i = start; i < end; i += 1) crc = crc8Table[crc ^ bytes[i]!]!;
  return crc;
}

/** CRC-16 of `bytes[start..end)`. */
export function crc16(bytes: Uint8Array, start: number, end: number): number {
  crc16Table ??= Uint16Array.from(buildTable(16, 0x8005));
  let crc = 0;
  for (let i = start; i < end; i += 1) crc = ((crc << 8) & 0xffff) ^ crc16Table[(crc >> 8) ^ bytes[i]!]!;
  return crc;
}
