import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechChunks, wavPcmBlocks, type SpeechChunksOptions } from '@scribe/core/internal';
import { loadSileroModel, type SileroModel } from '../../src/audio';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** One chunk as packages/core/test/fixtures/speech-cuts.json records it. */
interface FixtureChunk {
  index: number;
  startSample: number;
  endSample: number;
  reason: string;
  spans: [number, number][];
}

/** The fixture written by scripts/generate-speech-cuts.mjs before Silero's window logic moved into core. */
interface SpeechCuts {
  options: Omit<SpeechChunksOptions, 'vad'>;
  inputs: { name: string; files: string[]; options?: Omit<SpeechChunksOptions, 'vad'>; chunkCount: number; chunks: FixtureChunk[] }[];
}

const cuts = JSON.parse(await readFile(join(ROOT, 'packages', 'core', 'test', 'fixtures', 'speech-cuts.json'), 'utf8')) as SpeechCuts;

async function cutsOf(model: SileroModel, input: SpeechCuts['inputs'][number]): Promise<FixtureChunk[]> {
  const blocks = (async function* () {
    for (const file of input.files) yield* wavPcmBlocks(new Uint8Array(await readFile(join(ROOT, file))));
  })();
  const vad = model.createDetector();
  try {
    const chunks: FixtureChunk[] = [];
    for await (const chunk of speechChunks(blocks, { ...(input.options ?? cuts.options), vad })) {
      const spans = chunk.spans.map((span): [number, number] => [span.startSample, span.endSample]);
      chunks.push({ index: chunk.index, startSample: chunk.startSample, endSample: chunk.endSample, reason: chunk.reason, spans });
    }
    return chunks;
  } finally {
    await vad.dispose();
  }
}

describe.each([
  ['direct', true],
  ['session', false],
] as const)('identical cuts: core speechChunks + core Silero on the Node runner (%s inference)', (inference, directSession) => {
  let model: SileroModel;
  beforeAll(async () => {
    model = await loadSileroModel({ directSession });
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('takes the path it was asked for', () => {
    expect(model.inference).toBe(inference);
  });

  // The long input takes a few seconds alone; the timeout leaves room for a loaded machine.
  it.each(cuts.inputs.map((input) => [input.name, input] as const))('%s: the fixture\'s chunks, sample for sample', { timeout: 60_000 }, async (_name, input) => {
    const chunks = await cutsOf(model, input);
    expect(chunks.length).toBe(input.chunkCount);
    expect(chunks).toEqual(input.chunks);
  });
});

it('the fixture covers speech, resampling, a long input with forced cuts, and inputs without speech', () => {
  expect(cuts.inputs.some((input) => input.chunkCount === 0)).toBe(true);
  expect(cuts.inputs.some((input) => input.chunks.some((chunk) => chunk.reason === 'forced'))).toBe(true);
  expect(cuts.inputs.some((input) => input.files.length > 1 && input.chunks.at(-1)!.endSample > 60 * 16000)).toBe(true);
});
