import { ConfigError } from '../errors';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { EndSessionResponse } from '../protocol';
import type { WebSocketFactory } from './web-socket-like';

/** How audio frames are sent (contract 6.3). */
export type StreamFrameMode = 'binary' | 'json';

/** Reconnection after an unexpected drop (contract 6.6). */
export interface StreamReconnectOptions {
  /** First delay in ms; later ones double. Default 250. */
  initialDelayMs?: number;
  /** Longest delay in ms. Default 4000. */
  maxDelayMs?: number;
  /**
   * Consecutive failed attempts before the stream fails with the last error. Default 10: with the default delays that
   * is 13.9 s at the shortest jitter (about 21 s on average, 27.8 s at most), so a 10 s server outage and its restart
   * are ridden out whatever the jitter draws (8 allowed as little as 9.9 s).
   */
  maxAttempts?: number;
}

/** Stream behaviour shared by `createStreamSession` and `openStream`. */
export interface StreamBehaviourOptions {
  /** `binary` (raw PCM frames) or `json` (the `start`/`media`/`stop` envelope). Default `binary`. */
  frameMode?: StreamFrameMode;
  /** The WebSocket factory. Default: the runtime's standard `WebSocket` (@scribe/node passes one built on `ws`). */
  createWebSocket?: WebSocketFactory;
  /**
   * Bytes that may wait in the stream's queue and the socket's buffer together before `sendAudio` waits: the
   * backpressure bound. Default 65536 (about 2 s of audio).
   */
  highWaterMarkBytes?: number;
  /** Resume mode: unacknowledged bytes after which nothing more is sent until acks arrive. Default 1 MiB (~33 s). */
  maxUnacknowledgedBytes?: number;
  /** How long `stop` waits for the server to close after the stop frame, in ms. Default 10000 (contract 6.4). */
  finalizeTimeoutMs?: number;
  /** Resume mode: how long to wait for the first ack after each (re)connect, in ms. Default 5000. */
  ackTimeoutMs?: number;
  /** Reconnection backoff. Defaults: 250 ms doubling to 4 s, 10 attempts. */
  reconnect?: StreamReconnectOptions;
  /** Receives connection changes and warnings. Default: silent. */
  logger?: Logger;
}

/** Options of `createStreamSession`: a session that already exists, and how to stream to it. */
export interface StreamSessionOptions extends StreamBehaviourOptions {
  /** The session id. Required. */
  sessionId: string;
  /** The session's stream `upload_url`, used unchanged (plus `ack=1` in resume mode). Required. */
  url: string;
  /** Use the resume extension (acks, resend from the acknowledged byte). Default false; `openStream` reads discovery. */
  resume?: boolean;
  /** Largest frame the server takes; longer buffers are split. Default 1 MiB. */
  maxFrameBytes?: number;
  /**
   * Ends the session after stop (`POST .../end` with 0; in resume mode also `stream_bytes_sent`, the bytes streamed).
   * Default: none, so `stop` never ends the session.
   */
  endSession?: (options: { signal?: AbortSignal; streamBytesSent?: number }) => Promise<EndSessionResponse>;
  /** Clock for backoff, timeouts and drain polling. Default: the system clock. */
  clock?: Clock;
  /** Uniform random numbers in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** Aborting it fails the stream with AbortError and closes the socket without ending the session. Default none. */
  signal?: AbortSignal;
}

/** Everything resolved. */
export interface ResolvedStreamOptions {
  frameMode: StreamFrameMode;
  resume: boolean;
  maxFrameBytes: number;
  highWaterMarkBytes: number;
  maxUnacknowledgedBytes: number;
  finalizeTimeoutMs: number;
  ackTimeoutMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/** Applies defaults and refuses values that cannot work (ConfigError). */
export function resolveStreamOptions(options: StreamSessionOptions): ResolvedStreamOptions {
  const resolved: ResolvedStreamOptions = {
    frameMode: options.frameMode ?? 'binary',
    resume: options.resume ?? false,
    maxFrameBytes: options.maxFrameBytes ?? 1024 * 1024,
    highWaterMarkBytes: options.highWaterMarkBytes ?? 65536,
    maxUnacknowledgedBytes: options.maxUnacknowledgedBytes ?? 1024 * 1024,
    finalizeTimeoutMs: options.finalizeTimeoutMs ?? 10_000,
    ackTimeoutMs: options.ackTimeoutMs ?? 5000,
    initialDelayMs: options.reconnect?.initialDelayMs ?? 250,
    maxDelayMs: options.reconnect?.maxDelayMs ?? 4000,
    maxAttempts: options.reconnect?.maxAttempts ?? 10,
  };
  if (resolved.frameMode !== 'binary' && resolved.frameMode !== 'json') throw new ConfigError(`frameMode must be "binary" or "json", got ${String(resolved.frameMode)}.`);
  for (const key of ['maxFrameBytes', 'highWaterMarkBytes', 'maxUnacknowledgedBytes'] as const) {
    if (!(Number.isSafeInteger(resolved[key]) && resolved[key] >= 2)) throw new ConfigError(`${key} must be an integer ≥ 2, got ${String(resolved[key])}.`);
  }
  for (const key of ['finalizeTimeoutMs', 'ackTimeoutMs', 'initialDelayMs', 'maxDelayMs', 'maxAttempts'] as const) {
    if (!(Number.isFinite(resolved[key]) && resolved[key] >= 0)) throw new ConfigError(`${key} must be a number ≥ 0, got ${String(resolved[key])}.`);
  }
  // Frames must hold whole samples; an odd limit would split one.
  resolved.maxFrameBytes -= resolved.maxFrameBytes % 2;
  return resolved;
}
