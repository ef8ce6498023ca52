/** Test-only faults on stream sockets (enabled by `testKnobs`): dropped connections, a stop that is never answered, stalled reads, failing log writes. */
export class StreamFaults {
  private drops: { afterBytes: number; remaining: number }[] = [];
  private ignoredStops = 0;
  private stallMs = 0;
  private writeFailures = 0;

  /**
   * Drops the TCP connection without a close frame (the client sees 1006) when a connection is about to take a frame
   * that would bring it past `afterBytes` of audio; that frame is lost in flight. Applies to `times` connections.
   */
  dropAfter(afterBytes: number, times = 1): void {
    if (!(Number.isInteger(afterBytes) && afterBytes >= 0)) throw new TypeError('afterBytes must be an integer ≥ 0');
    if (!(Number.isInteger(times) && times >= 1)) throw new TypeError('times must be an integer ≥ 1');
    this.drops.push({ afterBytes, remaining: times });
  }

  /** The next `times` stop frames are ignored: the socket stays open, as a server that never finalizes. */
  ignoreStop(times = 1): void {
    this.ignoredStops += times;
  }

  /** Every new connection stops reading from its socket for `ms` (a slow consumer), then catches up. 0 turns it off. */
  stallReads(ms: number): void {
    this.stallMs = ms;
  }

  /**
   * The next `times` stream-log writes fail after half their bytes reached the file (a disk error mid-write): the
   * connection that was writing closes 1011, and the log recovers at its next flush.
   */
  failWrites(times = 1): void {
    if (!(Number.isInteger(times) && times >= 1)) throw new TypeError('times must be an integer ≥ 1');
    this.writeFailures += times;
  }

  /** Forgets every stream fault. */
  clear(): void {
    this.drops = [];
    this.ignoredStops = 0;
    this.stallMs = 0;
    this.writeFailures = 0;
  }

  /** True (consuming one use) when a connection that has taken `before` bytes must drop before taking `after`. */
  takeDrop(before: number, after: number): boolean {
    const rule = this.drops.find((candidate) => before <= candidate.afterBytes && after > candidate.afterBytes);
    if (!rule) return false;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.drops = this.drops.filter((candidate) => candidate !== rule);
    return true;
  }

  /** True (consuming one use) when this stream-log write must fail halfway. */
  takeWriteFailure(): boolean {
    if (this.writeFailures === 0) return false;
    this.writeFailures -= 1;
    return true;
  }

  /** True (consuming one use) when this stop must be ignored. */
  takeIgnoredStop(): boolean {
    if (this.ignoredStops === 0) return false;
    this.ignoredStops -= 1;
    return true;
  }

  /** How long a new connection stalls its reads. */
  get readStallMs(): number {
    return this.stallMs;
  }
}
