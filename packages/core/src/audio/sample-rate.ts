import { InvalidAudioError } from '../errors';

/** Lowest input sample rate accepted, in Hz (below telephone quality nothing is worth transcribing). */
export const MIN_SAMPLE_RATE = 4000;
/** Highest input sample rate accepted, in Hz (768 kHz is the highest rate real recorders write). */
export const MAX_SAMPLE_RATE = 768000;
/** The rate of every uploaded chunk and of the voice-activity detector (contract 5.1). */
export const SPEECH_SAMPLE_RATE = 16000;

/** Throws InvalidAudioError unless `rate` is an integer in [MIN_SAMPLE_RATE, MAX_SAMPLE_RATE]; `what` names the source. */
export function assertSampleRate(rate: number, what: string): void {
  if (!Number.isInteger(rate) || rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
    throw new InvalidAudioError(
      `${what} has sample rate ${String(rate)} Hz; it must be a whole number of Hz from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE}.`,
      { details: { sample_rate: rate } },
    );
  }
}
