import { resolveSegmenterOptions, type SpeechSegmenterOptions } from './speech-segmenter-options';

/** The non-speech stretch before a segment: how long, and how quiet (its mean speech probability). */
export interface PauseStats {
  /** Frames from the previous segment's last speech frame (or the stream start) to this segment's first. */
  frames: number;
  /** Mean probability over those frames; 0 when there are none. Lower is a quieter, better place to cut. */
  meanProbability: number;
}

/** Where a segment starts: known as soon as the speech is confirmed, before it ends. */
export interface SegmentStart {
  /** First frame of the segment, pre-pad included (never before the previous segment's end). */
  startFrame: number;
  /** First frame at or above the positive threshold. */
  speechStartFrame: number;
  /** `startFrame` in samples. */
  startSample: number;
  /** `startSample` in seconds. */
  startSeconds: number;
  /** The pause between the previous segment's speech and this one's. */
  pauseBefore: PauseStats;
}

/** One region of speech, pads included, in frames, samples and seconds of the segmenter's timeline. */
export interface SpeechSegment extends SegmentStart {
  /** Frame after the segment's last, post-pad included (exclusive). */
  endFrame: number;
  /** Frame after the last frame at or above the negative threshold (exclusive). */
  speechEndFrame: number;
  /** `endFrame` in samples, clipped to the stream's length at its end. */
  endSample: number;
  /** `endSample` in seconds. */
  endSeconds: number;
}

/** What the segmenter saw at one frame. Event names are kebab nouns. */
export type SpeechSegmenterEvent =
  | { type: 'speech-start'; frame: number; segment: SegmentStart }
  | { type: 'speech-end'; frame: number; segment: SpeechSegment }
  | { type: 'speech-misfire'; frame: number; speechStartFrame: number; speechEndFrame: number };

/** Turns per-frame speech probabilities into speech segments, counting frames (never reading a clock). */
export interface SpeechSegmenter {
  /** Takes the probability of the next frame; returns what happened at it, if anything. */
  push(probability: number): SpeechSegmenterEvent | undefined;
  /** Ends the stream: closes open speech (clipping its end to `totalSamples` when given) or reports a misfire. */
  flush(totalSamples?: number): SpeechSegmenterEvent | undefined;
  /** Forgets everything, starting a new stream at frame 0. */
  reset(): void;
  /** Frames pushed so far (the index of the next frame). */
  readonly frameCount: number;
  /** True while confirmed speech is open. */
  readonly speaking: boolean;
  /** While speaking, the end the segment would have if speech ended now (last speech frame + 1 + post-pad). */
  readonly provisionalEndFrame: number;
  /** Frames since the last confirmed speech frame (or the stream start); 0 while speaking. */
  readonly silentFrames: number;
}

/**
 * Creates a frame-counting speech segmenter with hysteresis. Speech starts at a frame ≥ `positiveSpeechThreshold`,
 * continues while frames stay ≥ `negativeSpeechThreshold`, and ends after `redemptionFrames` frames below it. It is
 * confirmed (`speech-start`) once it has lasted `minSpeechFrames`; shorter bursts end as `speech-misfire`. Segments
 * carry `preSpeechPadFrames` before and `postSpeechPadFrames` after, and never overlap.
 */
export function createSpeechSegmenter(options: SpeechSegmenterOptions = {}): SpeechSegmenter {
  const config = resolveSegmenterOptions(options);
  const { positiveSpeechThreshold: positive, negativeSpeechThreshold: negative, frameSamples, sampleRate } = config;
  let frames = 0;
  let inCandidate = false;
  let confirmed = false;
  let speechStart = 0;
  let lastActive = -1;
  let previousEnd = 0;
  let pending: SegmentStart | undefined;
  let pauseSum = 0; // probabilities since the last confirmed speech, while not in a candidate
  let pauseFrames = 0;
  let candidateSum = 0; // probabilities of the current candidate, returned to the pause if it misfires
  let sinceActiveSum = 0; // probabilities after the candidate's last active frame

  const toSeconds = (sample: number) => sample / sampleRate;

  function confirm(frame: number): SpeechSegmenterEvent {
    confirmed = true;
    const startFrame = Math.max(0, speechStart - config.preSpeechPadFrames, previousEnd);
    const startSample = startFrame * frameSamples;
    const pauseBefore = { frames: pauseFrames, meanProbability: pauseFrames === 0 ? 0 : pauseSum / pauseFrames };
    pending = { startFrame, speechStartFrame: speechStart, startSample, startSeconds: toSeconds(startSample), pauseBefore };
    return { type: 'speech-start', frame, segment: pending };
  }

  // Closes the candidate at `frame`; `limitFrame` clips the post-pad at the end of the stream.
  function close(frame: number, limitFrame: number, totalSamples: number): SpeechSegmenterEvent {
    inCandidate = false;
    if (!confirmed) {
      pauseSum += candidateSum;
      pauseFrames += frame - speechStart + 1;
      return { type: 'speech-misfire', frame, speechStartFrame: speechStart, speechEndFrame: lastActive + 1 };
    }
    confirmed = false;
    const endFrame = Math.min(lastActive + 1 + config.postSpeechPadFrames, limitFrame);
    const endSample = Math.min(endFrame * frameSamples, totalSamples);
    previousEnd = endFrame;
    pauseSum = sinceActiveSum;
    pauseFrames = frame - lastActive;
    const segment: SpeechSegment = { ...pending!, endFrame, speechEndFrame: lastActive + 1, endSample, endSeconds: toSeconds(endSample) };
    pending = undefined;
    return { type: 'speech-end', frame, segment };
  }

  function reset(): void {
    frames = 0;
    inCandidate = confirmed = false;
    speechStart = previousEnd = 0;
    lastActive = -1;
    pending = undefined;
    pauseSum = pauseFrames = candidateSum = sinceActiveSum = 0;
  }

  return {
    push(raw) {
      const frame = frames++;
      // A detector that returns NaN or strays outside [0, 1] is read as "no speech" / clamped, never trusted blindly.
      const probability = raw > 1 ? 1 : raw >= 0 ? raw : 0;
      if (!inCandidate) {
        if (probability < positive) {
          pauseSum += probability;
          pauseFrames += 1;
          return undefined;
        }
        inCandidate = true;
        speechStart = frame;
        candidateSum = 0;
      }
      candidateSum += probability;
      if (probability >= negative) {
        lastActive = frame;
        sinceActiveSum = 0;
        if (!confirmed && frame - speechStart + 1 >= config.minSpeechFrames) return confirm(frame);
        return undefined;
      }
      sinceActiveSum += probability;
      return frame - lastActive >= config.redemptionFrames ? close(frame, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY) : undefined;
    },
    flush(totalSamples = Number.POSITIVE_INFINITY) {
      if (!inCandidate) return undefined;
      return close(frames - 1, frames, totalSamples);
    },
    reset,
    get frameCount() {
      return frames;
    },
    get speaking() {
      return confirmed;
    },
    get provisionalEndFrame() {
      return confirmed ? lastActive + 1 + config.postSpeechPadFrames : 0;
    },
    get silentFrames() {
      if (confirmed) return 0;
      return pauseFrames + (inCandidate ? frames - speechStart : 0);
    },
  };
}
