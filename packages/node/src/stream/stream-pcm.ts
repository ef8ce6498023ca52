import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { errorForAbort, InvalidAudioError, SPEECH_SAMPLE_RATE, throwIfAborted, type StreamSession } from '@scribe/core';

/** Raw PCM to stream: a file path or URL, bytes, a Node `Readable`, or any (async) iterable of byte pieces. */
export type PcmStreamSource = string | URL | Uint8Array | Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Options of `streamPcm`. */
export interface StreamPcmOptions {
  /**
   * `realtime` sends each frame when its audio would have been spoken; `fast` as fast as the service allows (90 % of
   * its `max_speed`); a number is a speed factor (2 = twice real time). Backpressure applies in every mode. Default
   * `realtime`.
   */
  pace?: 'realtime' | 'fast' | number;
  /** Audio per frame in milliseconds (contract 6.3 typical: 30–256). Default 100. */
  frameMilliseconds?: number;
  /** Stops sending with AbortError (the stream itself stays open). */
  signal?: AbortSignal;
}

/** What `streamPcm` sent. */
export interface StreamPcmResult {
  /** PCM bytes sent. */
  bytes: number;
  /** Seconds of audio sent. */
  seconds: number;
}

const BYTES_PER_SECOND = SPEECH_SAMPLE_RATE * 2;

/**
 * Sends raw 16 kHz mono s16le PCM from a file or stream into a live stream, in frames of `frameMilliseconds`,
 * paced against an absolute schedule so timer drift never accumulates. Does not stop the stream. `maxSpeed` is the
 * service's limit (discovery `extensions.stream.max_speed`, default 8), used by `pace: 'fast'`.
 */
export async function streamPcm(stream: StreamSession, source: PcmStreamSource, options: StreamPcmOptions = {}, maxSpeed = 8): Promise<StreamPcmResult> {
  const speed = options.pace === 'fast' ? maxSpeed * 0.9 : options.pace === 'realtime' || options.pace === undefined ? 1 : options.pace;
  if (!(typeof speed === 'number' && speed > 0)) throw new InvalidAudioError(`pace must be "realtime", "fast" or a speed factor > 0, got ${String(options.pace)}.`);
  const frameMs = options.frameMilliseconds ?? 100;
  const frameBytes = Math.max(2, Math.round((frameMs / 1000) * BYTES_PER_SECOND / 2) * 2);
  const started = performance.now();
  let sent = 0;
  let carry = new Uint8Array(0);
  const send = async (frame: Uint8Array) => {
    const due = started + ((sent / BYTES_PER_SECOND) * 1000) / speed;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait, options.signal);
    throwIfAborted(options.signal);
    await stream.sendAudio(frame, { signal: options.signal });
    sent += frame.length;
  };
  for await (const piece of pieces(source)) {
    const bytes = carry.length > 0 ? concat(carry, piece) : piece;
    let offset = 0;
    while (bytes.length - offset >= frameBytes) {
      await send(bytes.subarray(offset, offset + frameBytes));
      offset += frameBytes;
    }
    carry = bytes.slice(offset);
  }
  if (carry.length % 2 !== 0) throw new InvalidAudioError(`The PCM source has an odd length (${sent + carry.length} bytes): 16-bit samples need an even number of bytes.`);
  if (carry.length > 0) await send(carry);
  return { bytes: sent, seconds: sent / BYTES_PER_SECOND };
}

function pieces(source: PcmStreamSource): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  if (typeof source === 'string' || source instanceof URL) {
    return createReadStream(source instanceof URL ? fileURLToPath(source) : source, { highWaterMark: 64 * 1024 });
  }
  if (source instanceof Uint8Array) return [source];
  if (source instanceof Readable) return source;
  return source;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(errorForAbort(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
