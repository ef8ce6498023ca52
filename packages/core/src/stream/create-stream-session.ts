import { AbortError, APIError, InvalidAudioError, ScribeError, SessionStateError } from '../errors';
import { createSystemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { parseStreamMessage } from '../protocol/stream-message';
import { errorForAbort } from '../errors/abort';
import { AudioBacklog } from './audio-backlog';
import { ChangeSignal } from './change-signal';
import { StreamIncompleteError, type StreamDelivery } from './stream-incomplete-error';
import { mediaEnvelope, startEnvelope, stopEnvelope, streamIdOf, withAckParameter } from './stream-envelope';
import type { StreamEffect, StreamEvent, StreamState } from './stream-machine';
import { resolveStreamOptions, type ResolvedStreamOptions, type StreamFrameMode, type StreamSessionOptions } from './stream-options';
import type { StreamSession, StreamStopOptions, StreamStopResult } from './stream-session';
import { createStreamStateStore, type StreamConnectionState, type StreamListener, type StreamSnapshot } from './stream-state';
import { connectionOf, initialStreamState, isStopping, phaseOf, transitionStream } from './transition-stream';
import { defaultWebSocketFactory, WEB_SOCKET_OPEN, type WebSocketLike } from './web-socket-like';

/**
 * Creates a stream into an existing stream session. No socket opens here: the first of `connect()`, `opened()` and
 * `sendAudio()` opens it, and a stream stopped before that never opens one.
 */
export function createStreamSession(options: StreamSessionOptions): StreamSession {
  return new StreamRunner(options);
}

/**
 * The thin effect runner around `transitionStream`: it owns the socket, the timers, the queue and the backlog, turns
 * socket callbacks and timers into events, and carries out the effects the reducer returns.
 */
class StreamRunner implements StreamSession {
  readonly sessionId: string;
  readonly frameMode: StreamFrameMode;
  readonly resume: boolean;
  private readonly settings: ResolvedStreamOptions;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly streamId: string;
  private readonly store = createStreamStateStore();
  private readonly changes: ChangeSignal;
  private readonly lifetime = new AbortController();
  private readonly backlog = new AudioBacklog();
  private readonly events: StreamEvent[] = [];
  private state: StreamState;
  private dispatching = false;
  private ws: WebSocketLike | undefined;
  private timer: AbortController | undefined;
  private draining = false;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private accepted = 0;
  private sent = 0;
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
    this.clock = options.clock ?? createSystemClock();
    this.logger = options.logger ?? silentLogger;
    this.changes = new ChangeSignal(this.clock);
    this.state = initialStreamState({ ...this.settings, sessionId: options.sessionId, url: this.resume ? withAckParameter(options.url) : options.url });
    this.firstReady = new Promise<void>((resolve, reject) => {
      this.settleFirstReady = (error) => (error ? reject(error) : resolve());
    });
    this.firstReady.catch(() => undefined);
    const signal = options.signal;
    const abort = () => this.dispatch({ type: 'aborted', error: errorForAbort(signal) });
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true, signal: this.lifetime.signal });
  }

  get connection(): StreamConnectionState {
    return this.store.getSnapshot().connection;
  }

  getSnapshot = (): StreamSnapshot => this.store.getSnapshot();

  subscribe = (listener: StreamListener): (() => void) => this.store.subscribe(listener);

  connect(): void {
    this.dispatch({ type: 'connect-requested' });
  }

  opened(): Promise<void> {
    this.connect();
    return this.firstReady;
  }

  async sendAudio(pcm: Uint8Array, callOptions: { signal?: AbortSignal } = {}): Promise<void> {
    this.assertWritable();
    if (pcm.length % 2 !== 0) {
      throw new InvalidAudioError(`Stream audio must be 16-bit PCM (an even number of bytes); got ${pcm.length} bytes.`, { details: { byte_length: pcm.length } });
    }
    this.connect();
    for (let start = 0; start < pcm.length; start += this.settings.maxFrameBytes) {
      await this.changes.until(() => !this.takesAudio() || this.pendingBytes() < this.settings.highWaterMarkBytes, { signal: callOptions.signal, pollMs: 5 });
      this.assertWritable();
      // Copied: the caller may reuse its buffer once this resolves, and the frame may be resent after a reconnect.
      const frame = pcm.slice(start, Math.min(pcm.length, start + this.settings.maxFrameBytes));
      this.queue.push(frame);
      this.queuedBytes += frame.length;
      this.accepted += frame.length;
      this.dispatch({ type: 'audio-accepted' });
      this.publish();
    }
  }

  stop(stopOptions: StreamStopOptions = {}): Promise<StreamStopResult> {
    const { reason } = stopOptions;
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

  abort(reason?: unknown): void {
    const error = ScribeError.is(reason)
      ? reason
      : new AbortError(`The stream of session ${this.sessionId} was aborted: closed without the stop frame, the session not ended.`, { cause: reason });
    this.dispatch({ type: 'aborted', error });
  }

  private async runStop(reason: string | undefined, { finalize, endIncomplete, signal }: StreamStopOptions): Promise<StreamStopResult> {
    if (!this.isDone()) {
      this.dispatch({ type: 'stop-requested', reason });
      try {
        await this.changes.until(() => this.isDone(), { signal });
      } catch (error) {
        this.dispatch({ type: 'stop-cancelled' });
        throw error;
      }
    }
    const delivery = this.delivery();
    const failure = this.state.kind === 'failed' ? this.state.error : undefined;
    // A failed stream the client knows is missing audio is never ended as if it were complete: the answer is a typed
    // error with the count, and the session stays open until the caller ends it knowingly (`endIncomplete`). A
    // deliberate abort, a quiet close (`finalize: false`) and a session the service already closed (expired, ended,
    // unknown: no end call could succeed) keep their plain answer.
    if (failure && finalize !== false && endIncomplete !== true) {
      if (delivery.bytesUndelivered > 0 && !keepsPlainFailure(failure)) throw new StreamIncompleteError(this.sessionId, delivery, { cause: failure });
      throw failure;
    }
    // A stopped stream whose tail was never acknowledged (a server that never closed after the stop frame) is ended as
    // contract 6.4 asks, since the end call flushes what the service received; the result and the log say how much.
    if (delivery.bytesUndelivered > 0 && finalize !== false) {
      this.logger.warn('Ending a stream session with audio the service never acknowledged.', { sessionId: this.sessionId, ...delivery });
    }
    const closedByServer = this.state.kind === 'stopped' && this.state.closedByServer;
    // Only the end call is left to do, so a failed end is retried alone by the next stop.
    // With the resume extension the end call says how much was streamed, so a service holding less ends it `partial`.
    const streamBytesSent = this.resume ? this.accepted : undefined;
    const end = finalize === false || !this.options.endSession ? undefined : await this.options.endSession({ signal, streamBytesSent });
    this.stopResult = { end, bytesSent: this.sent, bytesAcknowledged: this.state.acknowledged, bytesUndelivered: delivery.bytesUndelivered, closedByServer };
    return this.stopResult;
  }

  /** What the service is known to hold (resume mode: acknowledged; otherwise only what never left is known lost). */
  private delivery(): StreamDelivery {
    const acknowledged = this.state.acknowledged;
    const undelivered = this.resume ? this.accepted - acknowledged : this.accepted - this.sent;
    return { bytesAccepted: this.accepted, bytesSent: this.sent, bytesAcknowledged: acknowledged, bytesUndelivered: Math.max(0, undelivered) };
  }

  /** Feeds one event through the reducer and runs its effects; events raised meanwhile wait their turn. */
  private dispatch(event: StreamEvent): void {
    this.events.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let next = this.events.shift(); next; next = this.events.shift()) {
        const { state, effects } = transitionStream(this.state, next);
        if (state === this.state && effects.length === 0) continue;
        this.state = state;
        for (const effect of effects) this.run(effect);
        this.publish();
        this.changes.notify();
      }
    } finally {
      this.dispatching = false;
    }
  }

  private run(effect: StreamEffect): void {
    switch (effect.type) {
      case 'open-socket':
        return this.openSocket(effect.url);
      case 'send-start':
        return this.ws?.send(startEnvelope(this.streamId));
      case 'send-queued':
        return this.pump();
      case 'release-acknowledged':
        return this.backlog.acknowledge(effect.offset);
      case 'resend-from':
        for (const frame of this.backlog.from(effect.offset)) this.sendFrame(frame);
        return;
      case 'send-stop':
        try {
          this.ws?.send(stopEnvelope(effect.reason));
        } catch {
          // A send failure surfaces as a close, which the reducer handles.
        }
        return;
      case 'close-socket':
        return this.closeSocket(effect.code, effect.reason);
      case 'schedule-reconnect':
        return this.schedule(effect.delayMs, { type: 'reconnect-due' });
      case 'schedule-ack-timeout':
        return this.schedule(effect.delayMs, { type: 'ack-timeout', jitter: this.random() });
      case 'schedule-stop-timeout':
        return this.schedule(effect.delayMs, { type: 'stop-timeout' });
      case 'cancel-timer':
        return this.cancelTimer();
      case 'settle-opened':
        return this.settleFirstReady(effect.error);
      case 'log':
        return this.logger[effect.level](effect.message, { ...effect.data });
      case 'release':
        this.cancelTimer();
        return this.lifetime.abort();
    }
  }

  private openSocket(url: string): void {
    let ws: WebSocketLike;
    try {
      ws = (this.options.createWebSocket ?? defaultWebSocketFactory)(url);
    } catch (error) {
      return this.dispatch({ type: 'failed', error: ScribeError.is(error) ? error : new APIError('The stream socket could not be created.', { cause: error }) });
    }
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      if (ws === this.ws) this.dispatch({ type: 'socket-opened' });
    };
    ws.onmessage = (event) => {
      if (ws !== this.ws || !this.resume) return;
      // Every message is read (keepalive never stalls); only acks matter.
      const message = parseStreamMessage(event.data);
      if (message.type === 'ack') this.dispatch({ type: 'ack-received', bytes: Math.min(message.bytes, this.backlog.endOffset) });
    };
    ws.onclose = (event) => {
      if (ws !== this.ws) return;
      this.ws = undefined;
      this.dispatch({ type: 'socket-closed', code: event.code, reason: event.reason, unacknowledgedBytes: this.backlog.size, jitter: this.random() });
    };
    ws.onerror = () => undefined;
  }

  private closeSocket(code: number, reason: string): void {
    const ws = this.ws;
    // Forgotten at once: its late callbacks are ignored, whatever it still reports.
    this.ws = undefined;
    if (ws && ws.readyState <= WEB_SOCKET_OPEN) ws.close(code, reason);
  }

  /** One timer at a time: each state waits for at most one, and scheduling the next replaces the last. */
  private schedule(delayMs: number, event: StreamEvent): void {
    this.cancelTimer();
    const timer = new AbortController();
    this.timer = timer;
    this.clock.sleep(delayMs, timer.signal).then(
      () => {
        if (this.timer !== timer) return;
        this.timer = undefined;
        this.dispatch(event);
      },
      () => undefined,
    );
  }

  private cancelTimer(): void {
    this.timer?.abort();
    this.timer = undefined;
  }

  /** Moves queued frames to the socket while it is ready and below the high-water mark (and, resuming, the ack window). */
  private pump(): void {
    const ws = this.ws;
    if (!ws || this.state.kind !== 'ready' || ws.readyState !== WEB_SOCKET_OPEN) return;
    let moved = false;
    while (this.queue.length > 0 && ws.bufferedAmount < this.settings.highWaterMarkBytes) {
      if (this.resume && this.backlog.size >= this.settings.maxUnacknowledgedBytes) break;
      const frame = this.queue.shift()!;
      this.queuedBytes -= frame.length;
      this.sendFrame(frame);
      if (this.resume) this.backlog.push(frame);
      this.sent += frame.length;
      moved = true;
    }
    this.publish();
    if (moved) this.changes.notify();
    if (this.queue.length === 0) this.dispatch({ type: 'socket-drained' });
    else if (isStopping(this.state)) void this.drainWhileStopping();
  }

  // While stopping nobody sends audio, so the queue left by a full socket buffer is pumped on a timer.
  private async drainWhileStopping(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      const drained = () => {
        this.pump();
        return this.queue.length === 0 || this.state.kind !== 'ready';
      };
      await this.changes.until(drained, { signal: this.lifetime.signal, pollMs: 5 });
    } catch {
      // The stream was released meanwhile.
    } finally {
      this.draining = false;
    }
  }

  private sendFrame(frame: Uint8Array): void {
    this.ws?.send(this.frameMode === 'json' ? mediaEnvelope(frame) : frame);
  }

  // While the socket drains, `pump` is driven from the waiters' polling; the bound covers queue and socket buffer.
  private pendingBytes(): number {
    this.pump();
    return this.queuedBytes + (this.state.kind === 'ready' && this.ws ? this.ws.bufferedAmount : 0);
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }

  private publish(): void {
    const state = this.state;
    this.store.update({
      connection: connectionOf(state),
      phase: phaseOf(state),
      bytesAccepted: this.accepted,
      bytesQueued: this.queuedBytes,
      bytesSent: this.sent,
      bytesAcknowledged: state.acknowledged,
      reconnects: state.reconnects,
      error: state.kind === 'failed' ? state.error : undefined,
    });
  }

  private isDone(): boolean {
    return this.state.kind === 'stopped' || this.state.kind === 'failed';
  }

  private takesAudio(): boolean {
    return !this.isDone() && !isStopping(this.state);
  }

  private assertWritable(): void {
    if (this.state.kind === 'failed') throw this.state.error;
    if (!this.takesAudio()) throw new SessionStateError(`The stream of session ${this.sessionId} was stopped; it takes no more audio.`);
  }
}

function noop(): void {}

// The caller's own stop (abort(), the client closing, a signal), or a session the service has closed for good.
const PLAIN_FAILURES = new Set(['aborted', 'timeout', 'session_expired', 'session_state', 'session_not_found']);

function keepsPlainFailure(failure: ScribeError): boolean {
  return PLAIN_FAILURES.has(failure.code);
}
