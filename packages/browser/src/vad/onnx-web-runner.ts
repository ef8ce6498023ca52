import type * as Ort from 'onnxruntime-web';
import type { OnnxModelSource, OnnxRunner } from '@scribe/core/internal';
import { loadSpeechModule } from './load-speech-module';

/** The onnxruntime-web module (its `wasm` entry is what this package loads). */
export type OrtWebModule = typeof Ort;

/** Options of {@link loadWebOnnxRunner}. */
export interface WebOnnxRunnerOptions {
  /** The onnxruntime-web module. Default: `import('onnxruntime-web/wasm')` on first use. */
  ort?: OrtWebModule;
  /**
   * Where onnxruntime-web finds `ort-wasm-simd-threaded.wasm` (and `.mjs` for its non-bundled builds): a URL prefix
   * ending in `/`, or one URL per file. Written to `ort.env.wasm.wasmPaths` before the first session. Default: left
   * as the app or onnxruntime-web set it.
   */
  wasmPaths?: string | { wasm?: string; mjs?: string };
  /** WebAssembly threads per inference. Default 1: a 32 ms frame gains nothing from more, and threads need cross-origin isolation. */
  numThreads?: number;
  /** `fetch` for a model given as a URL. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Core's ONNX-runner port on onnxruntime-web (the WebAssembly backend): every run is asynchronous. Inputs are wrapped
 * once in `bind` (the runtime reads the caller's arrays at each run); outputs are copied into the caller's arrays
 * after each run. Runs of all bindings take turns in call order, one at a time: detectors sharing the model never have
 * two inferences on the WebAssembly heap at once (onnxruntime-web 1.31 also accepted overlapping runs when measured
 * without the queue; the queue keeps that from depending on its version).
 */
export async function loadWebOnnxRunner(model: OnnxModelSource, options: WebOnnxRunnerOptions = {}): Promise<OnnxRunner> {
  // The runner's code loads with onnxruntime-web, on first use (issue 9: a page that never detects speech carries none of it).
  const { openOnnxWebSession } = await loadSpeechModule(() => import('./onnx-web-session'));
  return openOnnxWebSession(model, options);
}

/** Names the asset documentation in every asset error. */
export const ASSET_ADVICE = 'See "Serving the model and the ONNX runtime" in docs/browser.md (the `assetBaseUrl` option).';
