import { InvalidAudioError, type PcmBlock } from '@scribe/core';
import { createOpusPacketDecoder } from './create-opus-packet-decoder';
import { createVorbisPacketDecoder } from './create-vorbis-packet-decoder';
import { decodePackets, type PacketDecoder } from './decode-media-track';
import { readWebmAudio, type WebmFrame } from './read-webm-audio';

/** Options for `decodeWebmTrack`. */
export interface DecodeWebmTrackOptions {
  /** The rate Opus decodes to when libopus supports it (else 48000); Vorbis keeps its own. */
  preferredSampleRate: number;
  /** How messages name the input. */
  label: string;
  /** Stops decoding. */
  signal?: AbortSignal;
}

/**
 * Decodes Opus or Vorbis in WebM with the SDK's own front-to-back reader rather than mediabunny (see
 * `readWebmAudio`). The last block is cut where the last frame's block ends (BlockDuration), as mediabunny did.
 */
export async function* decodeWebmTrack(chunks: AsyncIterable<Uint8Array>, options: DecodeWebmTrackOptions): AsyncGenerator<PcmBlock> {
  const { label } = options;
  const { track, frames, cutShort } = await readWebmAudio(chunks);
  let decoder: PacketDecoder;
  try {
    if (!track.codecPrivate) {
      throw new InvalidAudioError(
        cutShort ? `${label}: the WebM file is cut short: it ends inside its audio track's codec header.` : `${label}: the WebM audio track has no codec header.`,
      );
    }
    if (track.codecId === 'A_OPUS') decoder = await createOpusPacketDecoder(track.codecPrivate, options.preferredSampleRate, label);
    else if (track.codecId === 'A_VORBIS') decoder = await createVorbisPacketDecoder(track.codecPrivate, label);
    else throw new InvalidAudioError(`${label}: WebM audio in ${track.codecId} is not supported; Opus and Vorbis are.`);
  } catch (error) {
    await frames.return(undefined);
    throw error;
  }
  let last: WebmFrame | undefined;
  async function* packets(): AsyncGenerator<Uint8Array> {
    for await (const frame of frames) {
      last = frame;
      yield frame.data;
    }
  }
  // A last block without a duration (no BlockDuration) gives no end to cut at.
  const endSample = () => (last && last.duration > 0 ? Math.round((last.timestamp + last.duration) * decoder.sampleRate) : Infinity);
  yield* decodePackets(packets(), decoder, { signal: options.signal, endSample });
}
