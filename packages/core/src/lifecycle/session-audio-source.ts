import type { PcmBlockSource } from '../audio/pcm-block';

/**
 * The audio-source port of a session controller: where its audio comes from (a microphone, a decoder reading a file,
 * PCM arriving from elsewhere). Adapters implement it; the controller opens it once, at `start()`.
 */
export interface SessionAudioSource {
  /**
   * Opens capture or decoding and returns its blocks (any rate and channel count). `signal` aborts when the session is
   * cancelled: release the device then.
   */
  open(signal: AbortSignal): PcmBlockSource | Promise<PcmBlockSource>;
  /** True for audio that arrives in real time whether read or not (a microphone): what comes in while paused is dropped. A file is read only while not paused. */
  readonly live: boolean;
  /**
   * Pauses capture at the device (a live source). With it, audio captured before the pause but not yet read is kept;
   * without it, a live source's blocks read while paused are dropped. Optional.
   */
  pause?(): void;
  /** Resumes capture after `pause`. Optional, with `pause`. */
  resume?(): void;
  /** Ends capture so that iteration finishes with the audio already captured. Without it, `stop()` stops reading at once. */
  close?(): void | Promise<void>;
  /** Names the audio in errors, e.g. "the microphone" or a file name. Default "the audio". */
  readonly description?: string;
}
