/**
 * The AudioWorklet module of the microphone source, built to `dist/capture-worklet.js` next to `index.js` and loaded
 * with `new URL('./capture-worklet.js', import.meta.url)`, which Vite and webpack 5 recognise and emit as an asset.
 * @packageDocumentation
 */
import { registerCaptureProcessor } from './capture-processor';

registerCaptureProcessor();
