import { readFile } from 'node:fs/promises';
import type * as Ort from 'onnxruntime-node';
import type * as OrtWeb from 'onnxruntime-web';
import { ConfigError, createQueuedSessionOnnxRunner, type OnnxRunner, type OrtSessionLike, type OrtTensorModule } from '@scribe/core/internal';

/** Which ONNX runtime the server's Silero runs on: onnxruntime-node (native) or onnxruntime-web's WebAssembly build. */
export type ServerOnnxRuntime = 'auto' | 'native' | 'wasm';

/** Core's ONNX-runner port, saying which runtime it took. */
export interface ServerOnnxRunner extends OnnxRunner {
  /** `native`: onnxruntime-node; `wasm`: onnxruntime-web's WebAssembly build (the fallback without onnxruntime-node). */
  readonly inference: 'native' | 'wasm';
}

/**
 * Core's ONNX-runner port on onnxruntime's public `InferenceSession`, one thread: onnxruntime-node when it loads
 * (`auto`, `native`), else onnxruntime-web's WebAssembly build (`auto`, `wasm`). onnxruntime-node is an optional
 * dependency that npm leaves out when its install script cannot reach its download host (docs/install.md), exactly as
 * in @scribe/node. The server's own runner, because it may not depend on @scribe/node: it cuts stored streams after
 * the fact, so the promise per frame costs it nothing that matters. Default runtime `auto`.
 */
export async function loadServerOnnxRunner(modelPath: string, runtime: ServerOnnxRuntime = 'auto'): Promise<ServerOnnxRunner> {
  let bytes: Uint8Array;
  try {
    // Read once: both runtimes take bytes, and a missing file is reported the same way whichever runs.
    bytes = new Uint8Array(await readFile(modelPath));
  } catch (error) {
    throw new ConfigError(`The Silero VAD model file ${modelPath} does not exist or cannot be read: reinstall @scribe/server.`, { cause: error });
  }
  if (runtime !== 'wasm') {
    const native = await importOptional<typeof Ort>(() => import('onnxruntime-node'));
    if (native) return sessionRunner('native', native, await createSession('onnxruntime-node', modelPath, () => native.InferenceSession.create(bytes, SESSION_OPTIONS)));
    if (runtime === 'native') throw new ConfigError('onnxruntime-node could not be loaded: install it (docs/install.md), or let the server fall back to WebAssembly.');
  }
  const web = await importOptional<typeof OrtWeb>(() => import('onnxruntime-web/wasm'));
  if (!web) throw new ConfigError('Stream cutting needs onnxruntime-node or onnxruntime-web, and neither could be loaded: reinstall @scribe/server.');
  // One thread: a 32 ms frame gains nothing from more, and worker threads would outlive the server's shutdown.
  web.env.wasm.numThreads = 1;
  return sessionRunner('wasm', web, await createSession('onnxruntime-web', modelPath, () => web.InferenceSession.create(bytes, { ...SESSION_OPTIONS, executionProviders: ['wasm'] })));
}

// A model file that is there but does not load (damaged, or not Silero v5) is a ConfigError naming the file.
async function createSession<T>(runtime: string, modelPath: string, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    throw new ConfigError(`${runtime} could not load the Silero VAD model ${modelPath}: reinstall @scribe/server.`, { cause: error });
  }
}

const SESSION_OPTIONS = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' } as const;

// The module, or undefined when it is not installed (or its native part does not load).
async function importOptional<T extends { InferenceSession: unknown }>(load: () => Promise<unknown>): Promise<T | undefined> {
  try {
    const module = (await load()) as T & { default?: T };
    return module.default?.InferenceSession ? module.default : module;
  } catch {
    return undefined;
  }
}

function sessionRunner(inference: ServerOnnxRunner['inference'], ort: OrtTensorModule, session: OrtSessionLike): ServerOnnxRunner {
  // Runs take turns: detectors of concurrent stream cuts share one session, and the WebAssembly heap is not reentrant.
  return Object.assign(createQueuedSessionOnnxRunner(ort, session, "The server's Silero model was disposed."), { inference });
}
