import { ConfigError, InvalidAudioError } from '../errors';
import type { OnnxRun, OnnxRunner, OnnxTensor } from './onnx-runner';
import type { VoiceActivityDetector } from './voice-activity-detector';

/** Silero VAD v5's input rate in Hz. */
export const SILERO_SAMPLE_RATE = 16000;
/** Samples per Silero v5 frame at 16 kHz (32 ms). */
export const SILERO_FRAME_SAMPLES = 512;
// Silero v5 reads the last 64 samples of the previous frame before the new 512; without them it misses speech.
const CONTEXT_SAMPLES = 64;
const STATE_DIMS = [2, 1, 128] as const;
const STATE_SIZE = 2 * 128;

/** Options of `createSileroDetector`. */
export interface SileroDetectorOptions {
  /** The loaded Silero v5 model (inputs `input`, `state`, `sr`; outputs `output`, `stateN`), shared by any number of detectors. Required. */
  runner: OnnxRunner;
  /**
   * Gives the host's event loop a turn. A synchronous runner never does by itself, so a long decoded block would hold
   * the loop; the detector awaits this once every `framesPerYield` frames (the platform package passes its own yield). Unused with an
   * asynchronous runner. Default: none (never yields).
   */
  yieldToHost?: () => Promise<void>;
  /** Frames between two `yieldToHost` calls on a synchronous runner. Default 16 (about 2 ms of CPU on one core). */
  framesPerYield?: number;
}

/**
 * A Silero VAD v5 detector on a shared ONNX runner: its own 64-sample context, two recurrent state buffers used
 * in turn (one is this frame's input while the runtime writes the next into the other), and preallocated tensors, so
 * a frame costs one inference and no allocation. Overlapping `process` calls run in order; the caller may reuse its
 * frame buffer as soon as `process` returns. `dispose` releases the detector, not the runner.
 */
export function createSileroDetector(options: SileroDetectorOptions): VoiceActivityDetector {
  return new SileroDetector(options);
}

class SileroDetector implements VoiceActivityDetector {
  readonly sampleRate = SILERO_SAMPLE_RATE;
  readonly frameSamples = SILERO_FRAME_SAMPLES;
  private readonly runner: OnnxRunner;
  private readonly yieldToHost: (() => Promise<void>) | undefined;
  private readonly framesPerYield: number;
  private readonly contextWindow = new Float32Array(CONTEXT_SAMPLES + SILERO_FRAME_SAMPLES);
  private readonly output = new Float32Array(1);
  private readonly states = [new Float32Array(STATE_SIZE), new Float32Array(STATE_SIZE)] as const;
  // runs[i] reads states[i] and writes states[1 - i].
  private readonly runs: readonly [OnnxRun, OnnxRun];
  private readonly sync: boolean;
  private current: 0 | 1 = 0;
  private sinceYield = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private disposed = false;

  constructor(options: SileroDetectorOptions) {
    this.runner = options.runner;
    this.yieldToHost = options.yieldToHost;
    this.framesPerYield = options.framesPerYield ?? 16;
    if (!(Number.isInteger(this.framesPerYield) && this.framesPerYield >= 1)) {
      throw new ConfigError(`framesPerYield must be a whole number of frames ≥ 1, got ${String(options.framesPerYield)}.`);
    }
    const input: OnnxTensor = { type: 'float32', data: this.contextWindow, dims: [1, this.contextWindow.length] };
    const sr: OnnxTensor = { type: 'int64', data: BigInt64Array.of(BigInt(SILERO_SAMPLE_RATE)), dims: [] };
    const output: OnnxTensor = { type: 'float32', data: this.output, dims: [1, 1] };
    const [a, b] = this.states.map((data): OnnxTensor => ({ type: 'float32', data, dims: STATE_DIMS }));
    this.runs = [this.runner.bind({ input, state: a!, sr }, { output, stateN: b! }), this.runner.bind({ input, state: b!, sr }, { output, stateN: a! })];
    this.sync = this.runs[0].sync;
  }

  process(frame: Float32Array): Promise<number> {
    if (this.disposed || this.runner.disposed) return Promise.reject(new ConfigError('This Silero detector (or its model) has been disposed.'));
    if (frame.length !== SILERO_FRAME_SAMPLES) {
      return Promise.reject(
        new InvalidAudioError(`Silero VAD frames must hold exactly ${SILERO_FRAME_SAMPLES} samples at ${SILERO_SAMPLE_RATE} Hz; got ${frame.length}.`),
      );
    }
    // The caller may reuse its buffer as soon as this returns: an idle detector takes the samples into its context buffer now;
    // one still busy with earlier frames keeps a copy until their turn.
    if (this.pending === 0) {
      this.load(frame);
      const yieldFirst = this.yieldDue();
      // A synchronous runner with nothing queued and no yield due answers at once: no queue, no await.
      if (this.sync && !yieldFirst) {
        try {
          return Promise.resolve(this.infer(false) as number);
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return this.enqueue(async () => this.infer(yieldFirst));
    }
    const copy = frame.slice();
    return this.enqueue(async () => {
      this.load(copy);
      return this.infer(this.yieldDue());
    });
  }

  reset(): void {
    // Frames sent before the reset still finish against the old stream's state.
    if (this.pending === 0) this.clear();
    else void this.enqueue(async () => this.clear());
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
  }

  private clear(): void {
    this.contextWindow.fill(0);
    this.states[this.current].fill(0);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const run = this.queue.then(task).finally(() => {
      this.pending -= 1;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Moves the previous frame's last 64 samples to the front as context, then the new frame after them. */
  private load(frame: Float32Array): void {
    this.contextWindow.copyWithin(0, SILERO_FRAME_SAMPLES);
    this.contextWindow.set(frame, CONTEXT_SAMPLES);
  }

  // Counts a frame towards the next yield (synchronous runners only); true for the frame that yields first.
  private yieldDue(): boolean {
    if (!this.sync || this.yieldToHost === undefined) return false;
    this.sinceYield += 1;
    if (this.sinceYield < this.framesPerYield) return false;
    this.sinceYield = 0;
    return true;
  }

  /** One inference on the current state; synchronous (a number) when the runner is and no yield comes first. */
  private infer(yieldFirst: boolean): number | Promise<number> {
    if (yieldFirst) return this.yieldToHost!().then(() => this.infer(false));
    if (this.runner.disposed) throw new ConfigError('The Silero model was disposed while frames were queued.');
    const run = this.runs[this.current];
    if (run.sync) {
      run.run();
      return this.advance();
    }
    return run.run().then(() => this.advance());
  }

  private advance(): number {
    this.current = this.current === 0 ? 1 : 0;
    return this.output[0] ?? 0;
  }
}
