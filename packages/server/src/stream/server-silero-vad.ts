import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createSileroDetector, type VoiceActivityDetector } from '@scribe/core';
import { loadServerOnnxRunner, type ServerOnnxRuntime } from './server-onnx-runner.js';

/** Silero VAD for the stream cutter: one ONNX session shared by every detector it creates. */
export interface ServerSileroModel {
  /** The runtime it took: onnxruntime-node (`native`) or onnxruntime-web's WebAssembly build (`wasm`). */
  readonly inference: 'native' | 'wasm';
  /** A detector with its own state and context (core's Silero window logic, the same as @scribe/node's). */
  createDetector(): VoiceActivityDetector;
  /** Releases the ONNX session. */
  dispose(): Promise<void>;
}

/**
 * Loads the Silero v5 model shipped in @scribe/server (`models/silero_vad_v5.onnx`, the default path) on one thread of
 * onnxruntime-node, or of onnxruntime-web's WebAssembly build where onnxruntime-node is not installed (runtime `auto`,
 * the default; see loadServerOnnxRunner).
 */
export async function loadServerSileroModel(modelPath = serverSileroModelPath(), runtime: ServerOnnxRuntime = 'auto'): Promise<ServerSileroModel> {
  const runner = await loadServerOnnxRunner(modelPath, runtime);
  return {
    inference: runner.inference,
    createDetector: () => createSileroDetector({ runner }),
    dispose: () => runner.dispose(),
  };
}

/** `models/silero_vad_v5.onnx` beside @scribe/server's package.json, from dist/ (ESM or CJS) and src/ alike. */
export function serverSileroModelPath(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@scribe/server/package.json')), 'models', 'silero_vad_v5.onnx');
}
