import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Words removed from the dictionary because filler noise turns into them ("okay um" -> "oklahoma"). */
export const EXCLUDED_WORDS: readonly string[] = ['oklahoma'];

/** The generated medical vocabulary (scripts/generate-vocabulary.mjs), as the server ships it in `models/`. */
export interface MedicalVocabulary {
  /** Dictionary lines added to cmudict (`word PHONES`): the lexicon's words pocketsphinx lacks, and spelling pronunciations of known ones. */
  pronunciations: readonly string[];
  /** Words the language model lacks: members of one class that shares a new unigram's probability equally. */
  newWords: readonly string[];
}

/** `models/` beside @scribe/server's package.json, from dist/ (ESM or CJS) and src/ alike. */
function modelsDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@scribe/server/package.json')), 'models');
}

/** Reads the generated vocabulary files (`medical-pronunciations.dict`, `medical-words.txt`). */
export async function readMedicalVocabulary(directory = modelsDir()): Promise<MedicalVocabulary> {
  const lines = async (name: string) => (await readFile(join(directory, name), 'utf8')).split('\n').filter(Boolean);
  const [pronunciations, newWords] = await Promise.all([lines('medical-pronunciations.dict'), lines('medical-words.txt')]);
  return { pronunciations, newWords };
}
