import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createPocketsphinxTranscriber, findPocketsphinx } from '../../src/index.js';
import { removeFillers } from '../../src/processing/transcribers/remove-fillers.js';
import { readMedicalVocabulary } from '../../src/processing/vocabulary/medical-vocabulary.js';
import { mergeDictionary } from '../../src/processing/vocabulary/write-recogniser-vocabulary.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const DRUGS = ['paracetamol', 'loratadine', 'thyroxine', 'naproxen'];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scribe-vocab-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

// Real speech: flite (the synthesiser of the committed samples) says the sentence; 16 kHz mono 16-bit.
async function speak(text: string, dir: string): Promise<Float32Array> {
  const out = join(dir, 'speech.wav');
  const result = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'scripts', 'generate-samples.mjs'), '--utterance', 'rms', text, out]);
  expect(result.status).toBe(0);
  const wav = await readFile(out);
  const data = wav.indexOf('data') + 8;
  const pcm = new Float32Array((wav.length - data) / 2);
  for (let index = 0; index < pcm.length; index += 1) pcm[index] = wav.readInt16LE(data + index * 2) / 32768;
  return pcm;
}

describe('the recogniser\'s medical vocabulary (issue 13)', () => {
  it('makes pocketsphinx write drug names it could not write before, and never "oklahoma"', { timeout: 20_000 }, async () => {
    const dir = await tempDir();
    const installation = findPocketsphinx();
    expect(installation?.modelDir).toBeDefined();
    const pcm = await speak('I have been taking paracetamol and loratadine and my thyroxine, and naproxen for the pain. We drove in from Oklahoma.', dir);
    const input = { sessionId: 'vocabulary', pcm, languageHints: [], workDir: dir };
    const before = await createPocketsphinxTranscriber(installation!, { vocabulary: false }).transcribe(input, new AbortController().signal);
    const after = await createPocketsphinxTranscriber(installation!).transcribe(input, new AbortController().signal);
    expect(DRUGS.filter((drug) => before.text.includes(drug))).toEqual([]);
    expect(DRUGS.filter((drug) => after.text.includes(drug)).length).toBeGreaterThanOrEqual(3);
    // Said outright, the word is heard without the vocabulary; with it, the recogniser has no way to write it.
    expect(before.text).toContain('oklahoma');
    expect(after.text).not.toContain('oklahoma');
  });

  it('keeps filler words and noise markers out of the transcript', () => {
    expect(removeFillers('okay um so uh the pain [NOISE] started <sil> yesterday hmm')).toBe('okay so the pain started yesterday');
    expect(removeFillers('um uh')).toBe('');
    expect(removeFillers('the umbrella erupted')).toBe('the umbrella erupted');
  });

  it('drops "oklahoma" (what "okay um" became) from the dictionary and adds the shipped medical words', async () => {
    const { pronunciations } = await readMedicalVocabulary();
    const merged = mergeDictionary('okay OW K EY\noklahoma OW K L AH HH OW M AH\noklahoman OW K L AH HH OW M AH N\n', pronunciations);
    expect(merged).toContain('okay OW K EY');
    expect(merged).toContain('oklahoman OW K L AH HH OW M AH N');
    expect(merged).not.toMatch(/^oklahoma /m);
    expect(merged).toMatch(/^paracetamol [A-Z ]+$/m);
  });

  it('the generated vocabulary is current with the lexicon and the installed model', { timeout: 20_000 }, () => {
    const result = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'scripts', 'generate-vocabulary.mjs'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).not.toContain('stale');
    expect(result.status).toBe(0);
  });
});
