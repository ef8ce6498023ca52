import type { Options } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

const base = packageBuild({ index: 'src/index.ts', 'capture-worklet': 'src/microphone/capture-worklet.ts' }) as Options;

const config: Options = {
  ...base,
  // The worklet file must stand alone (a bundler copies it as an asset without following imports): no shared chunks.
  splitting: false,
  // Tells the microphone source which build it is in: ESM loads capture-worklet.js by URL, CJS from a Blob URL.
  esbuildOptions(options, context) {
    options.define = { ...options.define, __SCRIBE_MODULE_FORMAT__: JSON.stringify(context.format) };
  },
};

export default config;
