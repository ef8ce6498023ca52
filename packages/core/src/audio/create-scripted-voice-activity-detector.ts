import type { VoiceActivityDetector } from './voice-activity-detector';

/** Options of `createScriptedVoiceActivityDetector`. */
export interface ScriptedVoiceActivityDetectorOptions {
  /** The probability of frame `frameIndex` (counted from the last reset), given its samples. Required. */
  probability: (frameIndex: number, frame: Float32Array) => number;
  /** Samples per frame. Default 512. */
  frameSamples?: number;
}

/**
 * A VoiceActivityDetector whose answers come from a function: a script of probabilities, or a rule on the samples
 * (frame energy). For tests and for environments without a model; it never loads anything.
 */
export function createScriptedVoiceActivityDetector(options: ScriptedVoiceActivityDetectorOptions): VoiceActivityDetector & { readonly framesProcessed: number } {
  const frameSamples = options.frameSamples ?? 512;
  let frameIndex = 0;
  let processed = 0;
  let disposed = false;
  return {
    sampleRate: 16000,
    frameSamples,
    async process(frame) {
      if (disposed) throw new Error('The voice-activity detector has been disposed.');
      if (frame.length !== frameSamples) throw new RangeError(`Expected a ${frameSamples}-sample frame, got ${frame.length}.`);
      processed += 1;
      return options.probability(frameIndex++, frame);
    },
    reset() {
      frameIndex = 0;
    },
    async dispose() {
      disposed = true;
    },
    get framesProcessed() {
      return processed;
    },
  };
}

/** Root-mean-square level of a frame: a crude speech cue for scripted detectors. */
export function frameRms(frame: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i++) sum += frame[i]! * frame[i]!;
  return Math.sqrt(sum / Math.max(1, frame.length));
}
