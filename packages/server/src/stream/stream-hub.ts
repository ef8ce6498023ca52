import { statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SpeechChunk } from '@scribe/core/internal';
import { expireSession, type SessionDependencies } from '../sessions/session-access.js';
import { isOpen } from '../sessions/status-codes.js';
import { FileLayout } from '../store/file-layout.js';
import type { SessionRecord, StoredAudioFile } from '../store/session-record.js';
import type { FinishedStream } from '../sessions/end.js';
import { sessionKey } from '../store/session-store.js';
import type { StreamFaults } from '../testing/stream-faults.js';
import { cutStreamChunks } from './cut-stream-chunks.js';
import { loadServerSileroModel, type ServerSileroModel } from './server-silero-vad.js';
import { STREAM_CLOSE, type StreamClose } from './stream-close-codes.js';
import { StreamConnection, type StreamLimits } from './stream-connection.js';
import { StreamLog } from './stream-log.js';
import { parseStreamTarget } from './stream-url.js';

/** Stream settings, resolved (see `StreamOptions` in options.ts). */
export interface StreamSettings extends StreamLimits {
  ackIntervalMs: number;
  pingIntervalMs: number;
  idleTimeoutMs: number;
}

/** What the hub needs. */
export interface StreamHubDependencies {
  sessions: SessionDependencies;
  dataDir: string;
  settings: StreamSettings;
  faults: StreamFaults | undefined;
  log: (line: string) => void;
}

/** One session's live state: its log and its current connection (at most one; a new one supersedes it). */
interface LiveStream {
  record: Pick<SessionRecord, 'businessId' | 'sessionId'>;
  log: StreamLog;
  connection: StreamConnection | undefined;
  /** When the log was last flushed by the tick (monotonic ms). */
  flushedAt: number;
}

const monotonic = () => performance.now();

/** A session's audio taken by this process, over all its connections, and when its first connection came. */
interface SessionSpeed {
  /** Monotonic ms of the first connection seen by this process. */
  firstSeen: number;
  bytes: number;
}

/**
 * The WebSocket endpoint of contract section 6: `{P}/stream/sessions/{stream_id}/audio`, authenticated by the URL
 * alone. Every session's PCM goes to a durable stream log; at end the log is cut into `chunk_{i}.wav` speech chunks
 * with the SDK's own segmenter, so processing is that of a chunked session.
 */
export class StreamHub {
  private readonly wss: WebSocketServer;
  private readonly live = new Map<string, LiveStream>();
  private readonly ending = new Set<string>();
  /** Speed accounting per session across its connections (contract 6.5 `max_speed`, held per session). */
  private readonly speed = new Map<string, SessionSpeed>();
  /** Flushes started by closed sockets, awaited by `close`. */
  private readonly closingFlushes = new Set<Promise<void>>();
  private readonly layout: FileLayout;
  private readonly timers: NodeJS.Timeout[];
  private vad: Promise<ServerSileroModel> | undefined;

  constructor(private readonly deps: StreamHubDependencies) {
    const { maxFrameBytes } = deps.settings;
    // Room for a JSON envelope around a base64 payload of max_frame_bytes; the exact limits are checked per frame.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: Math.ceil((maxFrameBytes * 4) / 3) + 4096, perMessageDeflate: false });
    this.layout = new FileLayout(deps.dataDir);
    // The tick runs five times per ack interval and flushes each stream once per interval, so the fsyncs of many
    // streams are spread over the interval instead of landing together.
    this.timers = [setInterval(() => void this.tick(), deps.settings.ackIntervalMs / 5), setInterval(() => this.ping(), deps.settings.pingIntervalMs)];
    for (const timer of this.timers) timer.unref();
  }

  /** Takes an HTTP upgrade when its path is a stream URL; returns false to let the caller refuse it. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const target = parseStreamTarget(req.url);
    if (!target) return false;
    socket.on('error', () => undefined);
    // The first connection moves the session to `recording` before the handshake completes, so a GET made once
    // the socket is open already sees it (no audio can arrive before the upgrade answer anyway).
    const record = this.deps.sessions.store.all().find((candidate) => candidate.streamId === target.streamId);
    void (record?.status === 'created' ? this.markRecording(record) : Promise.resolve()).then(() => {
      if (socket.destroyed) return;
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, target.streamId, target.ackMode));
    });
    return true;
  }

  /** Connections open now. */
  get connectionCount(): number {
    let count = 0;
    for (const live of this.live.values()) if (live.connection) count += 1;
    return count;
  }

  /**
   * Ends the stream of a session being ended (contract 3.6, 6.5): flushes and closes an open socket 1000 ("session
   * ended"), refuses new connections, then cuts the log into speech chunks and stores them. Returns the chunk files.
   */
  async finish(record: SessionRecord): Promise<FinishedStream> {
    const key = sessionKey(record.businessId, record.sessionId);
    // Kept after success until the tick sees the session saved as ended, so no connection slips in before that.
    this.ending.add(key);
    this.speed.delete(key);
    try {
      const live = this.live.get(key);
      if (live) {
        await live.connection?.finish('session ended');
        await live.log.close();
        this.live.delete(key);
      }
      return { files: await this.cut(record), bytesStored: storedBytes(this.logPath(record)) };
    } catch (error) {
      this.ending.delete(key);
      throw error;
    }
  }

  /** Drops every stream connection without a close frame (test knob); returns how many. */
  dropAll(): number {
    let count = 0;
    for (const live of this.live.values()) {
      if (!live.connection || live.connection.state === 'closed') continue;
      live.connection.state = 'closed';
      live.connection.ws.terminate();
      count += 1;
    }
    return count;
  }

  /** Closes every socket (1001), flushes every log and releases the speech model. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const live of this.live.values()) live.connection?.close({ code: STREAM_CLOSE.goingAway, reason: 'server shutting down' });
    // A peer gets a moment to answer the close handshake; then whatever is left is cut so shutdown never hangs.
    const deadline = monotonic() + 1000;
    while (this.wss.clients.size > 0 && monotonic() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const ws of this.wss.clients) ws.terminate();
    await Promise.all([...this.live.values()].map((live) => live.log.close().catch(() => undefined)));
    await Promise.all([...this.closingFlushes]);
    this.live.clear();
    this.wss.close();
    const vad = this.vad;
    this.vad = undefined;
    if (vad) await vad.then((model) => model.dispose(), () => undefined);
  }

  private accept(ws: WebSocket, streamId: string, ackMode: boolean): void {
    const record = this.deps.sessions.store.all().find((candidate) => candidate.streamId === streamId);
    const refusal = record ? this.refusalFor(record) : { code: STREAM_CLOSE.notFound, reason: 'unknown stream id' };
    if (refusal || !record) return void ws.close(refusal!.code, refusal!.reason);
    const key = sessionKey(record.businessId, record.sessionId);
    let live = this.live.get(key);
    if (!live) {
      live = { record, log: new StreamLog(this.logPath(record), this.deps.faults), connection: undefined, flushedAt: monotonic() };
      this.live.set(key, live);
    }
    live.connection?.close({ code: STREAM_CLOSE.superseded, reason: 'superseded by a newer connection' });
    const current = live;
    // The session clock (injectable) gives its age, carried over to the monotonic clock the connection reads; a
    // restarted server therefore credits the time it was down.
    const ageMs = Math.max(0, this.deps.sessions.options.now() - record.createdAt);
    // A log left by an earlier run counts from the first frame, before its first flush has read its size.
    const speed = this.speed.get(key) ?? { firstSeen: monotonic(), bytes: storedBytes(live.log.path) };
    this.speed.set(key, speed);
    const connection = new StreamConnection(ws, {
      log: live.log,
      limits: this.deps.settings,
      ackMode,
      faults: this.deps.faults,
      now: monotonic,
      allowanceStart: Math.min(speed.firstSeen, monotonic() - ageMs),
      sessionBytes: speed,
      // Whole samples: the session's lifetime is its model's maximum duration.
      maxLogBytes: Math.floor(((record.expiresAt - record.createdAt) / 1000) * 16000) * 2,
      report: this.deps.log,
      onClosed: (closed) => this.onClosed(current, closed),
    });
    live.connection = connection;
    // The open ack comes after the log has taken everything earlier connections received (contract 6.6).
    live.log.flush().then(
      (bytes) => connection.sendAck(bytes, true),
      (error: unknown) => this.failWrite(connection, error),
    );
  }

  private refusalFor(record: SessionRecord): StreamClose | undefined {
    const key = sessionKey(record.businessId, record.sessionId);
    if (record.status === 'expired' || (isOpen(record.status) && this.deps.sessions.options.now() >= record.expiresAt)) {
      void expireSession(this.deps.sessions, record, false);
      return { code: STREAM_CLOSE.expired, reason: 'session expired' };
    }
    if (!isOpen(record.status) || this.ending.has(key)) return { code: STREAM_CLOSE.ended, reason: 'session already ended' };
    return undefined;
  }

  private async markRecording(record: SessionRecord): Promise<void> {
    const { store } = this.deps.sessions;
    try {
      await store.withLock(record.businessId, record.sessionId, async () => {
        const current = store.get(record.businessId, record.sessionId);
        if (current?.status === 'created') await store.save({ ...current, status: 'recording' });
      });
    } catch (error) {
      this.deps.log(`could not mark ${record.sessionId} recording: ${(error as Error).message}`);
    }
  }

  // A closed socket's audio is flushed at once, so the next connection's first ack is complete (contract 6.6).
  private onClosed(live: LiveStream, connection: StreamConnection): void {
    if (live.connection === connection) live.connection = undefined;
    const key = sessionKey(live.record.businessId, live.record.sessionId);
    const flushed = live.log
      .flush()
      .then(async () => {
        if (live.connection || this.ending.has(key)) return;
        await live.log.close();
        if (!live.connection && this.live.get(key) === live) this.live.delete(key);
      })
      .catch((error: unknown) => this.deps.log(`stream log flush failed for ${live.record.sessionId}: ${(error as Error).message}`));
    // `close` waits for these: a log may leave `live` before its flush is done, and must not write after shutdown.
    this.closingFlushes.add(flushed);
    void flushed.finally(() => this.closingFlushes.delete(flushed));
  }

  /** Periodic work: flush logs and ack what became durable; close sockets of sessions that expired meanwhile. */
  private async tick(): Promise<void> {
    const { store, options } = this.deps.sessions;
    for (const key of [...this.ending]) {
      const [businessId, sessionId] = key.split('\u0000') as [string, string];
      const record = store.get(businessId, sessionId);
      if (!record || !isOpen(record.status)) this.ending.delete(key);
    }
    for (const live of [...this.live.values()]) {
      const connection = live.connection;
      const record = store.get(live.record.businessId, live.record.sessionId);
      if (record && (record.status === 'expired' || (isOpen(record.status) && options.now() >= record.expiresAt))) {
        if (record.status !== 'expired') await expireSession(this.deps.sessions, record, false);
        connection?.close({ code: STREAM_CLOSE.expired, reason: 'session expired' });
        continue;
      }
      if (!connection || connection.state !== 'open' || live.log.pendingBytes === 0) continue;
      if (monotonic() - live.flushedAt < this.deps.settings.ackIntervalMs) continue;
      live.flushedAt = monotonic();
      live.log.flush().then(
        (bytes) => connection.sendAck(bytes),
        (error: unknown) => this.failWrite(connection, error),
      );
    }
  }

  // Keepalive (contract 6.5): a ping every interval; a peer silent for the idle timeout is dropped.
  private ping(): void {
    const now = monotonic();
    for (const live of this.live.values()) {
      const connection = live.connection;
      if (!connection || connection.state === 'closed') continue;
      if (now - connection.lastSeen > this.deps.settings.idleTimeoutMs) {
        connection.state = 'closed';
        connection.ws.terminate();
      } else {
        connection.ws.ping();
      }
    }
  }

  private failWrite(connection: StreamConnection, error: unknown): void {
    this.deps.log(`stream log write failed: ${(error as Error).message}`);
    connection.close({ code: STREAM_CLOSE.serverError, reason: 'the stream could not be stored' });
  }

  private async cut(record: SessionRecord): Promise<StoredAudioFile[]> {
    this.vad ??= loadServerSileroModel().catch((error: unknown) => {
      this.vad = undefined;
      throw error;
    });
    const detector = (await this.vad).createDetector();
    const files: StoredAudioFile[] = [];
    const receivedAt = this.deps.sessions.options.now();
    try {
      await cutStreamChunks(this.logPath(record), detector, async (chunk: SpeechChunk) => {
        const name = `chunk_${chunk.index}.wav`;
        await this.deps.sessions.store.writeAudio(record, name, chunk.bytes);
        files.push({ name, diskName: name, index: chunk.index, contentType: 'audio/wav', bytes: chunk.bytes.length, durationSeconds: chunk.durationSeconds, receivedAt });
      });
    } finally {
      await detector.dispose();
    }
    return files;
  }

  private logPath(record: Pick<SessionRecord, 'businessId' | 'sessionId'>): string {
    return `${this.layout.sessionDir(record.businessId, record.sessionId)}/stream.pcm`;
  }
}

/** Size of a stream log on disk, 0 when there is none yet. */
function storedBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
