/** Thrown when a read runs past the bytes available: the caller fetches more input and retries the whole frame. */
export class NeedMoreData extends Error {
  constructor() {
    super('FLAC frame continues past the bytes read so far.');
    this.name = 'NeedMoreData';
  }
}

/** Not a valid FLAC frame (no sync code, a bad CRC, a reserved code): the caller resynchronises. */
export class InvalidFlacFrame extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFlacFrame';
  }
}

/** Big-endian bit reader over one byte array, as FLAC frames are laid out (RFC 9639 section 9). */
export class BitReader {
  /** Position in bits from the start of `bytes`. */
  position: number;

  constructor(
    private readonly bytes: Uint8Array,
    byteOffset = 0,
  ) {
    this.position = byteOffset * 8;
  }

  /** Whole bytes consumed so far (the position rounded up). */
  get byteOffset(): number {
    return Math.ceil(this.position / 8);
  }

  /** An unsigned value of `count` bits (0 to 32). */
  read(count: number): number {
    if (count === 0) return 0;
    if (this.position + count > this.bytes.length * 8) throw new NeedMoreData();
    let value = 0;
    let remaining = count;
    while (remaining > 0) {
      const byte = this.bytes[this.position >>> 3]!;
      const bitInByte = this.position & 7;
      const take = Math.min(8 - bitInByte, remaining);
      const bits = (byte >>> (8 - bitInByte - take)) & ((1 << take) - 1);
      // Multiplication rather than << keeps 32-bit values positive and exact.
      value = value * (1 << take) + bits;
      remaining -= take;
      this.position += take;
    }
    return value;
  }

  /** A two's-complement signed value of `count` bits. */
  readSigned(count: number): number {
    if (count === 0) return 0;
    const value = this.read(count);
    return value >= 2 ** (count - 1) ? value - 2 ** count : value;
  }

  /** Zero bits up to the next one bit (which is consumed): the quotient of a Rice code. */
  readUnary(): number {
    let zeros = 0;
    for (;;) {
      if (this.position >= this.bytes.length * 8) throw new NeedMoreData();
      const bitInByte = this.position & 7;
      // The byte's bits from the current position on, left-aligned in 8 bits.
      const rest = (this.bytes[this.position >>> 3]! << bitInByte) & 0xff;
      if (rest !== 0) {
        const leading = Math.clz32(rest) - 24;
        zeros += leading;
        this.position += leading + 1;
        return zeros;
      }
      zeros += 8 - bitInByte;
      this.position += 8 - bitInByte;
    }
  }

  /** Skips to the next byte boundary. */
  alignToByte(): void {
    this.position = Math.ceil(this.position / 8) * 8;
  }
}
