import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Options } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

const require = createRequire(import.meta.url);

/**
 * The speech model and onnxruntime-web's WebAssembly files, copied beside dist/index.js: src/vad/assets.ts references
 * them with `new URL(file, import.meta.url)`, which Vite's build and webpack 5 turn into emitted assets, and they form
 * the one directory an app copies when it serves them itself (`assetBaseUrl`).
 */
const ASSETS = [
  join(dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', 'silero_vad_v5.onnx'),
  require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'),
  require.resolve('onnxruntime-web/ort-wasm-simd-threaded.mjs'),
  // Their notices travel with them (the Silero one is the file @scribe/node ships beside the same model).
  join('..', 'node', 'models', 'LICENSE-silero-vad.txt'),
  join('notices', 'LICENSE-onnxruntime.txt'),
];

/** The part of esbuild's API used here (tsup's own esbuild; this package does not depend on esbuild itself). */
interface EsbuildBuild {
  build(options: { entryPoints: string[]; bundle: boolean; format: 'esm'; target: string; outfile: string; logLevel: 'warning' }): Promise<unknown>;
}
const esbuild = createRequire(require.resolve('tsup'))('esbuild') as EsbuildBuild;

const config: Options = {
  ...(packageBuild() as Options),
  // ESM keeps dynamic imports as chunks, so an app loads file decoding only when it reads a file.
  splitting: true,
  // Tells the microphone source which build it is in: ESM loads capture-worklet.js by URL, CJS from a Blob URL.
  esbuildOptions(options, context) {
    options.define = { ...options.define, __SCRIBE_MODULE_FORMAT__: JSON.stringify(context.format) };
  },
  async onSuccess() {
    await Promise.all(ASSETS.map((file) => copyFile(file, join('dist', basename(file)))));
    // The worklet module stands alone (a bundler copies it as an asset without following its imports): built apart,
    // so that it never imports a chunk shared with the main entry.
    await esbuild.build({ entryPoints: ['src/microphone/capture-worklet.ts'], bundle: true, format: 'esm', target: 'es2022', outfile: 'dist/capture-worklet.js', logLevel: 'warning' });
  },
};

export default config;
