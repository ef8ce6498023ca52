/**
 * The ONNX-runner port: what core's model code (Silero) needs from an ONNX runtime, and nothing more. Adapters fill it
 * in: @scribe/node with onnxruntime-node (its native session called synchronously where it can), a browser package
 * with onnxruntime-web (asynchronous), the local server with onnxruntime-node's public API.
 *
 * Tensors are plain typed arrays that the caller allocates once and the adapter wraps once, in `bind`: a frame loop
 * writes its inputs into the arrays, calls `run()`, and reads the outputs from the arrays, allocating nothing.
 */

/** One named model input or output: a typed array the caller owns, with its shape. The adapter must not copy it away. */
export type OnnxTensor =
  | { readonly type: 'float32'; readonly data: Float32Array; readonly dims: readonly number[] }
  | { readonly type: 'int64'; readonly data: BigInt64Array; readonly dims: readonly number[] };

/**
 * A bound inference: each `run()` reads the bound inputs' current contents and writes the outputs into the bound
 * output arrays. A synchronous runtime returns `sync: true` and a `run` that returns nothing, so a frame loop on it
 * pays for no promise; an asynchronous one (onnxruntime-web, or onnxruntime-node's public API) returns a promise.
 */
export type OnnxRun =
  | {
      /** `run()` completes before it returns. */
      readonly sync: true;
      /** Runs the model once; throws what the runtime throws. */
      run(): void;
    }
  | {
      /** `run()` completes when its promise settles. */
      readonly sync: false;
      /** Runs the model once; rejects with what the runtime throws. */
      run(): Promise<void>;
    };

/** One loaded ONNX model, shareable by any number of bindings (each frame loop binds its own arrays). */
export interface OnnxRunner {
  /**
   * Binds inputs and outputs by the model's names. Bind once per set of arrays and run many times; two bindings of
   * the same arrays in swapped roles serve a recurrent state that alternates between two buffers.
   */
  bind(inputs: Readonly<Record<string, OnnxTensor>>, outputs: Readonly<Record<string, OnnxTensor>>): OnnxRun;
  /** True once `dispose()` was called; runs afterwards fail. */
  readonly disposed: boolean;
  /** Releases the model; idempotent. */
  dispose(): Promise<void>;
}

/**
 * Where an adapter loads a model from: its bytes, or a string the adapter gives meaning to (a file path in Node, a
 * URL in a browser). Core never reads the string.
 */
export type OnnxModelSource = Uint8Array | string;

/** Loads a model into a runner: the function an adapter passes to core code that needs a model it does not ship. */
export type LoadOnnxRunner = (model: OnnxModelSource) => Promise<OnnxRunner>;
