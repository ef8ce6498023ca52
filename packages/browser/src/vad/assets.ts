import { ConfigError } from '@scribe/core/internal';

/** The Silero VAD v5 model's file name (from @ricky0123/vad-web; the same file @scribe/node ships). */
export const SILERO_MODEL_FILE = 'silero_vad_v5.onnx';
/** onnxruntime-web's WebAssembly binary (single- and multi-threaded in one file). */
export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.wasm';
/** onnxruntime-web's Emscripten loader, used by its non-bundled builds (`require`, `onnxruntime-web-use-extern-wasm`). */
export const ORT_LOADER_FILE = 'ort-wasm-simd-threaded.mjs';

/** Where the model and onnxruntime-web's files are fetched from. */
export interface BrowserAssets {
  /** The Silero model's URL. */
  modelUrl: string;
  /** What is written to onnxruntime-web's `env.wasm.wasmPaths`. */
  wasmPaths: { wasm: string; mjs: string };
}

/**
 * The asset URLs: under `assetBaseUrl` when given (relative URLs resolve against the page), else the copies the build
 * of @scribe/browser puts beside its own `dist/index.js`, referenced with `new URL(file, import.meta.url)` so that
 * Vite's build and webpack 5 emit them as assets by themselves (docs/browser.md, "Serving the model and the ONNX
 * runtime").
 */
export function resolveAssets(assetBaseUrl?: string | URL): BrowserAssets {
  if (assetBaseUrl === undefined) {
    return {
      // Each URL is written out in full: bundlers only recognise `new URL('<literal>', import.meta.url)`.
      modelUrl: new URL('./silero_vad_v5.onnx', import.meta.url).href,
      wasmPaths: {
        wasm: new URL('./ort-wasm-simd-threaded.wasm', import.meta.url).href,
        mjs: new URL('./ort-wasm-simd-threaded.mjs', import.meta.url).href,
      },
    };
  }
  const base = toDirectoryUrl(assetBaseUrl);
  return {
    modelUrl: new URL(SILERO_MODEL_FILE, base).href,
    wasmPaths: { wasm: new URL(ORT_WASM_FILE, base).href, mjs: new URL(ORT_LOADER_FILE, base).href },
  };
}

// `/assets/scribe` and `/assets/scribe/` both mean the directory; a relative URL resolves against the page.
function toDirectoryUrl(value: string | URL): URL {
  const text = String(value);
  if (text.length === 0) throw new ConfigError('assetBaseUrl must not be empty: give the URL of the directory that serves the model and the ONNX runtime files.');
  const withSlash = text.endsWith('/') ? text : `${text}/`;
  try {
    return new URL(withSlash, globalThis.location?.href);
  } catch (error) {
    throw new ConfigError(`assetBaseUrl ${JSON.stringify(text)} is not a URL.`, { cause: error });
  }
}
