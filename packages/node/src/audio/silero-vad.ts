import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConfigError, createSileroDetector, detectorOwningModel, SILERO_FRAME_SAMPLES, type VoiceActivityDetector } from '@scribe/core/internal';
import type { DirectSessionOptions } from './onnx-direct-session';
import { importOnnxRuntime, loadDirectOnnxRunner, loadSessionOnnxRunner, type NodeOnnxRunner } from './onnx-node-runner';

/** Options for loading the Silero VAD model. */
export interface SileroModelOptions {
  /** Path to a Silero VAD v5 ONNX file. Default: `models/silero_vad_v5.onnx`, shipped inside @scribe/node. */
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

/** Where the Silero v5 model shipped with @scribe/node lives: `models/silero_vad_v5.onnx` beside its package.json. */
export function resolveSileroModelPath(): string {
  // The package's own name resolves to itself (its exports map lists ./package.json) from dist/index.js,
  // dist/index.cjs and src/ alike.
  return join(dirname(createRequire(import.meta.url).resolve('@scribe/node/package.json')), 'models', 'silero_vad_v5.onnx');
}

/** Loads the Silero VAD v5 model into one onnxruntime-node session (single-threaded unless told otherwise). */
export async function loadSileroModel(options: SileroModelOptions = {}): Promise<SileroModel> {
  const modelPath = options.modelPath ?? resolveSileroModelPath();
  try {
    await access(modelPath);
  } catch (error) {
    throw new ConfigError(`The Silero VAD model file ${modelPath} does not exist or cannot be read.`, { cause: error });
  }
  const sessionOptions: DirectSessionOptions = {
    intraOpNumThreads: options.intraOpNumThreads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
  const runner = await loadRunner(modelPath, sessionOptions, options.directSession ?? true);
  return {
    modelPath,
    inference: runner.inference,
    createDetector: () => createSileroDetector({ runner, yieldToHost }),
    dispose: () => runner.dispose(),
  };
}

// The direct native session when it loads and answers a first frame sensibly, else the public InferenceSession.
async function loadRunner(modelPath: string, options: DirectSessionOptions, direct: boolean): Promise<NodeOnnxRunner> {
  const ort = await importOnnxRuntime();
  const directRunner = direct ? loadDirectOnnxRunner(ort, modelPath, options) : undefined;
  if (directRunner && (await answersFrame(directRunner))) return directRunner;
  await directRunner?.dispose();
  try {
    return await loadSessionOnnxRunner(ort, modelPath, options);
  } catch (error) {
    throw new ConfigError(`onnxruntime-node could not load the Silero VAD model ${modelPath}.`, { cause: error });
  }
}

// One frame of silence must give a probability in [0, 1]: a direct session that loads but misbehaves is not used.
async function answersFrame(runner: NodeOnnxRunner): Promise<boolean> {
  const detector = createSileroDetector({ runner });
  try {
    const probability = await detector.process(new Float32Array(SILERO_FRAME_SAMPLES));
    return probability >= 0 && probability <= 1;
  } catch {
    return false;
  } finally {
    await detector.dispose();
  }
}

// A synchronous runner never leaves the event loop by itself: sockets, timers and the upload in flight get a turn
// every few frames (core's detector calls this once per 16 frames, about 2 ms of CPU).
const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A detector that owns its model: convenient for one stream; load a `SileroModel` to share it among many. */
export async function createSileroVad(options: SileroModelOptions = {}): Promise<VoiceActivityDetector> {
  return detectorOwningModel(await loadSileroModel(options));
}
