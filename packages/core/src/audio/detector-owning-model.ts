import type { VoiceActivityDetector } from './voice-activity-detector';

/** A loaded voice-activity model (Silero on either platform): detectors share it, each with its own state. */
export interface VoiceActivityModel {
  /** A detector with its own recurrent state over this model. */
  createDetector(): VoiceActivityDetector;
  /** Releases the model; detectors created from it fail afterwards. */
  dispose(): Promise<void>;
}

/**
 * A detector over a model of its own, which its `dispose()` releases too: what the one-stream convenience calls
 * (`createSileroVad`, `createBrowserSileroDetector`) return, where no one else holds the model.
 */
export function detectorOwningModel(model: VoiceActivityModel): VoiceActivityDetector {
  const detector = model.createDetector();
  return {
    sampleRate: detector.sampleRate,
    frameSamples: detector.frameSamples,
    process: (frame) => detector.process(frame),
    reset: () => detector.reset(),
    dispose: async () => {
      await detector.dispose();
      await model.dispose();
    },
  };
}
