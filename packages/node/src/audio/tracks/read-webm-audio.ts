import { InvalidAudioError } from '@scribe/core';

/** The first audio track of a WebM/Matroska file, as its TrackEntry describes it. */
export interface WebmAudioTrack {
  /** Matroska codec id: `A_OPUS`, `A_VORBIS`, ... */
  codecId: string;
  /** CodecPrivate: the OpusHead, or the Vorbis headers in Xiph lacing. */
  codecPrivate: Uint8Array | undefined;
}

/** One frame of the audio track. */
export interface WebmFrame {
  /** The frame's bytes: a view of the bytes read. Read them, do not write them. */
  data: Uint8Array;
  /** Where the block starts, in seconds. */
  timestamp: number;
  /** The block's duration in seconds (BlockDuration), 0 when the file does not give one. */
  duration: number;
}

// Element ids (with their length marker, as written).
const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const INFO = 0x1549a966;
const BLOCK_GROUP = 0xa0;
/** Masters read inline (their children follow their header), so an unknown size (live WebM) needs no special case. */
const MASTERS = new Set([SEGMENT, CLUSTER, TRACKS, TRACK_ENTRY, INFO, BLOCK_GROUP]);
const TRACK_NUMBER = 0xd7;
const TRACK_TYPE = 0x83;
const CODEC_ID = 0x86;
const CODEC_PRIVATE = 0x63a2;
const TIMESTAMP_SCALE = 0x2ad7b1;
const CLUSTER_TIMESTAMP = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK = 0xa1;
const BLOCK_DURATION = 0x9b;
/** Leaves whose bytes are needed; anything else is skipped without being held. */
const READ = new Set([TRACK_NUMBER, TRACK_TYPE, CODEC_ID, CODEC_PRIVATE, TIMESTAMP_SCALE, CLUSTER_TIMESTAMP, SIMPLE_BLOCK, BLOCK, BLOCK_DURATION]);
const AUDIO_TRACK_TYPE = 2;
// Elements read whole are small (a block, a codec header); more means the file is not what it claims.
const MAX_ELEMENT_BYTES = 16 * 1024 * 1024;

/**
 * Reads a WebM/Matroska byte stream front to back (no seeking, no index) and returns its first audio track with an
 * iterator over that track's frames, holding at most one element and one read at a time. Replaces a general demuxer
 * for the common case (Opus or Vorbis in WebM), whose code and per-packet objects cost tens of MB on a long file.
 * Stops at the first element it cannot parse, as a stream cut short.
 */
export async function readWebmAudio(chunks: AsyncIterable<Uint8Array>): Promise<{ track: WebmAudioTrack; frames: AsyncGenerator<WebmFrame> }> {
  const reader = new ByteReader(chunks[Symbol.asyncIterator]());
  let timestampScale = 1_000_000;
  let clusterTimestamp = 0;
  let entry: { number?: number; type?: number; codecId?: string; codecPrivate?: Uint8Array } = {};
  let audio: (WebmAudioTrack & { number: number }) | undefined;
  let pending: WebmFrame[] = [];
  let group: { frames: WebmFrame[]; duration: number } | undefined;

  const endEntry = () => {
    if (!audio && entry.type === AUDIO_TRACK_TYPE && entry.number !== undefined && entry.codecId) {
      audio = { number: entry.number, codecId: entry.codecId, codecPrivate: entry.codecPrivate };
    }
    entry = {};
  };
  const endGroup = () => {
    if (!group) return;
    for (const frame of group.frames) pending.push({ ...frame, duration: group.duration });
    group = undefined;
  };
  const blockFrames = (bytes: Uint8Array): WebmFrame[] => {
    const track = readVint(bytes, 0);
    if (!track || track.value !== audio?.number || bytes.length < track.length + 3) return [];
    const at = track.length;
    const relative = (bytes[at]! << 24) >> 16 | bytes[at + 1]!;
    const timestamp = ((clusterTimestamp + relative) * timestampScale) / 1e9;
    return unlace(bytes, at + 2).map((data) => ({ data, timestamp, duration: 0 }));
  };

  /** Reads elements until a frame is pending or the stream ends; false at the end. */
  const step = async (): Promise<boolean> => {
    const id = await reader.readVint(true);
    if (id === undefined) return false;
    const size = await reader.readVint(false);
    if (size === undefined) return false;
    if (id !== TRACK_ENTRY && id !== BLOCK && id !== BLOCK_DURATION) endGroupIfLeft(id);
    if (MASTERS.has(id)) {
      if (id === TRACK_ENTRY) endEntry();
      if (id === BLOCK_GROUP) group = { frames: [], duration: 0 };
      if (id === CLUSTER || id === TRACKS) endEntry();
      return true;
    }
    if (size < 0) return false; // a leaf of unknown size cannot be skipped
    if (!READ.has(id)) return reader.skip(size);
    if (size > MAX_ELEMENT_BYTES) throw new InvalidAudioError(`a WebM element of ${size} bytes is larger than any audio block`);
    const bytes = await reader.read(size);
    if (!bytes) return false;
    switch (id) {
      case TRACK_NUMBER:
        entry.number = readUint(bytes);
        break;
      case TRACK_TYPE:
        entry.type = readUint(bytes);
        break;
      case CODEC_ID:
        entry.codecId = String.fromCharCode(...bytes).replace(/\0+$/, '');
        break;
      case CODEC_PRIVATE:
        entry.codecPrivate = bytes.slice();
        break;
      case TIMESTAMP_SCALE:
        timestampScale = readUint(bytes) || 1_000_000;
        break;
      case CLUSTER_TIMESTAMP:
        clusterTimestamp = readUint(bytes);
        break;
      case SIMPLE_BLOCK:
        endEntry();
        pending.push(...blockFrames(bytes));
        break;
      case BLOCK:
        if (group) group.frames.push(...blockFrames(bytes));
        break;
      case BLOCK_DURATION:
        if (group) group.duration = (readUint(bytes) * timestampScale) / 1e9;
        break;
    }
    return true;
  };
  // A BlockGroup has no end marker when read inline: it ends at the first element that is not one of its children.
  const endGroupIfLeft = (id: number) => {
    if (group && id !== BLOCK && id !== BLOCK_DURATION) endGroup();
  };

  while (!audio) {
    if (!(await step())) {
      endEntry();
      break;
    }
  }
  if (!audio) throw new InvalidAudioError('the WebM file has no audio track');
  async function* frames(): AsyncGenerator<WebmFrame> {
    try {
      for (;;) {
        if (pending.length > 0) {
          const ready = pending;
          pending = [];
          yield* ready;
          continue;
        }
        if (!(await step())) break;
      }
      endGroup();
      yield* pending;
    } finally {
      await reader.close();
    }
  }
  return { track: { codecId: audio.codecId, codecPrivate: audio.codecPrivate }, frames: frames() };
}

/** Splits a block's payload (after track number and timestamp) into its frames: no lacing, Xiph, fixed or EBML. */
function unlace(bytes: Uint8Array, flagsAt: number): Uint8Array[] {
  const lacing = (bytes[flagsAt]! >> 1) & 3;
  let at = flagsAt + 1;
  if (lacing === 0) return [bytes.subarray(at)];
  const count = bytes[at++]! + 1;
  const sizes: number[] = [];
  if (lacing === 1) {
    for (let index = 0; index < count - 1; index += 1) {
      let size = 0;
      let value: number;
      do {
        value = bytes[at++] ?? 0;
        size += value;
      } while (value === 255 && at < bytes.length);
      sizes.push(size);
    }
  } else if (lacing === 3) {
    const first = readVint(bytes, at);
    if (!first) return [];
    at += first.length;
    sizes.push(first.value);
    for (let index = 1; index < count - 1; index += 1) {
      const delta = readVint(bytes, at);
      if (!delta) return [];
      at += delta.length;
      sizes.push(sizes[index - 1]! + delta.value - (2 ** (7 * delta.length - 1) - 1));
    }
  }
  if (lacing === 2) {
    const size = (bytes.length - at) / count;
    if (!Number.isInteger(size)) return [];
    for (let index = 0; index < count; index += 1) sizes.push(size);
  } else {
    sizes.push(bytes.length - at - sizes.reduce((sum, size) => sum + size, 0));
  }
  if (sizes.some((size) => size < 0)) return [];
  return sizes.map((size) => {
    const frame = bytes.subarray(at, at + size);
    at += size;
    return frame;
  });
}

/** A size-coded integer (EBML variable-length integer) with its marker bit removed. */
function readVint(bytes: Uint8Array, at: number): { value: number; length: number } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return undefined;
  let value = first & (0xff >> length);
  for (let index = 1; index < length; index += 1) value = value * 256 + bytes[at + index]!;
  return { value, length };
}

function readUint(bytes: Uint8Array): number {
  let value = 0;
  for (const byte of bytes) value = value * 256 + byte;
  return value;
}

/** Pulls bytes from the source as needed; the views it returns stay valid (bytes read are never written). */
class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private ended = false;

  constructor(private readonly iterator: AsyncIterator<Uint8Array>) {}

  private async fill(needed: number): Promise<boolean> {
    while (this.buffer.length < needed && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else if (this.buffer.length === 0) this.buffer = next.value;
      else {
        const joined = new Uint8Array(this.buffer.length + next.value.length);
        joined.set(this.buffer);
        joined.set(next.value, this.buffer.length);
        this.buffer = joined;
      }
    }
    return this.buffer.length >= needed;
  }

  /** An element id (`keepMarker`, as ids are written) or size (-1 for "unknown"); undefined at the end. */
  async readVint(keepMarker: boolean): Promise<number | undefined> {
    if (!(await this.fill(1))) return undefined;
    const first = this.buffer[0]!;
    if (first === 0) return undefined;
    const length = Math.clz32(first) - 23;
    if (!(await this.fill(length))) return undefined;
    let value = keepMarker ? first : first & (0xff >> length);
    let allOnes = value === 0xff >> length;
    for (let index = 1; index < length; index += 1) {
      value = value * 256 + this.buffer[index]!;
      allOnes &&= this.buffer[index] === 0xff;
    }
    this.buffer = this.buffer.subarray(length);
    return !keepMarker && allOnes ? -1 : value;
  }

  /** The next `size` bytes as a view; undefined when the stream ends first. */
  async read(size: number): Promise<Uint8Array | undefined> {
    if (!(await this.fill(size))) return undefined;
    const bytes = this.buffer.subarray(0, size);
    this.buffer = this.buffer.subarray(size);
    return bytes;
  }

  /** Drops `size` bytes without holding them; false when the stream ends first. */
  async skip(size: number): Promise<boolean> {
    let left = size;
    for (;;) {
      const taken = Math.min(left, this.buffer.length);
      this.buffer = this.buffer.subarray(taken);
      left -= taken;
      if (left === 0) return true;
      if (!(await this.fill(1))) return false;
    }
  }

  async close(): Promise<void> {
    this.ended = true;
    await Promise.resolve(this.iterator.return?.()).catch(() => undefined);
  }
}
