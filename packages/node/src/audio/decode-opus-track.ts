import type { EncodedPacket, InputAudioTrack } from 'mediabunny';
import { AbortError, InvalidAudioError, type PcmBlock } from '@scribe/core';

/** Options for decoding an Opus track. */
export interface DecodeOpusTrackOptions {
  /** Output rate: libopus decodes natively at 8000, 12000, 16000, 24000 or 48000 Hz; others get 48000. Default 48000. */
  sampleRate?: number;
  /** How error messages name the input. Default: `audio`. */
  label?: string;
  /** Stops decoding. */
  signal?: AbortSignal;
}

/** The fields of an Opus identification header ("OpusHead", RFC 7845 section 5.1) the decoder needs. */
export interface OpusHead {
  /** Output channels. */
  channels: number;
  /** Samples (at 48 kHz) the encoder added in front, to be dropped. */
  preSkip: number;
  /** Mapping family 0 (mono/stereo) leaves the next three undefined. */
  streamCount?: number;
  coupledStreamCount?: number;
  channelMappingTable?: number[];
}

const OPUS_RATES = [8000, 12000, 16000, 24000, 48000];
// Packets decoded per call: 50 packets of 20 ms make one-second blocks, few calls and little memory.
const PACKETS_PER_BATCH = 50;

/** Parses an OpusHead packet; throws `InvalidAudioError` when it is not one. */
export function parseOpusHead(bytes: Uint8Array): OpusHead {
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== 'OpusHead' || bytes.length < 19) throw new InvalidAudioError('The Opus track has no valid OpusHead header.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const channels = bytes[9]!;
  const head: OpusHead = { channels, preSkip: view.getUint16(10, true) };
  if (bytes[18] !== 0) {
    if (bytes.length < 21 + channels) throw new InvalidAudioError('The Opus channel mapping table is truncated.');
    head.streamCount = bytes[19]!;
    head.coupledStreamCount = bytes[20]!;
    head.channelMappingTable = Array.from(bytes.subarray(21, 21 + channels));
  }
  return head;
}

/**
 * Decodes a demuxed Opus track (WebM, Ogg or MP4) with opus-decoder, dropping the encoder's pre-skip and, when the
 * container gives the last packet's duration, the padding after the end. The wasm decoder is freed however it ends.
 */
export async function* decodeOpusTrack(track: InputAudioTrack, options: DecodeOpusTrackOptions = {}): AsyncGenerator<PcmBlock> {
  const label = options.label ?? 'audio';
  const config = await track.getDecoderConfig();
  const description = config?.description;
  if (!description) throw new InvalidAudioError(`${label}: the Opus track has no decoder configuration.`);
  const head = parseOpusHead(toBytes(description));
  const sampleRate = OPUS_RATES.includes(options.sampleRate ?? 48000) ? (options.sampleRate ?? 48000) : 48000;
  const { OpusDecoder } = await import('opus-decoder');
  const decoder = new OpusDecoder({ ...head, sampleRate: sampleRate as 48000 });
  try {
    await decoder.ready;
    const { EncodedPacketSink } = await import('mediabunny');
    // The newest block is held back until the next arrives, so the last can be cut at the stream's end.
    let held: Float32Array[] | undefined;
    let emitted = 0;
    let last: EncodedPacket | undefined;
    let batch: Uint8Array[] = [];
    const decodeBatch = (): Float32Array[] | undefined => {
      const decoded = decoder.decodeFrames(batch);
      batch = [];
      if (decoded.samplesDecoded === 0 && decoded.errors.length > 0) {
        throw new InvalidAudioError(`${label}: Opus decoding failed: ${decoded.errors[0]!.message}`);
      }
      return decoded.samplesDecoded > 0 ? decoded.channelData : undefined;
    };
    for await (const packet of new EncodedPacketSink(track).packets()) {
      if (options.signal?.aborted) throw new AbortError();
      last = packet;
      batch.push(packet.data);
      if (batch.length < PACKETS_PER_BATCH) continue;
      const channels = decodeBatch();
      if (!channels) continue;
      if (held) {
        emitted += held[0]!.length;
        yield { channels: held, sampleRate };
      }
      held = channels;
    }
    const tail = batch.length > 0 ? decodeBatch() : undefined;
    const pending = [held, tail].filter((block): block is Float32Array[] => block !== undefined);
    const end = last && last.duration > 0 ? Math.round((last.timestamp + last.duration) * sampleRate) : Infinity;
    for (const channels of pending) {
      const keep = Math.max(0, Math.min(channels[0]!.length, end - emitted));
      // An end before what was already emitted means the timestamps disagree with the audio: keep the audio.
      const length = end - emitted < 0 ? channels[0]!.length : keep;
      if (length > 0) yield { channels: channels.map((plane) => plane.subarray(0, length)), sampleRate };
      emitted += length;
    }
  } finally {
    decoder.free();
  }
}

function toBytes(source: AllowSharedBufferSource): Uint8Array {
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}
