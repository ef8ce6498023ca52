// Size-budget entry: a minimal recording app built on @scribe/core alone, the way @scribe/browser will use it
// (createScribeCore + resolveConfig + createScribeSession, chunked upload with Silero speech detection on
// onnxruntime-web). onnxruntime-web and the model are external: they are not part of the budget.
// Measured by scripts/size-budget.mjs; never run.
import { createScribeCore, createScribeSession, createSileroDetector, resolveConfig, type OnnxRunner, type OnnxTensor, type PcmBlock, type SessionAudioSource } from '@scribe/core';
import * as ort from 'onnxruntime-web';

/** Core's ONNX-runner port on onnxruntime-web (asynchronous runs), as the browser package fills it in. */
async function loadRunner(modelUrl: string): Promise<OnnxRunner> {
  const session = await ort.InferenceSession.create(modelUrl);
  const wrap = (tensors: Readonly<Record<string, OnnxTensor>>) =>
    Object.fromEntries(Object.entries(tensors).map(([name, tensor]) => [name, new ort.Tensor(tensor.type, tensor.data, [...tensor.dims])]));
  let disposed = false;
  return {
    get disposed() {
      return disposed;
    },
    bind(inputs, outputs) {
      const feeds = wrap(inputs);
      const fetches = wrap(outputs);
      return { sync: false, run: async () => void (await session.run(feeds, fetches)) };
    },
    async dispose() {
      disposed = true;
      await session.release();
    },
  };
}

/** A live source fed by the page (an AudioWorklet posting Float32 blocks, in the real package). */
function pushSource(): SessionAudioSource & { push(block: PcmBlock): void } {
  const queue: PcmBlock[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  return {
    live: true,
    description: 'the microphone',
    push(block) {
      queue.push(block);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    async *open(signal) {
      while (!signal.aborted) {
        const block = queue.shift();
        if (block) yield block;
        else if (closed) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/** Records one consultation through a relay and returns the session's result. */
export async function record(baseUrl: string, modelUrl: string, getToken: () => Promise<string>) {
  const core = createScribeCore({ config: resolveConfig({ explicit: { dialect: 'eka', baseUrl } }), getToken });
  const runner = await loadRunner(modelUrl);
  const audio = pushSource();
  const session = createScribeSession(core, {
    audio,
    createDetector: async () => createSileroDetector({ runner }),
    create: { templates: ['clinical_notes_template'] },
  });
  session.subscribe(() => console.log(session.getSnapshot().status));
  await session.start();
  return { session, audio };
}
