/**
 * A block of decoded audio: planar float channels in [-1, 1] at one sample rate. Decoders yield these as they go, so
 * no whole file is ever held as PCM.
 */
export interface PcmBlock {
  /** One array per channel, all of the same length. */
  channels: readonly Float32Array[];
  /** Samples per second per channel. */
  sampleRate: number;
}

/** A stream of decoded audio blocks (a decoder's output, a microphone, raw PCM cut into blocks). */
export type PcmBlockSource = AsyncIterable<PcmBlock> | Iterable<PcmBlock>;
