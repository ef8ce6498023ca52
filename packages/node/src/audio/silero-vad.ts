import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Ort from 'onnxruntime-node';
import { ConfigError, InvalidAudioError, type VoiceActivityDetector } from '@scribe/core';
import { loadDirectSession, type DirectSession, type DirectSessionOptions } from './onnx-direct-session';

type OrtModule = typeof Ort;

const SAMPLE_RATE = 16000;
const FRAME_SAMPLES = 512;
// Silero v5 reads the last 64 samples of the previous frame before the new 512; without them it misses speech.
const CONTEXT_SAMPLES = 64;
const STATE_SHAPE = [2, 1, 128];
const STATE_SIZE = 2 * 128;
// Direct (synchronous) inference yields to the event loop once per this many frames: about 2 ms of CPU.
const FRAMES_PER_YIELD = 16;

/** Options for loading the Silero VAD model. */
export interface SileroModelOptions {
  /** Path to a Silero VAD v5 ONNX file. Default: `silero_vad_v5.onnx` from the installed `@ricky0123/vad-web`. */
  modelPath?: string;
  /**
   * Threads one inference may use. Default 1: a 32 ms frame is too small to gain from more, and concurrent streams
   * then each get a core instead of fighting over a pool.
   */
  intraOpNumThreads?: number;
  /**
   * Run frames through onnxruntime-node's native session directly, synchronously, rather than through the public
   * `InferenceSession.run`, which adds a promise and a `setImmediate` to each 32 ms frame (about 7 % of the CPU).
   * Same model, same numbers; falls back to the public API by itself when the package's internals differ. Default true.
   */
  directSession?: boolean;
}

/** A loaded Silero model: load it once per client, then `createDetector()` per audio stream. */
export interface SileroModel {
  /** The ONNX file the model was loaded from. */
  readonly modelPath: string;
  /** How frames reach onnxruntime: its native session directly (`direct`), or its public `InferenceSession` (`session`). */
  readonly inference: 'direct' | 'session';
  /** A detector with its own recurrent state and context; any number may share this model concurrently. */
  createDetector(): VoiceActivityDetector;
  /** Releases the inference session; detectors created from it fail afterwards. */
  dispose(): Promise<void>;
}

/** Where the bundled Silero v5 model lives: `dist/silero_vad_v5.onnx` of the installed `@ricky0123/vad-web`. */
export function resolveSileroModelPath(): string {
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', 'silero_vad_v5.onnx');
  } catch (error) {
    throw new ConfigError('The Silero VAD model comes from the @ricky0123/vad-web package, which is not installed.', { cause: error });
  }
}

/** Loads the Silero VAD v5 model into one onnxruntime-node session (single-threaded unless told otherwise). */
export async function loadSileroModel(options: SileroModelOptions = {}): Promise<SileroModel> {
  const modelPath = options.modelPath ?? resolveSileroModelPath();
  try {
    await access(modelPath);
  } catch (error) {
    throw new ConfigError(`The Silero VAD model file ${modelPath} does not exist or cannot be read.`, { cause: error });
  }
  const ort = await importOnnxRuntime();
  const sessionOptions: DirectSessionOptions = {
    intraOpNumThreads: options.intraOpNumThreads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
  const shared = await loadInference(ort, modelPath, sessionOptions, options.directSession ?? true);
  return {
    modelPath,
    inference: shared.direct ? 'direct' : 'session',
    createDetector: () => new SileroDetector(shared),
    dispose: () => shared.release(),
  };
}

// The direct native session when it loads (and answers a first frame sensibly), else the public InferenceSession.
async function loadInference(ort: OrtModule, modelPath: string, options: DirectSessionOptions, direct: boolean): Promise<SharedModel> {
  const sampleRateTensor = new ort.Tensor('int64', BigInt64Array.of(BigInt(SAMPLE_RATE)), []);
  let released = false;
  const directSession = direct ? loadDirectSession(modelPath, options) : undefined;
  if (directSession && answersFrame(ort, directSession, sampleRateTensor)) {
    return {
      ort,
      sampleRateTensor,
      direct: true,
      run: (feeds, fetches) => directSession.run(feeds, fetches),
      isReleased: () => released,
      release: async () => {
        if (released) return;
        released = true;
        directSession.dispose();
      },
    };
  }
  directSession?.dispose();
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath, options);
  } catch (error) {
    throw new ConfigError(`onnxruntime-node could not load the Silero VAD model ${modelPath}.`, { cause: error });
  }
  return {
    ort,
    sampleRateTensor,
    direct: false,
    run: async (feeds, fetches) => void (await session.run(feeds, fetches)),
    isReleased: () => released,
    release: async () => {
      if (released) return;
      released = true;
      await session.release();
    },
  };
}

// One frame of silence through the direct session must give a probability in [0, 1] and a new state.
function answersFrame(ort: OrtModule, session: DirectSession, sampleRateTensor: Ort.Tensor): boolean {
  try {
    const output = new ort.Tensor('float32', new Float32Array([Number.NaN]), [1, 1]);
    const feeds = { input: new ort.Tensor('float32', new Float32Array(CONTEXT_SAMPLES + FRAME_SAMPLES), [1, CONTEXT_SAMPLES + FRAME_SAMPLES]), state: new ort.Tensor('float32', new Float32Array(STATE_SIZE), STATE_SHAPE), sr: sampleRateTensor };
    session.run(feeds, { output, stateN: new ort.Tensor('float32', new Float32Array(STATE_SIZE), STATE_SHAPE) });
    const probability = (output.data as Float32Array)[0]!;
    return probability >= 0 && probability <= 1;
  } catch {
    return false;
  }
}

/** A detector that owns its model: convenient for one stream; load a `SileroModel` to share it among many. */
export async function createSileroVad(options: SileroModelOptions = {}): Promise<VoiceActivityDetector> {
  const model = await loadSileroModel(options);
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

interface SharedModel {
  ort: OrtModule;
  sampleRateTensor: Ort.Tensor;
  /** True when frames go through the native session directly (synchronously). */
  direct: boolean;
  /** Runs one frame into the preallocated output tensors. */
  run(feeds: Record<string, Ort.Tensor>, fetches: Record<string, Ort.Tensor>): Promise<void> | void;
  isReleased(): boolean;
  release(): Promise<void>;
}

/** One stream's view of a shared model: its own window, state and preallocated tensors. */
class SileroDetector implements VoiceActivityDetector {
  readonly sampleRate = SAMPLE_RATE;
  readonly frameSamples = FRAME_SAMPLES;
  private readonly window = new Float32Array(CONTEXT_SAMPLES + FRAME_SAMPLES);
  private readonly input: Ort.Tensor;
  private readonly output: Ort.Tensor;
  // Two state tensors used in turn: one is this frame's input while the session writes the next into the other.
  private readonly states: [Ort.Tensor, Ort.Tensor];
  private current: 0 | 1 = 0;
  private sinceYield = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private disposed = false;

  constructor(private readonly model: SharedModel) {
    const { Tensor } = model.ort;
    this.input = new Tensor('float32', this.window, [1, this.window.length]);
    this.output = new Tensor('float32', new Float32Array(1), [1, 1]);
    this.states = [new Tensor('float32', new Float32Array(STATE_SIZE), STATE_SHAPE), new Tensor('float32', new Float32Array(STATE_SIZE), STATE_SHAPE)];
  }

  process(frame: Float32Array): Promise<number> {
    if (this.disposed || this.model.isReleased()) return Promise.reject(new ConfigError('This Silero detector (or its model) has been disposed.'));
    if (frame.length !== FRAME_SAMPLES) {
      return Promise.reject(new InvalidAudioError(`Silero VAD frames must hold exactly ${FRAME_SAMPLES} samples at ${SAMPLE_RATE} Hz; got ${frame.length}.`));
    }
    // The caller may reuse its buffer as soon as this returns: an idle detector takes the samples into its window now;
    // one still busy with earlier frames (overlapping calls run in order) keeps a copy until their turn.
    if (this.pending === 0) {
      this.load(frame);
      return this.enqueue(() => this.infer());
    }
    const copy = frame.slice();
    return this.enqueue(() => {
      this.load(copy);
      return this.infer();
    });
  }

  reset(): void {
    // Queued so that frames sent before the reset still finish against the old stream's state.
    void this.enqueue(async () => {
      this.window.fill(0);
      (this.states[this.current].data as Float32Array).fill(0);
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
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
    this.window.copyWithin(0, FRAME_SAMPLES);
    this.window.set(frame, CONTEXT_SAMPLES);
  }

  private async infer(): Promise<number> {
    if (this.model.isReleased()) throw new ConfigError('The Silero model was disposed while frames were queued.');
    const next = this.current === 0 ? 1 : 0;
    const feeds = { input: this.input, state: this.states[this.current], sr: this.model.sampleRateTensor };
    const fetches = { output: this.output, stateN: this.states[next] };
    // The direct session is synchronous: every few frames the event loop gets a turn (sockets, timers, the upload in
    // flight), so a long decoded block never holds it for more than a couple of milliseconds.
    if (this.model.direct && ++this.sinceYield >= FRAMES_PER_YIELD) {
      this.sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.model.run(feeds, fetches);
    this.current = next;
    return (this.output.data as Float32Array)[0] ?? 0;
  }
}

async function importOnnxRuntime(): Promise<OrtModule> {
  try {
    // Imported on first use so that applications that never run VAD never load the native runtime.
    const module = (await import('onnxruntime-node')) as OrtModule & { default?: OrtModule };
    return module.default ?? module;
  } catch (error) {
    throw new ConfigError('Voice-activity detection needs the onnxruntime-node package, which could not be loaded.', { cause: error });
  }
}
