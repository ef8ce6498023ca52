import { ConfigError } from '../errors';

/** Options of the speech segmenter; every count is in VAD frames (512 samples = 32 ms at 16 kHz by default). */
export interface SpeechSegmenterOptions {
  /** A frame at or above this probability can start speech. Default 0.5. */
  positiveSpeechThreshold?: number;
  /** Once speaking, frames at or above this keep speech going; below it they count toward its end. Default 0.35. */
  negativeSpeechThreshold?: number;
  /** Speech shorter than this many frames (first speech frame to last) is dropped as noise. Default 8 (256 ms). */
  minSpeechFrames?: number;
  /** Frames below the negative threshold in a row that end speech (the hangover). Default 24 (768 ms). */
  redemptionFrames?: number;
  /** Frames of audio kept before speech starts. Default 10 (320 ms). */
  preSpeechPadFrames?: number;
  /** Frames of audio kept after speech ends; at most `redemptionFrames`. Default 10 (320 ms). */
  postSpeechPadFrames?: number;
  /** Samples per frame, to turn frames into sample offsets. Default 512. */
  frameSamples?: number;
  /** Sample rate of the frames, to turn samples into seconds. Default 16000. */
  sampleRate?: number;
}

/** Segmenter options with every default filled in and checked. */
export type ResolvedSegmenterOptions = Required<SpeechSegmenterOptions>;

/** Fills in the segmenter defaults; contradictory or out-of-range values are ConfigErrors. */
export function resolveSegmenterOptions(options: SpeechSegmenterOptions = {}): ResolvedSegmenterOptions {
  const resolved: ResolvedSegmenterOptions = {
    positiveSpeechThreshold: options.positiveSpeechThreshold ?? 0.5,
    negativeSpeechThreshold: options.negativeSpeechThreshold ?? 0.35,
    minSpeechFrames: options.minSpeechFrames ?? 8,
    redemptionFrames: options.redemptionFrames ?? 24,
    preSpeechPadFrames: options.preSpeechPadFrames ?? 10,
    postSpeechPadFrames: options.postSpeechPadFrames ?? 10,
    frameSamples: options.frameSamples ?? 512,
    sampleRate: options.sampleRate ?? 16000,
  };
  const { positiveSpeechThreshold: positive, negativeSpeechThreshold: negative } = resolved;
  if (!(positive > 0 && positive <= 1)) throw new ConfigError(`positiveSpeechThreshold must be in (0, 1], got ${String(positive)}.`);
  if (!(negative >= 0 && negative <= positive)) {
    throw new ConfigError(`negativeSpeechThreshold must be in [0, positiveSpeechThreshold = ${positive}], got ${String(negative)}.`);
  }
  integer(resolved, 'minSpeechFrames', 1);
  integer(resolved, 'redemptionFrames', 1);
  integer(resolved, 'preSpeechPadFrames', 0);
  integer(resolved, 'postSpeechPadFrames', 0);
  integer(resolved, 'frameSamples', 1);
  integer(resolved, 'sampleRate', 1);
  // Speech ends `redemptionFrames` after its last frame; a longer post-pad would reach into audio not yet seen.
  if (resolved.postSpeechPadFrames > resolved.redemptionFrames) {
    throw new ConfigError(`postSpeechPadFrames (${resolved.postSpeechPadFrames}) must not exceed redemptionFrames (${resolved.redemptionFrames}).`);
  }
  return resolved;
}

function integer(options: ResolvedSegmenterOptions, key: keyof ResolvedSegmenterOptions, min: number): void {
  const value = options[key];
  if (!Number.isSafeInteger(value) || value < min) throw new ConfigError(`${key} must be an integer ≥ ${min}, got ${String(value)}.`);
}
