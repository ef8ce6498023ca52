import { readFile } from 'node:fs/promises';
import type * as Ort from 'onnxruntime-node';
import type * as OrtWeb from 'onnxruntime-web';
import { ConfigError, type OnnxRunner, type OnnxTensor } from '@scribe/core/internal';

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

// The two packages share onnxruntime-common's API: only the names of these few members matter here.
interface OrtLike {
  Tensor: new (type: OnnxTensor['type'], data: OnnxTensor['data'], dims: readonly number[]) => unknown;
}
interface SessionLike {
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown }>>;
  release(): Promise<void>;
}

function sessionRunner(inference: ServerOnnxRunner['inference'], ort: OrtLike, session: SessionLike): ServerOnnxRunner {
  let disposed = false;
  // Runs take turns: detectors of concurrent stream cuts share one session, and the WebAssembly heap is not reentrant.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    inference,
    get disposed() {
      return disposed;
    },
    bind(inputs, outputs) {
      // Inputs wrap the caller's arrays once (the runtime reads their current contents at each run); outputs come back
      // as new tensors and are copied into the caller's arrays, which works the same on both runtimes.
      const feeds = Object.fromEntries(Object.entries(inputs).map(([name, tensor]) => [name, new ort.Tensor(tensor.type, tensor.data, tensor.dims)]));
      const runOnce = async (): Promise<void> => {
        if (disposed) throw new ConfigError('The server\'s Silero model was disposed.');
        const results = await session.run(feeds);
        for (const [name, target] of Object.entries(outputs)) {
          const result = results[name];
          if (!result) throw new ConfigError(`The ONNX model produced no output named ${name}.`);
          target.data.set(result.data as Float32Array & BigInt64Array);
        }
      };
      return {
        sync: false,
        run: () => {
          const next = queue.then(runOnce, runOnce);
          queue = next.catch(() => undefined);
          return next;
        },
      };
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue;
      await session.release();
    },
  };
}
