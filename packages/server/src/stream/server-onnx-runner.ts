import type * as Ort from 'onnxruntime-node';
import type { OnnxModelSource, OnnxRunner, OnnxTensor } from '@scribe/core/internal';

/**
 * Core's ONNX-runner port on onnxruntime-node's public `InferenceSession`, one thread. The server's own, because it may
 * not depend on @scribe/node (whose runner also drives the native session synchronously): the server cuts stored
 * streams after the fact, so the promise per frame costs it nothing that matters.
 */
export async function loadServerOnnxRunner(model: OnnxModelSource): Promise<OnnxRunner> {
  const imported = (await import('onnxruntime-node')) as typeof Ort & { default?: typeof Ort };
  const ort = imported.default ?? imported;
  const options: Ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' };
  const session = typeof model === 'string' ? await ort.InferenceSession.create(model, options) : await ort.InferenceSession.create(model, options);
  // The tensors wrap the caller's arrays: the session reads the inputs in place and writes the outputs into them.
  const wrap = (tensors: Readonly<Record<string, OnnxTensor>>) =>
    Object.fromEntries(Object.entries(tensors).map(([name, tensor]) => [name, new ort.Tensor(tensor.type, tensor.data, tensor.dims)]));
  let disposed = false;
  return {
    get disposed() {
      return disposed;
    },
    bind(inputs, outputs) {
      const [feeds, fetches] = [wrap(inputs), wrap(outputs)];
      return { sync: false, run: async () => void (await session.run(feeds, fetches)) };
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await session.release();
    },
  };
}
