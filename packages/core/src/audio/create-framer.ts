import { ConfigError } from '../errors';

/** The last, zero-padded frame of a stream and how many of its samples are real. */
export interface FinalFrame {
  /** `frameSamples` samples; those after `length` are zeros. */
  frame: Float32Array;
  /** Real samples in the frame (1 ≤ length < frameSamples). */
  length: number;
}

/** Cuts a stream of sample blocks of any size into fixed-size frames, carrying the remainder between blocks. */
export interface Framer {
  /** Samples per frame. */
  readonly frameSamples: number;
  /** Samples held back until the next block completes a frame (always < frameSamples). */
  readonly pendingSamples: number;
  /** Appends a block and returns the frames it completes (each a new array the caller may keep). */
  push(samples: Float32Array): Float32Array[];
  /** Ends the stream: the partial frame padded with zeros and its real length, or undefined when none is pending. */
  flush(): FinalFrame | undefined;
}

/** Creates a framer of `frameSamples` samples per frame (default 512, Silero's frame at 16 kHz). */
export function createFramer(frameSamples = 512): Framer {
  if (!Number.isSafeInteger(frameSamples) || frameSamples < 1) throw new ConfigError(`frameSamples must be a positive integer, got ${String(frameSamples)}.`);
  let pending = new Float32Array(frameSamples);
  let pendingLength = 0;
  return {
    frameSamples,
    get pendingSamples() {
      return pendingLength;
    },
    push(samples) {
      const frames: Float32Array[] = [];
      let offset = 0;
      if (pendingLength > 0) {
        const take = Math.min(frameSamples - pendingLength, samples.length);
        pending.set(samples.subarray(0, take), pendingLength);
        pendingLength += take;
        offset = take;
        if (pendingLength < frameSamples) return frames;
        frames.push(pending);
        pending = new Float32Array(frameSamples);
        pendingLength = 0;
      }
      for (; offset + frameSamples <= samples.length; offset += frameSamples) frames.push(samples.slice(offset, offset + frameSamples));
      pending.set(samples.subarray(offset));
      pendingLength = samples.length - offset;
      return frames;
    },
    flush() {
      if (pendingLength === 0) return undefined;
      const final = { frame: pending, length: pendingLength };
      pending = new Float32Array(frameSamples);
      pendingLength = 0;
      return final;
    },
  };
}
