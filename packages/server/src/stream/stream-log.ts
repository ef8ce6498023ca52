import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * One session's durable stream log: the PCM of every connection, appended in arrival order (contract 6.5, 6.6).
 * Frames are buffered in memory on arrival and written with one `writev` + `fsync` per flush, so the cost per frame
 * stays a memory copy; `flush` resolves with the bytes durably stored, which is exactly what an ack may promise.
 * Operations run one at a time in call order. The file handle is opened on the first flush and released by `close`.
 */
export class StreamLog {
  private handle: FileHandle | undefined;
  private durable = 0;
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

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
      const handle = await this.ensureOpen();
      if (this.pendingLength === 0) return this.durable;
      const buffers = this.pending;
      const length = this.pendingLength;
      this.pending = [];
      this.pendingLength = 0;
      const { bytesWritten } = await handle.writev(buffers);
      if (bytesWritten !== length) throw new Error(`short write to the stream log (${bytesWritten} of ${length} bytes)`);
      await handle.sync();
      this.durable += length;
      return this.durable;
    });
  }

  /** Flushes, then releases the file handle (a later flush opens it again). */
  close(): Promise<void> {
    return this.enqueue(async () => {
      await this.flushNow();
      const handle = this.handle;
      this.handle = undefined;
      await handle?.close();
    });
  }

  private async flushNow(): Promise<void> {
    if (this.pendingLength === 0 && this.handle === undefined) return;
    const handle = await this.ensureOpen();
    const buffers = this.pending;
    const length = this.pendingLength;
    this.pending = [];
    this.pendingLength = 0;
    if (length > 0) await handle.writev(buffers);
    await handle.sync();
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
    const { size } = await handle.stat();
    if (size % 2 !== 0) await handle.truncate(size - 1);
    await handle.sync();
    this.durable = size - (size % 2);
    this.handle = handle;
    return handle;
  }
}
