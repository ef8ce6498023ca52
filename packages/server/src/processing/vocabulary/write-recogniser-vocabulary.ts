import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXCLUDED_WORDS, MEDICAL_PRONUNCIATIONS, MEDICAL_NEW_WORDS } from './medical-vocabulary.js';

// cmudict is 3.6 MB and the same for every session: read it once per model directory.
const dictionaries = new Map<string, Promise<string>>();

function baseDictionary(modelDir: string): Promise<string> {
  let text = dictionaries.get(modelDir);
  if (!text) {
    text = readFile(join(modelDir, 'cmudict-en-us.dict'), 'utf8');
    text.catch(() => dictionaries.delete(modelDir));
    dictionaries.set(modelDir, text);
  }
  return text;
}

/** The dictionary text: cmudict without the excluded words, plus the medical pronunciations. */
export function mergeDictionary(cmudict: string): string {
  const excluded = new Set(EXCLUDED_WORDS);
  const kept = cmudict.split('\n').filter((line) => !excluded.has(line.slice(0, line.search(/[\s(]|$/))));
  const added = MEDICAL_PRONUNCIATIONS.map(([word, phones]) => `${word} ${phones}`);
  return [...kept.filter(Boolean), ...added, ''].join('\n');
}

/**
 * The class definition (pocketsphinx `LMCLASS` format) that puts the new words into the language model: one class,
 * because Debian's pocketsphinx 0.8 crashes (SIGSEGV) while decoding with more than about 40 classes.
 */
export function classDefinitions(): string {
  const weight = (1 / MEDICAL_NEW_WORDS.length).toFixed(6);
  return ['LMCLASS [medical]', ...MEDICAL_NEW_WORDS.map((word) => `${word} ${weight}`), 'END [medical]', ''].join('\n');
}

/**
 * Writes the medical dictionary, class definitions and LM control file into `directory` and returns the pocketsphinx
 * arguments that use them (`-dict`, `-lmctl`, `-lmname`) in place of `-lm` and `-dict`. The control file names the
 * class file relative to itself, since pocketsphinx reads it word by word; a model directory with white space in its
 * path cannot be named there, so it gets the plain model (undefined).
 */
export async function writeRecogniserVocabulary(directory: string, modelDir: string): Promise<string[] | undefined> {
  if (/\s/.test(modelDir)) return undefined;
  const dictPath = join(directory, 'medical.dict');
  const classPath = join(directory, 'medical.classdef');
  const controlPath = join(directory, 'medical.lmctl');
  await Promise.all([
    writeFile(dictPath, mergeDictionary(await baseDictionary(modelDir))),
    writeFile(classPath, classDefinitions()),
    writeFile(controlPath, `{ medical.classdef }\n${join(modelDir, 'en-us.lm.bin')} medical { [medical] }\n`),
  ]);
  return ['-hmm', join(modelDir, 'en-us'), '-lmctl', controlPath, '-lmname', 'medical', '-dict', dictPath];
}
