import { expect, test } from 'vitest';
import { loadBrowserSileroModel } from '../src/vad/browser-silero';
import { TEST_ASSET_BASE_URL } from './support/test-assets';

// Where the model and onnxruntime-web's files come from, in Chromium, served by vitest's Vite server.

test('defaults: the built package finds the model and the runtime beside its own dist/index.js, with no option', async () => {
  // Imported by URL at run time (not through the type checker): the built module, served unbundled as an app's dev
  // server serves a linked package.
  const entry = '../dist/index.js';
  const built = (await import(/* @vite-ignore */ entry)) as typeof import('../src/index');
  const requested: string[] = [];
  const observer = new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name)));
  observer.observe({ type: 'resource', buffered: false });
  const model = await built.loadBrowserSileroModel();
  try {
    expect(model.modelUrl).toBe(new URL('/dist/silero_vad_v5.onnx', location.href).href);
    const detector = model.createDetector();
    expect(await detector.process(new Float32Array(512))).toBeLessThan(0.1);
    await detector.dispose();
  } finally {
    await model.dispose();
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  // onnxruntime-web's binary came from the same directory (the app serves one directory, or none).
  expect(requested.filter((url) => url.endsWith('.wasm'))).toEqual([new URL('/dist/ort-wasm-simd-threaded.wasm', location.href).href]);
});

test('assetBaseUrl pointing nowhere: ConfigError naming the URL, the status and the docs', async () => {
  const error = await loadBrowserSileroModel({ assetBaseUrl: '/no-such-directory/' }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({
    code: 'config_error',
    message: expect.stringMatching(/^The Silero model at http:\/\/[^ ]+\/no-such-directory\/silero_vad_v5\.onnx answered HTTP 404\. See "Serving the model and the ONNX runtime"/),
  });
});

test('an HTML page where the model should be (a dev server fallback, Vite 7 pre-bundling): ConfigError with the fix', async () => {
  const html = async () => new Response('<!doctype html><html></html>', { headers: { 'content-type': 'text/html' } });
  const error = await loadBrowserSileroModel({ model: 'http://localhost:5173/node_modules/.vite/deps/silero_vad_v5.onnx', fetch: html }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ code: 'config_error' });
  expect((error as Error).message).toMatch(/is not an ONNX model \(28 bytes, text\/html\).*optimizeDeps: \{ exclude: \['@scribe\/browser'\] \}/);
});

test('the model as bytes, and a file that is not Silero, rejected at load rather than mid-session', async () => {
  const bytes = new Uint8Array(await (await fetch(`${TEST_ASSET_BASE_URL}silero_vad_v5.onnx`)).arrayBuffer());
  const model = await loadBrowserSileroModel({ assetBaseUrl: TEST_ASSET_BASE_URL, model: bytes });
  expect(model.modelUrl).toBe('(bytes)');
  await model.dispose();
  const garbage = Uint8Array.from([0x08, 0x07, 0x12, 0x00, 0xff, 0xff]);
  const error = await loadBrowserSileroModel({ assetBaseUrl: TEST_ASSET_BASE_URL, model: garbage }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ code: 'config_error', message: expect.stringMatching(/^onnxruntime-web could not load the ONNX model \(6 bytes\)/) });
});
