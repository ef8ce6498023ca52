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
beforeAll(async () => {
  model = await loadServerSileroModel();
});
afterAll(async () => {
  await model.dispose();
});

describe('the server\'s Silero VAD (core\'s detector on the server\'s own onnxruntime-node runner)', () => {
  it('loads the model shipped in @scribe/server, with its licence notice', async () => {
    expect(serverSileroModelPath()).toBe(join(import.meta.dirname, '..', '..', 'models', 'silero_vad_v5.onnx'));
    const digest = createHash('sha256').update(await readFile(serverSileroModelPath())).digest('hex');
    expect(digest).toBe('2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f');
    expect(await readFile(join(import.meta.dirname, '..', '..', 'models', 'LICENSE-silero-vad.txt'), 'utf8')).toContain('Silero Team');
  });

  // Each input alone takes a second or two; the timeout leaves room for a loaded machine.
  it.each(cuts.inputs.map((input) => [input.name, input] as const))('%s: cut at exactly the boundaries of the speech-cuts fixture', { timeout: 30_000 }, async (_name, input) => {
    const blocks = (async function* () {
      for (const file of input.files) yield* wavPcmBlocks(new Uint8Array(await readFile(join(ROOT, file))));
    })();
    const vad = model.createDetector();
    const got: [number, number][] = [];
    for await (const chunk of speechChunks(blocks, { ...input.options, vad })) got.push([chunk.startSample, chunk.endSample]);
    await vad.dispose();
    expect(got).toEqual(input.chunks.map((chunk) => [chunk.startSample, chunk.endSample]));
    expect(got.length).toBe(input.chunkCount);
  });
});
