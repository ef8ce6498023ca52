import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechChunks, wavPcmBlocks, type SpeechChunksOptions } from '@scribe/core/internal';
import { loadServerSileroModel, serverSileroModelPath, type ServerSileroModel } from '../../src/stream/server-silero-vad.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** packages/core/test/fixtures/speech-cuts.json, written by scripts/generate-speech-cuts.mjs. */
interface SpeechCuts {
  inputs: { name: string; files: string[]; options?: Omit<SpeechChunksOptions, 'vad'>; chunkCount: number; chunks: { startSample: number; endSample: number }[] }[];
}

const cuts = JSON.parse(await readFile(join(ROOT, 'packages', 'core', 'test', 'fixtures', 'speech-cuts.json'), 'utf8')) as SpeechCuts;

let model: ServerSileroModel;
let wasm: ServerSileroModel;
beforeAll(async () => {
  [model, wasm] = await Promise.all([loadServerSileroModel(), loadServerSileroModel(undefined, 'wasm')]);
});
afterAll(async () => {
  await Promise.all([model.dispose(), wasm.dispose()]);
});

async function cutsOf(silero: ServerSileroModel, input: SpeechCuts['inputs'][number]): Promise<[number, number][]> {
  const blocks = (async function* () {
    for (const file of input.files) yield* wavPcmBlocks(new Uint8Array(await readFile(join(ROOT, file))));
  })();
  const vad = silero.createDetector();
  const got: [number, number][] = [];
  for await (const chunk of speechChunks(blocks, { ...input.options, vad })) got.push([chunk.startSample, chunk.endSample]);
  await vad.dispose();
  return got;
}

describe('the server\'s Silero VAD (core\'s detector on the server\'s own onnxruntime runner)', () => {
  it('runs on onnxruntime-node where it is installed (auto), on WebAssembly when told to', () => {
    expect(model.inference).toBe('native');
    expect(wasm.inference).toBe('wasm');
  });

  it('fails with a ConfigError that says what to do when the model file is missing or is not a model', async () => {
    await expect(loadServerSileroModel(join(ROOT, 'no-such-model.onnx'))).rejects.toMatchObject({ code: 'config_error', message: expect.stringContaining('reinstall @scribe/server') });
    // Any file that is not an ONNX model: the licence notice beside the real one.
    const notAModel = join(import.meta.dirname, '..', '..', 'models', 'LICENSE-silero-vad.txt');
    for (const runtime of ['native', 'wasm'] as const) {
      await expect(loadServerSileroModel(notAModel, runtime)).rejects.toMatchObject({ code: 'config_error', message: expect.stringMatching(/could not load the Silero VAD model .*LICENSE-silero-vad\.txt: reinstall @scribe\/server/) });
    }
  });

  // The fallback where npm left onnxruntime-node out (docs/install.md): the same cuts, sample for sample.
  it.each(cuts.inputs.map((input) => [input.name, input] as const))('%s on WebAssembly: the same boundaries as the fixture', { timeout: 60_000 }, async (_name, input) => {
    expect(await cutsOf(wasm, input)).toEqual(input.chunks.map((chunk) => [chunk.startSample, chunk.endSample]));
  });

  it('loads the model shipped in @scribe/server, with its licence notice', async () => {
    expect(serverSileroModelPath()).toBe(join(import.meta.dirname, '..', '..', 'models', 'silero_vad_v5.onnx'));
    const digest = createHash('sha256').update(await readFile(serverSileroModelPath())).digest('hex');
    expect(digest).toBe('2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f');
    expect(await readFile(join(import.meta.dirname, '..', '..', 'models', 'LICENSE-silero-vad.txt'), 'utf8')).toContain('Silero Team');
  });

  // Each input alone takes a second or two; the timeout leaves room for a loaded machine.
  it.each(cuts.inputs.map((input) => [input.name, input] as const))('%s: cut at exactly the boundaries of the speech-cuts fixture', { timeout: 30_000 }, async (_name, input) => {
    const got = await cutsOf(model, input);
    expect(got).toEqual(input.chunks.map((chunk) => [chunk.startSample, chunk.endSample]));
    expect(got.length).toBe(input.chunkCount);
  });
});
