import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A test fault that makes the next write fail after part of it reached the file (`server.streams.failWrites`). */
export interface StreamLogFaults {
  /** True (consuming one use) when this write must fail halfway. */
  takeWriteFailure(): boolean;
}

/**
 * One session's durable stream log: the PCM of every connection, appended in arrival order (contract 6.5, 6.6).
 * Frames are buffered in memory on arrival and written with one `writev` + `fsync` per flush, so the cost per frame
 * stays a memory copy; `flush` resolves with the bytes durably stored, which is exactly what an ack may promise.
 * Operations run one at a time in call order. The file handle is opened on the first flush and released by `close`.
 *
 * A write that fails (a full disk, an I/O error) loses nothing and duplicates nothing: the bytes stay pending, the
 * handle is dropped, and the next flush reopens the file, counts what of them did reach it, and writes the rest.
 */
export class StreamLog {
  private handle: FileHandle | undefined;
  private durable = 0;
  private pending: Buffer[] = [];
  private pendingLength = 0;
  // Set after a failed write: the head of `pending` may be partly in the file already.
  private writeFailed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly faults?: StreamLogFaults,
  ) {}

  /** Bytes received but not yet durable. */
  get pendingBytes(): number {
    return this.pendingLength;
  }

  /** Bytes known to be durable (as of the last flush). */
  get durableBytes(): number {
    return this.durable;
  }

  /** Takes a frame's PCM; it becomes durable at the next flush. */
  append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.pending.push(bytes);
    this.pendingLength += bytes.length;
  }

  /** Writes and fsyncs everything appended so far; resolves with the total bytes durably stored. */
  flush(): Promise<number> {
    return this.enqueue(async () => {
      await this.writePending();
      return this.durable;
    });
  }

  /** Flushes, then releases the file handle (a later flush opens it again). */
  close(): Promise<void> {
    return this.enqueue(async () => {
      await this.writePending();
      const handle = this.handle;
      this.handle = undefined;
      await handle?.close();
    });
  }

  private async writePending(): Promise<void> {
    if (this.pendingLength === 0 && this.handle !== undefined) return;
    const handle = await this.ensureOpen();
    if (this.pendingLength === 0) return;
    // Frames that arrive while this write runs go to a fresh list.
    const buffers = this.pending;
    const length = this.pendingLength;
    this.pending = [];
    this.pendingLength = 0;
    try {
      if (this.faults?.takeWriteFailure()) {
        await handle.write(Buffer.concat(buffers).subarray(0, Math.ceil(length / 2)));
        throw new Error('injected write failure (test fault)');
      }
      const { bytesWritten } = await handle.writev(buffers);
      if (bytesWritten !== length) throw new Error(`short write to the stream log (${bytesWritten} of ${length} bytes)`);
      await handle.sync();
    } catch (error) {
      this.pending = [...buffers, ...this.pending];
      this.pendingLength += length;
      this.writeFailed = true;
      this.handle = undefined;
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.durable += length;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // A crash may leave a torn last sample; the log is cut back to whole samples so resumed audio stays aligned.
  private async ensureOpen(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a');
    try {
      const { size } = await handle.stat();
      const whole = size - (size % 2);
      if (whole !== size) await handle.truncate(whole);
      await handle.sync();
      if (this.writeFailed) this.dropWritten(whole - this.durable);
      this.durable = whole;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.handle = handle;
    return handle;
  }

  // After a failed write, `count` bytes from the head of `pending` turned out to be in the file: they are not rewritten.
  private dropWritten(count: number): void {
    if (count < 0 || count > this.pendingLength) throw new Error(`the stream log changed under the server (${count} bytes unaccounted for)`);
    this.writeFailed = false;
    let left = count;
    while (left > 0) {
      const head = this.pending[0]!;
      if (head.length <= left) {
        this.pending.shift();
        left -= head.length;
      } else {
        this.pending[0] = head.subarray(left);
        left = 0;
      }
    }
    this.pendingLength -= count;
  }
}
