import { detectorOwningModel, type VoiceActivityDetector } from '@scribe/core/internal';
import { loadSpeechModule } from './load-speech-module';
import type { OrtWebModule } from './onnx-web-runner';

/** Options for loading the Silero VAD model in a browser. */
export interface BrowserSileroOptions {
  /**
   * The directory (URL, relative to the page or absolute) that serves `silero_vad_v5.onnx`,
   * `ort-wasm-simd-threaded.wasm` and `ort-wasm-simd-threaded.mjs`. Default: the copies inside @scribe/browser's
   * `dist/`, which Vite and webpack 5 emit by themselves (docs/browser.md, "Serving the model and the ONNX runtime").
   */
  assetBaseUrl?: string | URL;
  /** The model itself, overriding the one under `assetBaseUrl`: its URL or its bytes. Default: from `assetBaseUrl`. */
  model?: string | URL | Uint8Array;
  /** The onnxruntime-web module, for apps that load it themselves. Default: `import('onnxruntime-web/wasm')`. */
  ort?: OrtWebModule;
  /** WebAssembly threads per inference. Default 1 (more needs cross-origin isolation and gains nothing for 32 ms frames). */
  numThreads?: number;
  /** `fetch` used for the model. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** A loaded Silero model: load it once per client, then `createDetector()` per audio stream. */
export interface BrowserSileroModel {
  /** Where the model came from (`(bytes)` when passed in). */
  readonly modelUrl: string;
  /** Milliseconds from the call to a model that answered its first frame (fetch, compile, first inference). */
  readonly loadMs: number;
  /** A detector with its own recurrent state and context; any number may share this model (their runs take turns). */
  createDetector(): VoiceActivityDetector;
  /** Releases the inference session; detectors created from it fail afterwards. */
  dispose(): Promise<void>;
}

/** Loads Silero VAD v5 into onnxruntime-web (WebAssembly, one thread) and checks it answers a frame of silence. */
export async function loadBrowserSileroModel(options: BrowserSileroOptions = {}): Promise<BrowserSileroModel> {
  const started = performance.now();
  // The loading code comes with onnxruntime-web, on first use (issue 9: a page that never detects speech carries none of it).
  const { loadSileroWebModel } = await loadSpeechModule(() => import('./silero-web-model'));
  return loadSileroWebModel(options, started);
}

/** A detector that owns its model: convenient for one stream; load a `BrowserSileroModel` to share it among many. */
export async function createBrowserSileroDetector(options: BrowserSileroOptions = {}): Promise<VoiceActivityDetector> {
  return detectorOwningModel(await loadBrowserSileroModel(options));
}
