import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConfigError, createSileroDetector, detectorOwningModel, SILERO_FRAME_SAMPLES, type VoiceActivityDetector } from '@scribe/core/internal';
import type { DirectSessionOptions } from './onnx-direct-session';
import { importOnnxRuntime, loadDirectOnnxRunner, loadSessionOnnxRunner, type NodeOnnxRunner, type OrtModule } from './onnx-node-runner';
import { loadWasmOnnxRunner, type WasmOnnxRunner } from './onnx-wasm-runner';

/** Which ONNX runtime runs the model: onnxruntime-node (native) or onnxruntime-web's WebAssembly build. */
export type SileroRuntime = 'auto' | 'native' | 'wasm';

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
  /**
   * `native`: onnxruntime-node, an error when it cannot be loaded; `wasm`: onnxruntime-web's WebAssembly build
   * (about 2.5 times the CPU per frame, still about 90 times faster than real time); `auto`: native when
   * onnxruntime-node loads, else WebAssembly. onnxruntime-node is an optional dependency that npm leaves out when its
   * install script fails (see docs/install.md). Default `auto`.
   */
  runtime?: SileroRuntime;
}

/** A loaded Silero model: load it once per client, then `createDetector()` per audio stream. */
export interface SileroModel {
  /** The ONNX file the model was loaded from. */
  readonly modelPath: string;
  /**
   * How frames reach onnxruntime: onnxruntime-node's native session directly (`direct`), its public `InferenceSession`
   * (`session`), or onnxruntime-web's WebAssembly build (`wasm`, the fallback without onnxruntime-node).
   */
  readonly inference: 'direct' | 'session' | 'wasm';
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

/** Loads the Silero VAD v5 model into one onnxruntime session, native or WebAssembly (single-threaded unless told otherwise). */
export async function loadSileroModel(options: SileroModelOptions = {}): Promise<SileroModel> {
  const modelPath = options.modelPath ?? resolveSileroModelPath();
  let bytes: Uint8Array;
  try {
    // Read once here: the native runtime loads these bytes (no second read) and the WebAssembly one can only take bytes.
    bytes = new Uint8Array(await readFile(modelPath));
  } catch (error) {
    throw new ConfigError(`The Silero VAD model file ${modelPath} does not exist or cannot be read.`, { cause: error });
  }
  const sessionOptions: DirectSessionOptions = {
    intraOpNumThreads: options.intraOpNumThreads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
  const runner = await loadRunner(bytes, modelPath, sessionOptions, options);
  return {
    modelPath,
    inference: runner.inference,
    createDetector: () => createSileroDetector({ runner, yieldToHost }),
    dispose: () => runner.dispose(),
  };
}

// onnxruntime-node when it loads (`auto`, `native`), else onnxruntime-web's WebAssembly build (`auto`, `wasm`).
async function loadRunner(bytes: Uint8Array, modelPath: string, options: DirectSessionOptions, sileroOptions: SileroModelOptions): Promise<NodeOnnxRunner | WasmOnnxRunner> {
  const runtime = sileroOptions.runtime ?? 'auto';
  if (runtime !== 'wasm') {
    let ort: OrtModule | undefined;
    try {
      ort = await importOnnxRuntime();
    } catch (error) {
      if (runtime === 'native') throw error;
    }
    if (ort) return loadNativeRunner(ort, bytes, modelPath, options, sileroOptions.directSession ?? true);
  }
  try {
    return await loadWasmOnnxRunner(bytes, { numThreads: options.intraOpNumThreads });
  } catch (error) {
    throw new ConfigError(`onnxruntime-web could not load the Silero VAD model ${modelPath}. Reinstall @scribe/node, or install onnxruntime-node.`, { cause: error });
  }
}

// The direct native session when it loads and answers a first frame sensibly, else the public InferenceSession.
async function loadNativeRunner(ort: OrtModule, bytes: Uint8Array, modelPath: string, options: DirectSessionOptions, direct: boolean): Promise<NodeOnnxRunner> {
  const directRunner = direct ? loadDirectOnnxRunner(ort, bytes, options) : undefined;
  if (directRunner && (await answersFrame(directRunner))) return directRunner;
  await directRunner?.dispose();
  try {
    return await loadSessionOnnxRunner(ort, bytes, options);
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
