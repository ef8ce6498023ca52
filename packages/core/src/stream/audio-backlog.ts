/**
 * Audio handed to the socket and not yet acknowledged by the server (contract 6.6), addressed by byte offset in the
 * stream. Acks drop whole frames (and trim a partly acknowledged one); after a reconnect, `from(n)` yields what to
 * resend. Frames are kept as given, so resending costs no copy.
 */
export class AudioBacklog {
  private frames: Uint8Array[] = [];
  private start = 0;
  private length = 0;

  /** Offset of the first byte still held. */
  get startOffset(): number {
    return this.start;
  }

  /** Offset after the last byte handed to the socket. */
  get endOffset(): number {
    return this.start + this.length;
  }

  /** Bytes held. */
  get size(): number {
    return this.length;
  }

  /** Adds a frame just handed to the socket. */
  push(frame: Uint8Array): void {
    this.frames.push(frame);
    this.length += frame.length;
  }

  /** Forgets every byte before `offset` (the server holds them durably). */
  acknowledge(offset: number): void {
    while (this.frames.length > 0 && this.start < offset) {
      const first = this.frames[0]!;
      const drop = Math.min(first.length, offset - this.start);
      if (drop === first.length) this.frames.shift();
      else this.frames[0] = first.subarray(drop);
      this.start += drop;
      this.length -= drop;
    }
  }

  /** The held frames from `offset` on (the first one trimmed), for resending after a reconnect. */
  from(offset: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let position = this.start;
    for (const frame of this.frames) {
      const end = position + frame.length;
      if (end > offset) out.push(position >= offset ? frame : frame.subarray(offset - position));
      position = end;
    }
    return out;
  }
}
