import { ConfigError } from '../errors';
import type { OnnxRun, OnnxRunner, OnnxTensor } from './onnx-runner';

/** What the runner needs of an onnxruntime module (onnxruntime-node or onnxruntime-web): its Tensor constructor. */
export interface OrtTensorModule {
  /** Wraps a typed array as an input tensor without copying it. */
  Tensor: new (type: OnnxTensor['type'], data: OnnxTensor['data'], dims: readonly number[]) => unknown;
}

/** What the runner needs of an onnxruntime `InferenceSession` (both runtimes share onnxruntime-common's API). */
export interface OrtSessionLike {
  /** Runs the model on the feeds; resolves with the outputs by name. */
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown } | undefined>>;
  /** Frees the model. */
  release(): Promise<void>;
}

/**
 * Core's ONNX-runner port on an onnxruntime `InferenceSession` whose runs return promises (onnxruntime-web, or
 * onnxruntime-node's public API). Runs of every binding take turns, one at a time: detectors sharing the model never
 * overlap, which onnxruntime-web's WebAssembly heap requires. Inputs wrap the caller's arrays once (the runtime reads
 * their current contents at each run); outputs come back as new tensors and are copied into the caller's arrays.
 * `disposedMessage` is the ConfigError's message for a run after `dispose()`.
 */
export function createQueuedSessionOnnxRunner(ort: OrtTensorModule, session: OrtSessionLike, disposedMessage: string): OnnxRunner {
  let disposed = false;
  let queue: Promise<unknown> = Promise.resolve();
  const bind = (inputs: Readonly<Record<string, OnnxTensor>>, outputs: Readonly<Record<string, OnnxTensor>>): OnnxRun => {
    const feeds = Object.fromEntries(Object.entries(inputs).map(([name, tensor]) => [name, new ort.Tensor(tensor.type, tensor.data, tensor.dims)]));
    const runOnce = async (): Promise<void> => {
      if (disposed) throw new ConfigError(disposedMessage);
      const results = await session.run(feeds);
      for (const [name, target] of Object.entries(outputs)) {
        const result = results[name];
        if (!result) throw new ConfigError(`The ONNX model produced no output named ${name}.`);
        copyOutput(target, result.data, name);
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
  };
  return {
    get disposed() {
      return disposed;
    },
    bind,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue;
      await session.release();
    },
  };
}

// The output must be the bound array's type and length: anything else is a model that is not the one bound.
function copyOutput(target: OnnxTensor, data: unknown, name: string): void {
  if (target.type === 'float32' && data instanceof Float32Array && data.length === target.data.length) return target.data.set(data);
  if (target.type === 'int64' && data instanceof BigInt64Array && data.length === target.data.length) return target.data.set(data);
  throw new ConfigError(`The ONNX model's output ${name} is not a ${target.type} tensor of ${target.data.length} values.`);
}
