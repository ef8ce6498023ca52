import { APIError, InvalidAudioError, ScribeError, SessionStateError } from '../errors';
import { createSystemClock } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import { parseStreamMessage } from '../protocol/stream-message';
import { errorForAbort } from '../errors/abort';
import { AudioBacklog } from './audio-backlog';
import { ChangeSignal } from './change-signal';
import { isFatalCloseCode, streamCloseError } from './stream-close-error';
import { mediaEnvelope, startEnvelope, stopEnvelope, streamIdOf, withAckParameter } from './stream-envelope';
import { resolveStreamOptions, type ResolvedStreamOptions, type StreamFrameMode, type StreamSessionOptions } from './stream-options';
import type { StreamSession, StreamStopOptions, StreamStopResult } from './stream-session';
import { createStreamStateStore, type StreamConnectionState, type StreamListener, type StreamSnapshot } from './stream-state';
import { defaultWebSocketFactory, WEB_SOCKET_OPEN, type WebSocketLike } from './web-socket-like';

/** Creates a stream into an existing stream session and starts connecting at once. */
export function createStreamSession(options: StreamSessionOptions): StreamSession {
  return new LiveStream(options);
}

class LiveStream implements StreamSession {
  readonly sessionId: string;
  readonly frameMode: StreamFrameMode;
  readonly resume: boolean;
  private readonly settings: ResolvedStreamOptions;
  private readonly store = createStreamStateStore();
  private readonly changes: ChangeSignal;
  private readonly lifetime = new AbortController();
  private readonly backlog = new AudioBacklog();
  private readonly streamId: string;
  private ws: WebSocketLike | undefined;
  private ready = false;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private accepted = 0;
  private sent = 0;
  private attempts = 0;
  private stopping = false;
  private stopSent = false;
  private socketDone = false;
  private lastClose: { code: number; reason: string } | undefined;
  private failure: ScribeError | undefined;
  private stopResult: StreamStopResult | undefined;
  private stopRun: { promise: Promise<StreamStopResult>; signal: AbortSignal | undefined } | undefined;
  private readonly firstReady: Promise<void>;
  private settleFirstReady!: (error?: ScribeError) => void;

  constructor(private readonly options: StreamSessionOptions) {
    this.settings = resolveStreamOptions(options);
    this.sessionId = options.sessionId;
    this.frameMode = this.settings.frameMode;
    this.resume = this.settings.resume;
    this.streamId = streamIdOf(options.url, options.sessionId);
    this.changes = new ChangeSignal(options.clock ?? createSystemClock());
    this.firstReady = new Promise<void>((resolve, reject) => {
      this.settleFirstReady = (error) => (error ? reject(error) : resolve());
    });
    this.firstReady.catch(() => undefined);
    const signal = options.signal;
    if (signal?.aborted) this.fail(errorForAbort(signal));
    else {
      signal?.addEventListener('abort', () => this.fail(errorForAbort(signal)), { once: true, signal: this.lifetime.signal });
      this.connect();
    }
  }

  get connection(): StreamConnectionState {
    return this.store.getSnapshot().connection;
  }

  getSnapshot = (): StreamSnapshot => this.store.getSnapshot();

  subscribe = (listener: StreamListener): (() => void) => this.store.subscribe(listener);

  opened(): Promise<void> {
    return this.firstReady;
  }

  async sendAudio(pcm: Uint8Array, callOptions: { signal?: AbortSignal } = {}): Promise<void> {
    this.assertWritable();
    if (pcm.length % 2 !== 0) {
      throw new InvalidAudioError(`Stream audio must be 16-bit PCM (an even number of bytes); got ${pcm.length} bytes.`, { details: { byte_length: pcm.length } });
    }
    for (let start = 0; start < pcm.length; start += this.settings.maxFrameBytes) {
      await this.changes.until(() => this.failure !== undefined || this.stopping || this.pendingBytes() < this.settings.highWaterMarkBytes, {
        signal: callOptions.signal,
        pollMs: 5,
      });
      this.assertWritable();
      // Copied: the caller may reuse its buffer once this resolves, and the frame may be resent after a reconnect.
      const frame = pcm.slice(start, Math.min(pcm.length, start + this.settings.maxFrameBytes));
      this.queue.push(frame);
      this.queuedBytes += frame.length;
      this.accepted += frame.length;
      this.pump();
    }
  }

  stop(reason?: string, stopOptions: StreamStopOptions = {}): Promise<StreamStopResult> {
    if (this.stopResult) return Promise.resolve(this.stopResult);
    const running = this.stopRun;
    if (running && !running.signal?.aborted) return running.promise;
    // Joining a stop whose caller gave up would inherit that abort: let it unwind, then stop afresh.
    const started = running
      ? running.promise.then(noop, noop).then(() => this.stopResult ?? this.runStop(reason, stopOptions))
      : this.runStop(reason, stopOptions);
    const entry = {
      signal: stopOptions.signal,
      promise: started.finally(() => {
        if (this.stopRun === entry) this.stopRun = undefined;
      }),
    };
    this.stopRun = entry;
    return entry.promise;
  }

  private async runStop(reason: string | undefined, stopOptions: StreamStopOptions): Promise<StreamStopResult> {
    let closedByServer = false;
    if (!this.socketDone) {
      this.stopping = true;
      this.store.update({ phase: this.failure ? 'failed' : 'stopping' });
      this.changes.notify();
      try {
        if (!this.failure) closedByServer = await this.finishSocket(reason, stopOptions.signal);
      } finally {
        this.socketDone = true;
        this.settleFirstReady(this.failure ?? new SessionStateError(`The stream of session ${this.sessionId} was stopped before it connected.`));
        this.lifetime.abort();
        this.ws?.close(1000, 'stopped');
        this.store.update({ connection: 'closed', phase: this.failure ? 'failed' : 'stopped' });
      }
    }
    const end = stopOptions.finalize === false || !this.options.endSession ? undefined : await this.options.endSession({ signal: stopOptions.signal });
    const result = { end, bytesSent: this.sent, bytesAcknowledged: this.store.getSnapshot().bytesAcknowledged, closedByServer };
    this.stopResult = result;
    return result;
  }

  /** Delivers the queue, sends stop and waits for the server's close; in resume mode a drop with unacknowledged audio goes round again. */
  private async finishSocket(reason: string | undefined, signal: AbortSignal | undefined): Promise<boolean> {
    for (;;) {
      await this.changes.until(() => this.failure !== undefined || (this.ready && this.queue.length === 0), { signal });
      if (this.failure) return false;
      const ws = this.ws!;
      this.lastClose = undefined;
      this.stopSent = true;
      try {
        ws.send(stopEnvelope(reason));
      } catch {
        // A send failure surfaces as a close; the wait below sees it.
      }
      const closed = await this.waitForClose(ws, signal);
      if (!closed) {
        (this.options.logger ?? silentLogger).warn('the server did not close the stream after stop; closing it', { sessionId: this.sessionId });
        return false;
      }
      if (closed.code === 1000 || !this.resume || this.backlog.size === 0 || this.failure) return closed.code === 1000;
      this.stopSent = false;
    }
  }

  private async waitForClose(ws: WebSocketLike, signal: AbortSignal | undefined): Promise<{ code: number } | undefined> {
    const timer = new AbortController();
    const clock = this.options.clock ?? createSystemClock();
    let timedOut = false;
    clock.sleep(this.settings.finalizeTimeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        this.changes.notify();
      },
      () => undefined,
    );
    try {
      await this.changes.until(() => timedOut || this.ws !== ws || this.failure !== undefined, { signal });
    } finally {
      timer.abort();
    }
    return this.ws !== ws ? this.lastClose : undefined;
  }

  private connect(): void {
    let ws: WebSocketLike;
    try {
      ws = (this.options.createWebSocket ?? defaultWebSocketFactory)(this.resume ? withAckParameter(this.options.url) : this.options.url);
    } catch (error) {
      return this.fail(ScribeError.is(error) ? error : new APIError('The stream socket could not be created.', { cause: error }));
    }
    this.ws = ws;
    this.ready = false;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => this.onOpen(ws);
    ws.onmessage = (event) => this.onMessage(ws, event.data);
    ws.onclose = (event) => this.onClose(ws, event.code, event.reason);
    ws.onerror = () => undefined;
  }

  private onOpen(ws: WebSocketLike): void {
    if (ws !== this.ws) return;
    this.store.update({ connection: 'open' });
    if (this.frameMode === 'json') ws.send(startEnvelope(this.streamId));
    if (!this.resume) return this.becomeReady();
    const clock = this.options.clock ?? createSystemClock();
    // No first ack in time: this connection cannot resume, so it is dropped and another one tried.
    clock.sleep(this.settings.ackTimeoutMs, this.lifetime.signal).then(
      () => {
        if (this.ws === ws && !this.ready) ws.close(4000, 'no ack');
      },
      () => undefined,
    );
  }

  private onMessage(ws: WebSocketLike, data: unknown): void {
    if (ws !== this.ws) return;
    const message = parseStreamMessage(data);
    if (message.type !== 'ack' || !this.resume) return;
    const bytes = Math.min(message.bytes, this.backlog.endOffset);
    if (bytes < this.backlog.startOffset) {
      return this.fail(new APIError(`The service acknowledged ${message.bytes} bytes after having acknowledged ${this.backlog.startOffset}: stored audio was lost.`));
    }
    this.backlog.acknowledge(bytes);
    this.store.update({ bytesAcknowledged: bytes });
    if (!this.ready) {
      // Everything after the server's byte N is sent again, in order, before any new audio (contract 6.6).
      for (const frame of this.backlog.from(bytes)) this.sendFrame(ws, frame);
      this.becomeReady();
    }
    this.changes.notify();
    this.pump();
  }

  private becomeReady(): void {
    this.ready = true;
    this.attempts = 0;
    this.settleFirstReady();
    this.pump();
  }

  private onClose(ws: WebSocketLike, code: number, reason: string): void {
    if (ws !== this.ws) return;
    this.ws = undefined;
    this.ready = false;
    this.lastClose = { code, reason };
    this.changes.notify();
    if (this.socketDone || this.failure) return;
    // After the stop frame, a close is the end unless resumable audio is still unacknowledged.
    if (this.stopSent && (code === 1000 || !this.resume || this.backlog.size === 0)) return this.store.update({ connection: 'closed' });
    if (code === 1000) return this.fail(new SessionStateError(`The service closed the stream of session ${this.sessionId}${reason ? ` (${reason})` : ''}: it takes no more audio.`));
    if (isFatalCloseCode(code)) return this.fail(streamCloseError(code, reason, this.sessionId));
    this.scheduleReconnect(code, reason);
  }

  private scheduleReconnect(code: number, reason: string): void {
    this.attempts += 1;
    if (this.attempts > this.settings.maxAttempts) {
      return this.fail(new APIError(`The stream could not reconnect after ${this.settings.maxAttempts} attempts.`, { cause: streamCloseError(code, reason, this.sessionId) }));
    }
    const snapshot = this.store.getSnapshot();
    this.store.update({ connection: 'reconnecting', reconnects: snapshot.reconnects + 1 });
    (this.options.logger ?? silentLogger).info('stream connection lost; reconnecting', { sessionId: this.sessionId, closeCode: code, attempt: this.attempts });
    const base = Math.min(this.settings.maxDelayMs, this.settings.initialDelayMs * 2 ** (this.attempts - 1));
    const delay = base * (0.5 + 0.5 * (this.options.random ?? Math.random)());
    (this.options.clock ?? createSystemClock()).sleep(delay, this.lifetime.signal).then(
      () => this.connect(),
      () => undefined,
    );
  }

  /** Moves queued frames to the socket while it is ready and below the high-water mark (and, resuming, the ack window). */
  private pump(): void {
    const ws = this.ws;
    if (!ws || !this.ready || ws.readyState !== WEB_SOCKET_OPEN) return;
    let moved = false;
    while (this.queue.length > 0 && ws.bufferedAmount < this.settings.highWaterMarkBytes) {
      if (this.resume && this.backlog.size >= this.settings.maxUnacknowledgedBytes) break;
      const frame = this.queue.shift()!;
      this.queuedBytes -= frame.length;
      this.sendFrame(ws, frame);
      if (this.resume) this.backlog.push(frame);
      this.sent += frame.length;
      moved = true;
    }
    this.store.update({ bytesAccepted: this.accepted, bytesQueued: this.queuedBytes, bytesSent: this.sent });
    if (moved) this.changes.notify();
  }

  private sendFrame(ws: WebSocketLike, frame: Uint8Array): void {
    ws.send(this.frameMode === 'json' ? mediaEnvelope(frame) : frame);
  }

  // While the socket drains, `pump` is driven from the waiters' polling; the bound covers queue and socket buffer.
  private pendingBytes(): number {
    this.pump();
    return this.queuedBytes + (this.ready && this.ws ? this.ws.bufferedAmount : 0);
  }

  private assertWritable(): void {
    if (this.failure) throw this.failure;
    if (this.stopping) throw new SessionStateError(`The stream of session ${this.sessionId} was stopped; it takes no more audio.`);
  }

  private fail(error: ScribeError): void {
    if (this.failure || this.socketDone) return;
    this.failure = error;
    this.settleFirstReady(error);
    this.lifetime.abort();
    const ws = this.ws;
    this.ws = undefined;
    this.ready = false;
    if (ws && ws.readyState <= WEB_SOCKET_OPEN) ws.close(1000, 'client stopped');
    this.store.update({ connection: 'closed', phase: 'failed', error });
    (this.options.logger ?? silentLogger).warn('stream failed', { sessionId: this.sessionId, code: error.code });
    this.changes.notify();
  }
}

function noop(): void {}
