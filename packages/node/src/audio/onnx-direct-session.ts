import { createRequire } from 'node:module';
import type * as Ort from 'onnxruntime-node';

/** Session options both onnxruntime-node's public API and its native session accept. */
export type DirectSessionOptions = Pick<Ort.InferenceSession.SessionOptions, 'intraOpNumThreads' | 'interOpNumThreads' | 'executionMode' | 'graphOptimizationLevel'>;

/** A model loaded straight into onnxruntime-node's native session: `run` is synchronous. */
export interface DirectSession {
  /** Runs the model, writing into the preallocated `fetches` tensors. */
  run(feeds: Record<string, Ort.Tensor>, fetches: Record<string, Ort.Tensor>): void;
  /** Releases the native session. */
  dispose(): void;
}

interface NativeSession {
  loadModel(path: string, options: object): void;
  loadModel(buffer: ArrayBufferLike, byteOffset: number, byteLength: number, options: object): void;
  run(feeds: object, fetches: object, options: object): unknown;
  dispose(): void;
}

interface NativeBindingModule {
  binding?: { InferenceSession?: new () => NativeSession };
  initOrt?: () => void;
}

/**
 * Loads a model (a file path or its bytes) into onnxruntime-node's native session directly, the object its public `InferenceSession` wraps.
 * The public `run` defers every call to a `setImmediate` and a promise before making this same synchronous native
 * call; for Silero's 32 ms frames that wrapping costs about 7 % of the CPU time (docs/benchmarks.md, "Silero side by
 * side"). This reaches into the package's `dist/binding.js`, which is not a public API: anything unexpected there
 * (another onnxruntime-node version, another layout) returns undefined, and the caller uses the public API instead.
 */
export function loadDirectSession(model: string | Uint8Array, options: DirectSessionOptions): DirectSession | undefined {
  let native: NativeSession;
  try {
    const module = createRequire(import.meta.url)('onnxruntime-node/dist/binding.js') as NativeBindingModule;
    const Session = module.binding?.InferenceSession;
    if (typeof Session !== 'function' || typeof module.initOrt !== 'function') return undefined;
    module.initOrt();
    native = new Session();
    if (typeof native.loadModel !== 'function' || typeof native.run !== 'function' || typeof native.dispose !== 'function') return undefined;
    // The same two forms onnxruntime-node's own session handler passes: a file path, or a byte range.
    if (typeof model === 'string') native.loadModel(model, { ...options });
    else native.loadModel(model.buffer, model.byteOffset, model.byteLength, { ...options });
  } catch {
    return undefined;
  }
  return {
    run: (feeds, fetches) => void native.run(feeds, fetches, {}),
    dispose: () => native.dispose(),
  };
}
