import { InvalidAudioError, type PcmBlock } from '@scribe/core';
import { readOggPackets } from '../read-ogg-packets';
import { createOpusPacketDecoder, parseOpusHead } from './create-opus-packet-decoder';
import { createVorbisPacketDecoder } from './create-vorbis-packet-decoder';
import { decodePackets } from './decode-media-track';

/** Options for `decodeOggTrack`. */
export interface DecodeOggTrackOptions {
  /** The codec the first page announced. */
  codec: 'opus' | 'vorbis';
  /** The rate Opus decodes to when libopus supports it (else 48000); Vorbis keeps its own. */
  preferredSampleRate: number;
  /** How messages name the input. */
  label: string;
  /** Stops decoding. */
  signal?: AbortSignal;
}

/**
 * Decodes Opus or Vorbis in Ogg straight from the Ogg pages (the reader Ogg FLAC uses), not through mediabunny:
 * front to back with packets handed over as views of the bytes read, so a long file costs neither the demuxer's
 * code nor its per-packet objects. The last block is cut at the final granule position (RFC 7845 for Opus: minus
 * the pre-skip, at 48 kHz; Vorbis: samples at its own rate), dropping the encoder's padding.
 */
export async function* decodeOggTrack(chunks: AsyncIterable<Uint8Array>, options: DecodeOggTrackOptions): AsyncGenerator<PcmBlock> {
  const { codec, label } = options;
  const packets = readOggPackets(chunks);
  try {
    // Opus: OpusHead, OpusTags; Vorbis: identification, comment, setup. Copied: the views die with their read.
    const headers: Uint8Array[] = [];
    while (headers.length < (codec === 'opus' ? 2 : 3)) {
      const next = await packets.next();
      if (next.done) throw new InvalidAudioError(`${label}: the Ogg ${codec} stream ends inside its headers.`);
      headers.push(next.value.data.slice());
    }
    const decoder = codec === 'opus' ? await createOpusPacketDecoder(headers[0]!, options.preferredSampleRate, label) : await createVorbisPacketDecoder(headers, label);
    const preSkip = codec === 'opus' ? parseOpusHead(headers[0]!).preSkip : 0;
    let granule = -1;
    async function* audio(): AsyncGenerator<Uint8Array> {
      for (;;) {
        const next = await packets.next();
        if (next.done) return;
        if (next.value.granulePosition >= 0) granule = next.value.granulePosition;
        yield next.value.data;
      }
    }
    const endSample = () => {
      if (granule < 0) return Infinity;
      return codec === 'opus' ? Math.round(((granule - preSkip) * decoder.sampleRate) / 48000) : granule;
    };
    yield* decodePackets(audio(), decoder, { signal: options.signal, endSample });
  } finally {
    await packets.return(undefined);
  }
}
