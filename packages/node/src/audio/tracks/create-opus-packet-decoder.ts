import { InvalidAudioError } from '@scribe/core';
import { muteConsoleError } from '../mute-console-error';
import type { PacketDecoder } from './decode-media-track';

/** The fields of an Opus identification header ("OpusHead", RFC 7845 section 5.1) the decoder needs. */
export interface OpusHead {
  /** Output channels. */
  channels: number;
  /** Samples (at 48 kHz) the encoder added in front, to be dropped. */
  preSkip: number;
  /** Streams in the packet, for mapping families other than 0 (mono/stereo). */
  streamCount?: number;
  /** Of those, the stereo ones. */
  coupledStreamCount?: number;
  /** Output channel to stream channel. */
  channelMappingTable?: number[];
}

/** The rates libopus decodes to natively; anything else gets 48000. */
export const OPUS_RATES = [8000, 12000, 16000, 24000, 48000];

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
 * An Opus decoder (opus-decoder, libopus in wasm) for a track whose decoder description is its OpusHead; it drops
 * the pre-skip and decodes at `preferredRate` when libopus supports it.
 */
export async function createOpusPacketDecoder(description: Uint8Array, preferredRate: number, label: string): Promise<PacketDecoder> {
  const head = parseOpusHead(description);
  const sampleRate = OPUS_RATES.includes(preferredRate) ? preferredRate : 48000;
  const { OpusDecoder } = await import('opus-decoder');
  // OpusHead counts the pre-skip at 48 kHz, while opus-decoder drops that many samples at the output rate.
  const preSkip = Math.round((head.preSkip * sampleRate) / 48000);
  const decoder = new OpusDecoder({ ...head, preSkip, sampleRate: sampleRate as 48000 });
  try {
    await decoder.ready;
  } catch (error) {
    decoder.free();
    throw error;
  }
  return {
    sampleRate,
    decode(packets) {
      const decoded = muteConsoleError(() => decoder.decodeFrames(packets));
      if (decoded.samplesDecoded === 0 && decoded.errors.length > 0) {
        throw new InvalidAudioError(`${label}: Opus decoding failed: ${decoded.errors[0]!.message}`);
      }
      return decoded.samplesDecoded > 0 ? decoded.channelData : undefined;
    },
    free: () => decoder.free(),
  };
}
