/** Reads exact byte counts from a stream of arbitrarily cut pieces, holding only what has not been taken yet. */
export class ByteReader {
  private readonly pieces: Uint8Array[] = [];
  private buffered = 0;
  private ended = false;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Bytes read from the source but not taken yet. */
  get available(): number {
    return this.buffered;
  }

  /** Reads until at least `count` bytes are buffered or the source ends; true when they are. */
  async fill(count: number): Promise<boolean> {
    while (this.buffered < count && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      if (next.value.length === 0) continue;
      this.pieces.push(next.value);
      this.buffered += next.value.length;
    }
    return this.buffered >= count;
  }

  /** Up to `count` bytes (fewer only at the end of the source), as one array. */
  async read(count: number): Promise<Uint8Array> {
    await this.fill(count);
    return this.take(Math.min(count, this.buffered));
  }

  /** Discards up to `count` bytes without holding them all at once; returns how many were skipped. */
  async skip(count: number): Promise<number> {
    let skipped = 0;
    while (skipped < count) {
      if (this.buffered === 0 && !(await this.fill(1))) break;
      const piece = this.pieces[0]!;
      const step = Math.min(piece.length, count - skipped);
      this.consume(step);
      skipped += step;
    }
    return skipped;
  }

  /** Stops reading the source (closing a file or stream behind it). */
  async close(): Promise<void> {
    this.ended = true;
    this.pieces.length = 0;
    this.buffered = 0;
    await this.iterator.return?.();
  }

  private take(count: number): Uint8Array {
    const first = this.pieces[0];
    if (first && first.length >= count) {
      const bytes = first.subarray(0, count);
      this.consume(count);
      return bytes;
    }
    const bytes = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const piece = this.pieces[0]!;
      const step = Math.min(piece.length, count - filled);
      bytes.set(piece.subarray(0, step), filled);
      this.consume(step);
      filled += step;
    }
    return bytes;
  }

  private consume(count: number): void {
    const piece = this.pieces[0]!;
    if (count === piece.length) this.pieces.shift();
    else this.pieces[0] = piece.subarray(count);
    this.buffered -= count;
  }
}
