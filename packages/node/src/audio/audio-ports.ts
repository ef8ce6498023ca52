/**
 * Structural copies of the audio ports declared in @scribe/core (`packages/core/src/audio`): @scribe/core does not
 * export them yet. They match core's declarations member for member, so values typed here satisfy core's types;
 * switch these to `import type { ... } from '@scribe/core'` once core exports its audio module.
 */

/** A block of decoded audio: planar float channels in [-1, 1] at one sample rate (core's `PcmBlock`). */
export interface PcmBlock {
  /** One array per channel, all of the same length. */
  channels: readonly Float32Array[];
  /** Samples per second per channel. */
  sampleRate: number;
}

/** One frame of 16 kHz mono float samples in, a speech probability out (core's `VoiceActivityDetector`). */
export interface VoiceActivityDetector {
  /** Sample rate the detector expects, in Hz. */
  readonly sampleRate: number;
  /** Samples per frame. */
  readonly frameSamples: number;
  /** Speech probability in [0, 1] of exactly `frameSamples` samples, given every earlier frame since reset. */
  process(frame: Float32Array): Promise<number>;
  /** Forgets the recurrent state, so the next frame starts a new, independent stream. */
  reset(): void;
  /** Releases the model; the detector is unusable afterwards. */
  dispose(): Promise<void>;
}
