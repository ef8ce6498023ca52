/** A stretch of the original timeline, in samples, that a chunk contains. */
export interface SampleSpan {
  /** First sample (inclusive). */
  startSample: number;
  /** Sample after the last (exclusive). */
  endSample: number;
}

/** Frames taken out of the content: their samples and the timeline stretches they came from. */
export interface TakenFrames {
  /** 16-bit samples, the spans one after another. */
  samples: Int16Array;
  /** Timeline stretches, in order; adjacent frames of the timeline form one span. */
  spans: SampleSpan[];
}

/**
 * The audio waiting to become chunks: whole frames (16-bit samples, speech probability, timeline frame index) in
 * arrival order. Gaps between segments are simply absent, so the timeline index may jump between frames. Storage is
 * reused and grows by doubling; it never holds more than the chunker lets accumulate.
 */
export class ChunkContent {
  /** Frames held. */
  length = 0;
  private samples: Int16Array;
  private probabilities: Float32Array;
  private timeline: Float64Array;

  /** `frameSamples` samples per frame; `initialFrames` of capacity (grows when exceeded). */
  constructor(
    private readonly frameSamples: number,
    initialFrames: number,
  ) {
    this.samples = new Int16Array(initialFrames * frameSamples);
    this.probabilities = new Float32Array(initialFrames);
    this.timeline = new Float64Array(initialFrames);
  }

  /** Appends one frame. */
  append(samples: Int16Array, probability: number, timelineFrame: number): void {
    if (this.length === this.probabilities.length) this.grow();
    this.samples.set(samples, this.length * this.frameSamples);
    this.probabilities[this.length] = probability;
    this.timeline[this.length] = timelineFrame;
    this.length += 1;
  }

  /** Drops trailing frames whose timeline index is `timelineFrame` or later (speech ended before them). */
  truncateFrom(timelineFrame: number): void {
    while (this.length > 0 && this.timeline[this.length - 1]! >= timelineFrame) this.length -= 1;
  }

  /** Probability of the frame at `index`. */
  probability(index: number): number {
    return this.probabilities[index]!;
  }

  /** Timeline index of the frame at `index`. */
  timelineFrame(index: number): number {
    return this.timeline[index]!;
  }

  /** Removes the first `count` frames and returns them; `endSample` clips the stream's last, zero-padded frame. */
  take(count: number, endSample: number): TakenFrames {
    const spans: SampleSpan[] = [];
    for (let i = 0; i < count; i++) {
      const frame = this.timeline[i]!;
      const last = spans[spans.length - 1];
      const start = frame * this.frameSamples;
      const end = Math.min(start + this.frameSamples, endSample);
      if (last && last.endSample === start) last.endSample = end;
      else spans.push({ startSample: start, endSample: end });
    }
    const sampleCount = spans.reduce((sum, span) => sum + span.endSample - span.startSample, 0);
    const samples = this.samples.slice(0, sampleCount);
    this.samples.copyWithin(0, count * this.frameSamples, this.length * this.frameSamples);
    this.probabilities.copyWithin(0, count, this.length);
    this.timeline.copyWithin(0, count, this.length);
    this.length -= count;
    return { samples, spans };
  }

  private grow(): void {
    const frames = Math.max(16, this.probabilities.length * 2);
    const samples = new Int16Array(frames * this.frameSamples);
    samples.set(this.samples.subarray(0, this.length * this.frameSamples));
    const probabilities = new Float32Array(frames);
    probabilities.set(this.probabilities.subarray(0, this.length));
    const timeline = new Float64Array(frames);
    timeline.set(this.timeline.subarray(0, this.length));
    this.samples = samples;
    this.probabilities = probabilities;
    this.timeline = timeline;
  }
}
