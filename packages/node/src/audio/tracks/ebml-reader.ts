/** Reading EBML (the encoding of WebM/Matroska): variable-length integers, unsigned values, and a byte reader. */

/** A size-coded integer (EBML variable-length integer) with its marker bit removed. */
export function readVint(bytes: Uint8Array, at: number): { value: number; length: number } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return undefined;
  let value = first & (0xff >> length);
  for (let index = 1; index < length; index += 1) value = value * 256 + bytes[at + index]!;
  return { value, length };
}

/** An unsigned integer element's value (big-endian, any length up to 8 bytes). */
export function readUint(bytes: Uint8Array): number {
  let value = 0;
  for (const byte of bytes) value = value * 256 + byte;
  return value;
}

/** Pulls bytes from the source as needed; the views it returns stay valid (bytes read are never written). */
export class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private ended = false;

  constructor(private readonly iterator: AsyncIterator<Uint8Array>) {}

  private async fill(needed: number): Promise<boolean> {
    while (this.buffer.length < needed && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else if (this.buffer.length === 0) this.buffer = next.value;
      else {
        const joined = new Uint8Array(this.buffer.length + next.value.length);
        joined.set(this.buffer);
        joined.set(next.value, this.buffer.length);
        this.buffer = joined;
      }
    }
    return this.buffer.length >= needed;
  }

  /** An element id (`keepMarker`, as ids are written) or size (-1 for "unknown"); undefined at the end. */
  async readVint(keepMarker: boolean): Promise<number | undefined> {
    if (!(await this.fill(1))) return undefined;
    const first = this.buffer[0]!;
    if (first === 0) return undefined;
    const length = Math.clz32(first) - 23;
    if (!(await this.fill(length))) return undefined;
    let value = keepMarker ? first : first & (0xff >> length);
    let allOnes = value === 0xff >> length;
    for (let index = 1; index < length; index += 1) {
      value = value * 256 + this.buffer[index]!;
      allOnes &&= this.buffer[index] === 0xff;
    }
    this.buffer = this.buffer.subarray(length);
    return !keepMarker && allOnes ? -1 : value;
  }

  /** The next `size` bytes as a view; undefined when the stream ends first. */
  async read(size: number): Promise<Uint8Array | undefined> {
    if (!(await this.fill(size))) return undefined;
    const bytes = this.buffer.subarray(0, size);
    this.buffer = this.buffer.subarray(size);
    return bytes;
  }

  /** Drops `size` bytes without holding them; false when the stream ends first. */
  async skip(size: number): Promise<boolean> {
    let left = size;
    for (;;) {
      const taken = Math.min(left, this.buffer.length);
      this.buffer = this.buffer.subarray(taken);
      left -= taken;
      if (left === 0) return true;
      if (!(await this.fill(1))) return false;
    }
  }

  /** Stops reading and releases the source. */
  async close(): Promise<void> {
    this.ended = true;
    await Promise.resolve(this.iterator.return?.()).catch(() => undefined);
  }
}
