import { InvalidAudioError } from '../errors';
import { SPEECH_SAMPLE_RATE } from '../audio/sample-rate';
import { createSystemClock, type Clock } from '../ports/clock';
import { throwIfAborted } from '../errors/abort';
import type { StreamSession } from './stream-session';

/** Raw 16 kHz mono s16le PCM in pieces of any size, as they arrive. */
export type PcmPieces = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** How fast `streamPcm` sends: `realtime`, `fast` (90 % of the service's `max_speed`), or a speed factor. */
export type StreamPace = 'realtime' | 'fast' | number;

/** Options of `streamPcm`. */
export interface StreamPcmOptions {
  /**
   * `realtime` sends each frame when its audio would have been spoken; `fast` as fast as the service allows (90 % of
   * its `max_speed`); a number is a speed factor (2 = twice real time). Backpressure applies in every mode. Default
   * `realtime`.
   */
  pace?: StreamPace;
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

/** Where `streamPcm` takes time and the service's speed limit from. */
export interface StreamPcmContext {
  /** Schedules the frames. Default: the system clock. */
  clock?: Clock;
  /** The service's limit (discovery `extensions.stream.max_speed`), used by `pace: 'fast'`. Default 8. */
  maxSpeed?: number;
}

const BYTES_PER_SECOND = SPEECH_SAMPLE_RATE * 2;

/**
 * Sends raw 16 kHz mono s16le PCM into a live stream in frames of `frameMilliseconds`, paced against an absolute
 * schedule on the clock so timer drift never accumulates. Does not stop the stream.
 */
export async function streamPcm(stream: StreamSession, pieces: PcmPieces, options: StreamPcmOptions = {}, context: StreamPcmContext = {}): Promise<StreamPcmResult> {
  const speed = paceSpeed(options.pace, context.maxSpeed ?? 8);
  const clock = context.clock ?? createSystemClock();
  const frameMs = options.frameMilliseconds ?? 100;
  const frameBytes = Math.max(2, Math.round(((frameMs / 1000) * BYTES_PER_SECOND) / 2) * 2);
  const started = clock.now();
  let sent = 0;
  let carry = new Uint8Array(0);
  const send = async (frame: Uint8Array) => {
    const due = started + ((sent / BYTES_PER_SECOND) * 1000) / speed;
    const wait = due - clock.now();
    if (wait > 1) await clock.sleep(wait, options.signal);
    throwIfAborted(options.signal);
    await stream.sendAudio(frame, { signal: options.signal });
    sent += frame.length;
  };
  for await (const piece of pieces) {
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

function paceSpeed(pace: StreamPace | undefined, maxSpeed: number): number {
  const speed = pace === 'fast' ? maxSpeed * 0.9 : pace === 'realtime' || pace === undefined ? 1 : pace;
  if (!(typeof speed === 'number' && speed > 0)) throw new InvalidAudioError(`pace must be "realtime", "fast" or a speed factor > 0, got ${String(pace)}.`);
  return speed;
}

// Not core's concatenateArrays: the stream is its own entry, loaded on demand, and a helper it shared with
// @scribe/core/internal would become a chunk of its own that every browser app loads up front (+51 B gzip, measured).
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
