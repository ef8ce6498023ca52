import { InvalidAudioError } from '@scribe/core';
import { ByteReader, readUint, readVint } from './ebml-reader';
import { unlace } from './unlace-block-frames';

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
 * Stops at the first element it cannot parse, as a stream cut short. `cutShort` says the input ended before its
 * first frame, so a track entry missing its codec header was probably cut off.
 */
export async function readWebmAudio(chunks: AsyncIterable<Uint8Array>): Promise<{ track: WebmAudioTrack; frames: AsyncGenerator<WebmFrame>; cutShort: boolean }> {
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

  let cutShort = false;
  while (!audio) {
    if (!(await step())) {
      endEntry();
      cutShort = true;
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
  return { track: { codecId: audio.codecId, codecPrivate: audio.codecPrivate }, frames: frames(), cutShort };
}
