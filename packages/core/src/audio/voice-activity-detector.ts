/**
 * The voice-activity detection port: one frame of 16 kHz mono float samples in, a speech probability out. Adapters
 * implement it (Silero on onnxruntime-node in @scribe/node, onnxruntime-web in browsers); the segmenter that turns
 * probabilities into speech regions lives in core and counts frames, never wall time.
 */
export interface VoiceActivityDetector {
  /** Sample rate the detector expects, in Hz (Silero: 16000). */
  readonly sampleRate: number;
  /** Samples per frame (Silero v5: 512, i.e. 32 ms at 16 kHz). */
  readonly frameSamples: number;
  /** Speech probability in [0, 1] of exactly `frameSamples` samples in [-1, 1], given every earlier frame since reset. */
  process(frame: Float32Array): Promise<number>;
  /** Forgets the recurrent state, so the next frame starts a new, independent stream. */
  reset(): void;
  /** Releases the model; the detector is unusable afterwards. */
  dispose(): Promise<void>;
}
