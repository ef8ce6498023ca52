import type * as Ort from 'onnxruntime-node';
import { ConfigError, type OnnxModelSource, type OnnxRun, type OnnxRunner, type OnnxTensor } from '@scribe/core/internal';
import { loadDirectSession, type DirectSession, type DirectSessionOptions } from './onnx-direct-session';

/** The onnxruntime-node module. */
export type OrtModule = typeof Ort;

/** Core's ONNX-runner port on onnxruntime-node, saying which path it took. */
export interface NodeOnnxRunner extends OnnxRunner {
  /** `direct`: the native session, synchronous runs; `session`: the public `InferenceSession`, one promise per run. */
  readonly inference: 'direct' | 'session';
}

/**
 * Core's ONNX-runner port on onnxruntime-node's native session, called synchronously (see onnx-direct-session.ts), or
 * undefined when that session cannot be reached in the installed onnxruntime-node.
 */
export function loadDirectOnnxRunner(ort: OrtModule, model: OnnxModelSource, options: DirectSessionOptions): NodeOnnxRunner | undefined {
  const session: DirectSession | undefined = loadDirectSession(model, options);
  if (!session) return undefined;
  return runner('direct', ort, () => session.dispose(), (feeds, fetches) => {
    return { sync: true, run: () => session.run(feeds, fetches) };
  });
}

/** Core's ONNX-runner port on onnxruntime-node's public `InferenceSession`: every run returns a promise. */
export async function loadSessionOnnxRunner(ort: OrtModule, model: OnnxModelSource, options: DirectSessionOptions): Promise<NodeOnnxRunner> {
  let session: Ort.InferenceSession;
  try {
    session = typeof model === 'string' ? await ort.InferenceSession.create(model, options) : await ort.InferenceSession.create(model, options);
  } catch (error) {
    const what = typeof model === 'string' ? model : `(${model.byteLength} bytes)`;
    throw new ConfigError(`onnxruntime-node could not load the ONNX model ${what}.`, { cause: error });
  }
  return runner('session', ort, () => session.release(), (feeds, fetches) => {
    return { sync: false, run: async () => void (await session.run(feeds, fetches)) };
  });
}

/** Imports onnxruntime-node on first use, so applications that never run a model never load the native runtime. */
export async function importOnnxRuntime(): Promise<OrtModule> {
  try {
    const module = (await import('onnxruntime-node')) as OrtModule & { default?: OrtModule };
    return module.default ?? module;
  } catch (error) {
    throw new ConfigError("The native ONNX runtime (onnxruntime-node) could not be loaded: install it (docs/install.md), or set `vad: { runtime: 'auto' }` to fall back to WebAssembly.", { cause: error });
  }
}

type Tensors = Record<string, Ort.Tensor>;

function runner(
  inference: NodeOnnxRunner['inference'],
  ort: OrtModule,
  release: () => unknown,
  bindRun: (feeds: Tensors, fetches: Tensors) => OnnxRun,
): NodeOnnxRunner {
  let disposed = false;
  // Each tensor wraps the caller's typed array without copying: the runtime reads the inputs' current samples and
  // writes the outputs into the caller's arrays.
  const wrap = (tensors: Readonly<Record<string, OnnxTensor>>): Tensors =>
    Object.fromEntries(Object.entries(tensors).map(([name, tensor]) => [name, new ort.Tensor(tensor.type, tensor.data, tensor.dims)]));
  return {
    inference,
    get disposed() {
      return disposed;
    },
    bind: (inputs, outputs) => bindRun(wrap(inputs), wrap(outputs)),
    async dispose() {
      if (disposed) return;
      disposed = true;
      await release();
    },
  };
}
