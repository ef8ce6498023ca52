import { ConfigError, createSileroDetector, SILERO_FRAME_SAMPLES, type OnnxRunner } from '@scribe/core/internal';
import { resolveAssets } from './assets';
import type { BrowserSileroModel, BrowserSileroOptions } from './browser-silero';
import { ASSET_ADVICE } from './onnx-web-runner';
import { openOnnxWebSession } from './onnx-web-session';

/** `loadBrowserSileroModel`'s work, in the module it loads on first use; `started` is when the caller was called. */
export async function loadSileroWebModel(options: BrowserSileroOptions, started: number): Promise<BrowserSileroModel> {
  const assets = resolveAssets(options.assetBaseUrl);
  const model = options.model === undefined ? assets.modelUrl : options.model instanceof URL ? options.model.href : options.model;
  const runner = await openOnnxWebSession(model, {
    ort: options.ort,
    // With an explicit model and no base URL, onnxruntime-web keeps finding its own files the way the app set it up.
    wasmPaths: options.model !== undefined && options.assetBaseUrl === undefined ? undefined : assets.wasmPaths,
    numThreads: options.numThreads,
    fetch: options.fetch,
  });
  await checkAnswers(runner);
  const loadMs = performance.now() - started;
  return {
    modelUrl: typeof model === 'string' ? model : '(bytes)',
    loadMs,
    createDetector: () => createSileroDetector({ runner }),
    dispose: () => runner.dispose(),
  };
}

// A model that loads but does not answer a frame with a probability is the wrong file: say so now, not mid-session.
async function checkAnswers(runner: OnnxRunner): Promise<void> {
  const detector = createSileroDetector({ runner });
  let probability: number;
  try {
    probability = await detector.process(new Float32Array(SILERO_FRAME_SAMPLES));
  } catch (error) {
    await runner.dispose();
    throw new ConfigError(`The model does not run as Silero VAD v5 (inputs input, state, sr). ${ASSET_ADVICE}`, { cause: error });
  } finally {
    await detector.dispose();
  }
  if (!(probability >= 0 && probability <= 1)) {
    await runner.dispose();
    throw new ConfigError(`The model answered ${probability} for silence, not a probability: is it silero_vad_v5.onnx? ${ASSET_ADVICE}`);
  }
}
