import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type StreamPcmOptions, type StreamPcmResult, type StreamSession } from '@scribe/core/internal';
import { streamPcm as streamPcmPieces } from '@scribe/core/stream';

/** Raw PCM to stream: a file path or URL, bytes, a Node `Readable`, or any (async) iterable of byte pieces. */
export type PcmStreamSource = string | URL | Uint8Array | Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type { StreamPcmOptions, StreamPcmResult };

/**
 * Sends raw 16 kHz mono s16le PCM from a file or stream into a live stream, in frames of `frameMilliseconds`,
 * paced on the system clock (core's `streamPcm`). Does not stop the stream. `maxSpeed` is the service's limit
 * (discovery `extensions.stream.max_speed`, default 8), used by `pace: 'fast'`.
 */
export function streamPcm(stream: StreamSession, source: PcmStreamSource, options: StreamPcmOptions = {}, maxSpeed = 8): Promise<StreamPcmResult> {
  return streamPcmPieces(stream, pieces(source), options, { maxSpeed });
}

function pieces(source: PcmStreamSource): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  if (typeof source === 'string' || source instanceof URL) {
    return createReadStream(source instanceof URL ? fileURLToPath(source) : source, { highWaterMark: 64 * 1024 });
  }
  if (source instanceof Uint8Array) return [source];
  if (source instanceof Readable) return source;
  return source;
}
