import type * as OrtWeb from 'onnxruntime-web';
import { ConfigError, createQueuedSessionOnnxRunner, type OnnxRunner } from '@scribe/core/internal';

/** The onnxruntime-web module (its `wasm` entry, the only one that runs in Node). */
export type OrtWasmModule = typeof OrtWeb;

/** A runner on onnxruntime-web's WebAssembly backend, labelled like the native runners. */
export interface WasmOnnxRunner extends OnnxRunner {
  /** Always `wasm`: onnxruntime-web's WebAssembly build, one promise per run. */
  readonly inference: 'wasm';
}

/**
 * Core's ONNX-runner port on onnxruntime-web's WebAssembly backend, in Node: the fallback for when onnxruntime-node
 * is not installed (it is an optional dependency; npm leaves it out when its install script fails, see
 * docs/install.md). About 2.5 times the native runtime's CPU per frame, still about 90 times faster than real time (docs/benchmarks.md).
 * Runs of all bindings take turns, one at a time, so detectors sharing the model never overlap on the WebAssembly heap.
 */
export async function loadWasmOnnxRunner(model: Uint8Array, options: { numThreads?: number } = {}): Promise<WasmOnnxRunner> {
  const ort = await importOnnxRuntimeWasm();
  // One thread: a 32 ms frame gains nothing from more, and worker threads would outlive a short script.
  ort.env.wasm.numThreads = options.numThreads ?? 1;
  let session: OrtWeb.InferenceSession;
  try {
    session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all', executionMode: 'sequential' });
  } catch (error) {
    throw new ConfigError(`onnxruntime-web could not load the ONNX model (${model.byteLength} bytes).`, { cause: error });
  }
  const runner = createQueuedSessionOnnxRunner(ort, session, 'The Silero model was disposed; load it again to detect speech.');
  return Object.assign(runner, { inference: 'wasm' as const });
}

/** Imports onnxruntime-web's WebAssembly build on first use. */
export async function importOnnxRuntimeWasm(): Promise<OrtWasmModule> {
  try {
    const module = (await import('onnxruntime-web/wasm')) as OrtWasmModule & { default?: OrtWasmModule };
    return module.default?.InferenceSession ? module.default : module;
  } catch (error) {
    throw new ConfigError('Voice-activity detection needs onnxruntime-node or onnxruntime-web, and neither could be loaded. Reinstall @scribe/node.', { cause: error });
  }
}
