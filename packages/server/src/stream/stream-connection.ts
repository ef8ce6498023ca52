import type { WebSocket } from 'ws';
import type { StreamFaults } from '../testing/stream-faults.js';
import { STREAM_CLOSE, type StreamClose } from './stream-close-codes.js';
import { parseBinaryFrame, parseTextFrame } from './stream-frames.js';
import type { StreamLog } from './stream-log.js';

/** Stream limits as resolved from the server options (contract 6.5). */
export interface StreamLimits {
  maxFrameBytes: number;
  maxSpeed: number;
}

/** What a connection needs from its hub. */
export interface ConnectionContext {
  log: StreamLog;
  limits: StreamLimits;
  /** Whether the client asked for acks (`ack=1`). */
  ackMode: boolean;
  faults: StreamFaults | undefined;
  now: () => number;
  /**
   * When the session's allowance started (on the `now` clock): the session's creation, so reconnecting buys no fresh
   * allowance and a backlog resent after an outage is covered by the time the outage took.
   */
  allowanceStart: number;
  /**
   * Most bytes the session's stream log may hold: its maximum duration (the model's) of 16 kHz 16-bit PCM. More
   * closes with 1009, so a client within the speed limit still cannot fill the disk (issue 11 item 11).
   */
  maxLogBytes: number;
  /** The session's audio bytes taken by this process over all its connections; this connection adds to it. */
  sessionBytes: { bytes: number };
  report: (line: string) => void;
  /** Called once when the socket is gone, whatever closed it. */
  onClosed: (connection: StreamConnection) => void;
}

const BYTES_PER_SECOND = 32000;
const RATE_ALLOWANCE_SECONDS = 10;

/**
 * One WebSocket of a stream session: validates each frame (contract 6.3, 6.5), appends PCM to the session's log,
 * enforces the session's rate limit, answers stop, and sends acks in resume mode (6.6). Frames after stop are ignored.
 */
export class StreamConnection {
  /** `open` takes frames; `stopping` flushes before closing; `closed` ignores everything. */
  state: 'open' | 'stopping' | 'closed' = 'open';
  /** Audio bytes taken on this connection. */
  bytes = 0;
  /** When a message or pong last arrived (for the idle check). */
  lastSeen: number;
  private readonly openedAt: number;
  private lastAck = -1;
  private firstAudio = true;

  constructor(
    readonly ws: WebSocket,
    private readonly context: ConnectionContext,
  ) {
    this.openedAt = context.now();
    this.lastSeen = this.openedAt;
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('pong', () => (this.lastSeen = context.now()));
    ws.on('error', (error) => context.report(`stream socket error: ${error.message}`));
    ws.on('close', () => {
      this.state = 'closed';
      context.onClosed(this);
    });
    const stall = context.faults?.readStallMs ?? 0;
    if (stall > 0) {
      ws.pause();
      setTimeout(() => ws.resume(), stall).unref();
    }
  }

  /** Sends `{"event":"ack","bytes":N}` when acks were requested and N changed (or `force`, for the open ack). */
  sendAck(bytes: number, force = false): void {
    if (!this.context.ackMode || this.ws.readyState !== this.ws.OPEN) return;
    if (bytes === this.lastAck && !force) return;
    this.lastAck = bytes;
    this.ws.send(JSON.stringify({ event: 'ack', bytes }));
  }

  /** Closes with a code and reason once; later calls do nothing. */
  close(close: StreamClose): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.ws.close(close.code, close.reason);
  }

  /** Flushes the log, sends the final ack, then closes 1000 (used by stop and by end). */
  async finish(reason: string): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'stopping';
    try {
      this.sendAck(await this.context.log.flush());
      this.close({ code: STREAM_CLOSE.normal, reason });
    } catch (error) {
      this.context.report(`stream log write failed: ${(error as Error).message}`);
      this.close({ code: STREAM_CLOSE.serverError, reason: 'the stream could not be stored' });
    }
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.state !== 'open') return;
    this.lastSeen = this.context.now();
    const { maxFrameBytes } = this.context.limits;
    const checkContainer = this.firstAudio && !(this.context.ackMode && this.context.log.durableBytes + this.context.log.pendingBytes > 0);
    const frame = isBinary ? parseBinaryFrame(data, maxFrameBytes, checkContainer) : parseTextFrame(data.toString('utf8'), maxFrameBytes, checkContainer);
    switch (frame.kind) {
      case 'reject':
        return this.close(frame.close);
      case 'stop':
        if (this.context.faults?.takeIgnoredStop()) return;
        void this.finish('stopped');
        return;
      case 'audio':
        return this.takeAudio(frame.bytes);
      default:
        return;
    }
  }

  private takeAudio(bytes: Buffer): void {
    const before = this.bytes;
    if (this.context.faults?.takeDrop(before, before + bytes.length)) {
      this.state = 'closed';
      this.ws.terminate();
      return;
    }
    // The log's size is known once its first flush opened it; until then this process's own count stands in.
    const logBytes = Math.max(this.context.sessionBytes.bytes, this.context.log.durableBytes + this.context.log.pendingBytes);
    if (logBytes + bytes.length > this.context.maxLogBytes) {
      const seconds = Math.floor(this.context.maxLogBytes / BYTES_PER_SECOND);
      return this.close({ code: STREAM_CLOSE.tooBig, reason: `the session's audio reached its maximum of ${seconds} s` });
    }
    this.firstAudio = false;
    this.bytes += bytes.length;
    // Per session: all audio taken for it (whatever connection brought it) against the session's age.
    this.context.sessionBytes.bytes += bytes.length;
    const sessionBytes = Math.max(this.context.sessionBytes.bytes, this.context.log.durableBytes + this.context.log.pendingBytes);
    const sessionSeconds = (this.context.now() - this.context.allowanceStart) / 1000;
    if (sessionBytes / BYTES_PER_SECOND > this.context.limits.maxSpeed * sessionSeconds + RATE_ALLOWANCE_SECONDS) {
      return this.close({ code: STREAM_CLOSE.tooFast, reason: `audio arrives faster than ${this.context.limits.maxSpeed}x real time` });
    }
    // ws hands out views of its receive buffers that it may reuse; the log keeps its own copy.
    this.context.log.append(Buffer.from(bytes));
  }
}
