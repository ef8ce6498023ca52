import type { EncodedPacket, InputAudioTrack } from 'mediabunny';
import { AbortError, type PcmBlock } from '@scribe/core';

/** Turns a demuxed track's packets into PCM; one per track, freed when decoding ends. */
export interface PacketDecoder {
  /** Rate of the decoded samples. */
  readonly sampleRate: number;
  /** Decodes packets in order; undefined when they produced no samples yet (decoder start-up). */
  decode(packets: Uint8Array[]): Float32Array[] | undefined;
  /** Releases the wasm instance. */
  free(): void;
}

/** Options for `decodeMediaTrack`. */
export interface DecodeMediaTrackOptions {
  /** Stops decoding. */
  signal?: AbortSignal;
}

/** Options for `decodePackets`. */
export interface DecodePacketsOptions {
  /** Stops decoding. */
  signal?: AbortSignal;
  /**
   * Where the stream ends, in samples at the decoder's rate, asked once the packets are exhausted (the container's
   * final timestamp or granule position); Infinity when the container does not say. Default: Infinity.
   */
  endSample?: () => number;
}

// Packets decoded per call: 50 Opus packets of 20 ms make one-second blocks, few calls and little memory.
const PACKETS_PER_BATCH = 50;

/**
 * Decodes a demuxed track (mediabunny) in batches of packets, cutting the last block where the container says the
 * stream ends (the last packet's timestamp plus duration: MP4's edit list, WebM's block durations).
 */
export async function* decodeMediaTrack(track: InputAudioTrack, decoder: PacketDecoder, options: DecodeMediaTrackOptions = {}): AsyncGenerator<PcmBlock> {
  const { EncodedPacketSink } = await import('mediabunny');
  let last: EncodedPacket | undefined;
  async function* packets(): AsyncGenerator<Uint8Array> {
    for await (const packet of new EncodedPacketSink(track).packets()) {
      last = packet;
      yield packet.data;
    }
  }
  // A last packet without a duration (WebM without BlockDuration) gives no end to cut at.
  const endSample = () => (last && last.duration > 0 ? Math.round((last.timestamp + last.duration) * decoder.sampleRate) : Infinity);
  yield* decodePackets(packets(), decoder, { signal: options.signal, endSample });
}

/**
 * Decodes a track's packets in batches. The newest block is held back until the next one arrives, so that the last
 * can be cut at `endSample`, dropping the encoder's padding. Frees the decoder when done.
 */
export async function* decodePackets(packets: AsyncIterable<Uint8Array>, decoder: PacketDecoder, options: DecodePacketsOptions = {}): AsyncGenerator<PcmBlock> {
  const { sampleRate } = decoder;
  let held: Float32Array[] | undefined;
  let emitted = 0;
  let batch: Uint8Array[] = [];
  try {
    for await (const packet of packets) {
      if (options.signal?.aborted) throw new AbortError();
      batch.push(packet);
      if (batch.length < PACKETS_PER_BATCH) continue;
      const channels = decoder.decode(batch);
      batch = [];
      if (!channels) continue;
      if (held) {
        emitted += held[0]!.length;
        yield { channels: held, sampleRate };
      }
      held = channels;
    }
    const tail = batch.length > 0 ? decoder.decode(batch) : undefined;
    const end = options.endSample?.() ?? Infinity;
    for (const channels of [held, tail]) {
      if (!channels) continue;
      // An end before what was already emitted means the timestamps disagree with the audio: keep the audio.
      const length = end < emitted ? channels[0]!.length : Math.max(0, Math.min(channels[0]!.length, end - emitted));
      if (length > 0) yield { channels: channels.map((plane) => plane.subarray(0, length)), sampleRate };
      emitted += length;
    }
  } finally {
    decoder.free();
  }
}
