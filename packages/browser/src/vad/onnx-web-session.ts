import type * as Ort from 'onnxruntime-web';
import { ConfigError, createQueuedSessionOnnxRunner, type OnnxModelSource, type OnnxRunner } from '@scribe/core/internal';
import { ASSET_ADVICE, type OrtWebModule, type WebOnnxRunnerOptions } from './onnx-web-runner';

/** `loadWebOnnxRunner`'s work, in the module it loads on first use: onnxruntime-web, the model, the runner. */
export async function openOnnxWebSession(model: OnnxModelSource, options: WebOnnxRunnerOptions = {}): Promise<OnnxRunner> {
  const ort = options.ort ?? (await importOnnxRuntimeWeb());
  configureWasm(ort, options);
  const bytes = typeof model === 'string' ? await fetchModel(model, options.fetch) : model;
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all', executionMode: 'sequential' });
  } catch (error) {
    throw new ConfigError(`onnxruntime-web could not load the ONNX model ${describeModel(model)}. ${ASSET_ADVICE}`, { cause: error });
  }
  return createQueuedSessionOnnxRunner(ort, session, 'This ONNX model was disposed; load it again to detect speech.');
}

/** Imports onnxruntime-web's WebAssembly build on first use, so pages that never detect speech never load it. */
export async function importOnnxRuntimeWeb(): Promise<OrtWebModule> {
  try {
    const module = (await import('onnxruntime-web/wasm')) as OrtWebModule & { default?: OrtWebModule };
    return module.default?.InferenceSession ? module.default : module;
  } catch (error) {
    throw new ConfigError('Speech detection needs the onnxruntime-web package, which could not be loaded.', { cause: error });
  }
}

function configureWasm(ort: OrtWebModule, options: WebOnnxRunnerOptions): void {
  const wasm = ort.env.wasm;
  wasm.numThreads = options.numThreads ?? 1;
  if (options.wasmPaths !== undefined) wasm.wasmPaths = options.wasmPaths;
}

// The model is fetched here rather than by onnxruntime-web so that a wrong URL gives a precise error: a dev server
// answering an unknown path with its index.html (status 200) would otherwise surface as a protobuf parse failure.
async function fetchModel(url: string, fetchImpl: typeof fetch = globalThis.fetch): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new ConfigError(`The Silero model could not be fetched from ${url}. ${ASSET_ADVICE}`, { cause: error });
  }
  if (!response.ok) throw new ConfigError(`The Silero model at ${url} answered HTTP ${response.status}. ${prebundleHint(url)}${ASSET_ADVICE}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // An ONNX file is a protobuf whose first field is ir_version (tag 0x08); an HTML or JSON page starts with '<' or '{'.
  if (bytes[0] !== 0x08) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ConfigError(`${url} is not an ONNX model (${bytes.length} bytes, ${type}): the server answered with something else. ${prebundleHint(url)}${ASSET_ADVICE}`);
  }
  return bytes;
}

// Vite 7 and older pre-bundle dependencies into node_modules/.vite/deps in dev, where files beside the package's own
// module do not exist (measured; Vite 8 rewrites those URLs and needs nothing).
function prebundleHint(url: string): string {
  return url.includes('/.vite/deps/')
    ? "Vite's dev pre-bundling moved @scribe/browser away from its files: add optimizeDeps: { exclude: ['@scribe/browser'] } to vite.config, or pass assetBaseUrl. "
    : '';
}

function describeModel(model: OnnxModelSource): string {
  return typeof model === 'string' ? model : `(${model.byteLength} bytes)`;
}
