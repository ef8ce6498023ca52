import { registerCaptureProcessor } from './capture-processor';

// Set by the package build (tsup `define`): 'esm' or 'cjs'. Absent when the source runs unbuilt (tests, a monorepo).
declare const __SCRIBE_MODULE_FORMAT__: string | undefined;

/** Where the capture worklet module comes from, and how to release it once loaded. */
export interface CaptureWorkletModule {
  /** The URL to pass to `audioWorklet.addModule`. */
  url: string | URL;
  /** Releases a Blob URL; nothing for a file URL. */
  release(): void;
}

/**
 * The capture worklet's module URL. The ESM build points at `capture-worklet.js` beside itself, written as
 * `new URL('./capture-worklet.js', import.meta.url)` so that Vite and webpack 5 copy the file into the app's build
 * with no configuration. CommonJS (and unbuilt source) has no file URL to rely on, so it loads the same processor
 * from a Blob URL of its source text; a Content-Security-Policy must then allow `blob:` for scripts, or the app passes
 * `workletUrl` itself.
 */
export function captureWorkletModule(): CaptureWorkletModule {
  if (typeof __SCRIBE_MODULE_FORMAT__ !== 'undefined' && __SCRIBE_MODULE_FORMAT__ === 'esm') {
    return { url: new URL('./capture-worklet.js', import.meta.url), release: () => undefined };
  }
  const source = `(${registerCaptureProcessor.toString()})();\n`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return { url, release: () => URL.revokeObjectURL(url) };
}
