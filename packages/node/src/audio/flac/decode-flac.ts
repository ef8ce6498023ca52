import { AbortError, InvalidAudioError, type PcmBlock } from '@scribe/core';
import { concatenateArrays } from '@scribe/core/internal';
import { readOggPackets } from '../read-ogg-packets';
import { InvalidFlacFrame, NeedMoreData } from './bit-reader';
import { decodeFlacFrame, type FlacFrame, type FlacStreamInfo } from './decode-flac-frame';
import { parseStreamInfo, readFlacMetadata } from './read-flac-metadata';

/** Options for the FLAC decoders. */
export interface DecodeFlacOptions {
  /** How error messages name the input. Default: `audio`. */
  label?: string;
  /** Stops decoding. */
  signal?: AbortSignal;
}

// No real frame comes near this (65535 samples of 8 channels of 32-bit verbatim would): a "frame" still asking for
// more past it is corrupt data whose decoding wandered off, and is skipped rather than buffered to the end of the file.
const MAX_FRAME_BYTES = 2 * 1024 * 1024;
// Frames are merged into blocks of at least this many samples: a FLAC frame is often only 1152 or 4096 samples.
const BLOCK_SAMPLES = 16384;

/**
 * Streams a native FLAC file ("fLaC", metadata, frames) as float blocks, decoding frame by frame as bytes arrive.
 * Corrupt frames are skipped up to the next frame that checks out (CRC-8 and CRC-16); a file cut short ends early.
 */
export async function* decodeFlac(chunks: AsyncIterable<Uint8Array>, options: DecodeFlacOptions = {}): AsyncGenerator<PcmBlock> {
  const label = options.label ?? 'audio';
  const iterator = chunks[Symbol.asyncIterator]();
  let buffer: Uint8Array = new Uint8Array(0);
  let ended = false;
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await iterator.next();
    if (next.done) ended = true;
    else buffer = concatenateArrays(Uint8Array, [buffer, next.value]);
    return !next.done;
  };
  try {
    let metadata;
    for (;;) {
      try {
        metadata = readFlacMetadata(buffer);
        break;
      } catch (error) {
        if (!(error instanceof NeedMoreData)) throw new InvalidAudioError(`${label}: ${(error as Error).message}.`);
        if (!(await more())) throw new InvalidAudioError(`${label}: the FLAC file ends inside its metadata.`);
      }
    }
    const { info } = metadata;
    let offset = metadata.framesStart;
    const merger = new BlockMerger();
    for (;;) {
      if (options.signal?.aborted) throw new AbortError();
      let frame: FlacFrame;
      try {
        frame = decodeFlacFrame(buffer, offset, info);
      } catch (error) {
        if (error instanceof NeedMoreData && buffer.length - offset <= MAX_FRAME_BYTES) {
          // Drop what is decoded before reading on, so the buffer holds about one frame.
          buffer = buffer.subarray(offset);
          offset = 0;
          if (await more()) continue;
          break;
        }
        if (!(error instanceof InvalidFlacFrame) && !(error instanceof NeedMoreData)) throw error;
        offset = nextSync(buffer, offset + 1);
        continue;
      }
      offset += frame.byteLength;
      const block = merger.add(frame);
      if (block) yield block;
    }
    const rest = merger.flush();
    if (rest) yield rest;
  } finally {
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/** Streams FLAC in Ogg (the Ogg FLAC mapping): an identification packet with STREAMINFO, then one frame per packet. */
export async function* decodeOggFlac(chunks: AsyncIterable<Uint8Array>, options: DecodeFlacOptions = {}): AsyncGenerator<PcmBlock> {
  const label = options.label ?? 'audio';
  let info: FlacStreamInfo | undefined;
  const merger = new BlockMerger();
  for await (const packet of readOggPackets(chunks)) {
    if (options.signal?.aborted) throw new AbortError();
    const { data } = packet;
    if (info === undefined) {
      // 0x7F "FLAC", version (2 bytes), header packet count (2), "fLaC", then the STREAMINFO block (4 + 34 bytes).
      if (data[0] !== 0x7f || data.length < 13 + 4 + 34) throw new InvalidAudioError(`${label}: the Ogg FLAC identification header is missing.`);
      info = parseStreamInfo(data.subarray(13 + 4, 13 + 4 + 34));
      continue;
    }
    if (data[0] !== 0xff) continue; // further metadata blocks; audio packets start with a frame sync code
    try {
      const block = merger.add(decodeFlacFrame(data, 0, info));
      if (block) yield block;
    } catch (error) {
      // One packet holds one frame: a bad or cut-off one is skipped, the next is whole again.
      if (!(error instanceof InvalidFlacFrame) && !(error instanceof NeedMoreData)) throw error;
    }
  }
  const rest = merger.flush();
  if (rest) yield rest;
}

/** Collects frames into bigger blocks; a change of rate or channel count starts a new block. */
class BlockMerger {
  private frames: FlacFrame[] = [];
  private samples = 0;

  add(frame: FlacFrame): PcmBlock | undefined {
    const first = this.frames[0];
    const changed = first !== undefined && (first.sampleRate !== frame.sampleRate || first.channels.length !== frame.channels.length);
    const done = changed ? this.flush() : undefined;
    this.frames.push(frame);
    this.samples += frame.channels[0]!.length;
    if (done) return done;
    return this.samples >= BLOCK_SAMPLES ? this.flush() : undefined;
  }

  flush(): PcmBlock | undefined {
    const first = this.frames[0];
    if (!first) return undefined;
    const channels = first.channels.map((_, channel) => {
      const plane = new Float32Array(this.samples);
      let at = 0;
      for (const frame of this.frames) {
        plane.set(frame.channels[channel]!, at);
        at += frame.channels[channel]!.length;
      }
      return plane;
    });
    this.frames = [];
    this.samples = 0;
    return { channels, sampleRate: first.sampleRate };
  }
}

function nextSync(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i += 1) {
    if (bytes[i] === 0xff && (bytes[i + 1]! & 0xfe) === 0xf8) return i;
  }
  return Math.max(from, bytes.length - 1);
}
