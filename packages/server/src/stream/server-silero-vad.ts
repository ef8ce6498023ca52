import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Ort from 'onnxruntime-node';
import type { VoiceActivityDetector } from '@scribe/core';

const SAMPLE_RATE = 16000;
const FRAME_SAMPLES = 512;
// Silero v5 reads the last 64 samples of the previous frame before the new 512; without them it misses speech.
const CONTEXT_SAMPLES = 64;
const STATE_SIZE = 2 * 128;

/** Loads Silero VAD models for the stream cutter; one ONNX session shared by every detector it creates. */
export interface ServerSileroModel {
  /** A detector with its own state (frames must be processed one at a time, in order). */
  createDetector(): VoiceActivityDetector;
  /** Releases the ONNX session. */
  dispose(): Promise<void>;
}

/**
 * The server's own small Silero v5 loader, the same model file and frame rules as @scribe/node's (which the server may
 * not depend on): `silero_vad_v5.onnx` from @ricky0123/vad-web on onnxruntime-node, one thread.
 */
export async function loadServerSileroModel(modelPath = defaultModelPath()): Promise<ServerSileroModel> {
  const imported = (await import('onnxruntime-node')) as typeof Ort & { default?: typeof Ort };
  const ort = imported.default ?? imported;
  const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
  const sr = new ort.Tensor('int64', BigInt64Array.of(BigInt(SAMPLE_RATE)), []);
  return {
    createDetector: () => createDetector(ort, session, sr),
    dispose: () => session.release(),
  };
}

function createDetector(ort: typeof Ort, session: Ort.InferenceSession, sr: Ort.Tensor): VoiceActivityDetector {
  const window = new Float32Array(CONTEXT_SAMPLES + FRAME_SAMPLES);
  let state = new Float32Array(STATE_SIZE);
  return {
    sampleRate: SAMPLE_RATE,
    frameSamples: FRAME_SAMPLES,
    async process(frame) {
      window.copyWithin(0, FRAME_SAMPLES);
      window.set(frame, CONTEXT_SAMPLES);
      const feeds = { input: new ort.Tensor('float32', window, [1, window.length]), state: new ort.Tensor('float32', state, [2, 1, 128]), sr };
      const out = await session.run(feeds);
      state = new Float32Array(out.stateN!.data as Float32Array);
      return (out.output!.data as Float32Array)[0] ?? 0;
    },
    reset() {
      window.fill(0);
      state = new Float32Array(STATE_SIZE);
    },
    dispose: async () => undefined,
  };
}

function defaultModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', 'silero_vad_v5.onnx');
}
