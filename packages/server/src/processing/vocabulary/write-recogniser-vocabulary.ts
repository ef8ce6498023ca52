import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '../engine.js';
import { EXCLUDED_WORDS, readMedicalVocabulary } from './medical-vocabulary.js';

/** The dictionary text: cmudict without the excluded words, plus the medical pronunciations (`word PHONES` lines). */
export function mergeDictionary(cmudict: string, pronunciations: readonly string[]): string {
  const excluded = new Set(EXCLUDED_WORDS);
  const kept = cmudict.split('\n').filter((line) => line && !excluded.has(line.slice(0, line.search(/[\s(]|$/))));
  return [...kept, ...pronunciations, ''].join('\n');
}

/**
 * The class definition (pocketsphinx `LMCLASS` format) that puts the new words into the language model: one class,
 * because Debian's pocketsphinx 0.8 crashes (SIGSEGV) while decoding with more than about 40 classes.
 */
export function classDefinitions(newWords: readonly string[]): string {
  const weight = (1 / newWords.length).toFixed(6);
  return ['LMCLASS [medical]', ...newWords.map((word) => `${word} ${weight}`), 'END [medical]', ''].join('\n');
}

// The files hold no patient data and are the same for every session: written once per process and model, into a
// directory named after their content, so concurrent servers share it and a new lexicon gets a new one.
const written = new Map<string, Promise<string[] | undefined>>();

/** Options of `writeRecogniserVocabulary`. */
export interface RecogniserVocabularyOptions {
  /** Parent of the vocabulary directory. Default: the OS temp directory. */
  parentDir?: string;
}

/**
 * Writes the medical dictionary, class definition and LM control file for the model in `modelDir` (once per process)
 * and returns the pocketsphinx arguments that use them (`-hmm`, `-lmctl`, `-lmname`, `-dict`) in place of `-lm` and
 * `-dict`. pocketsphinx reads the control file word by word, so a model path with white space cannot be named there:
 * that model gets no vocabulary (undefined).
 */
export function writeRecogniserVocabulary(modelDir: string, options: RecogniserVocabularyOptions = {}): Promise<string[] | undefined> {
  if (/\s/.test(modelDir)) return Promise.resolve(undefined);
  const key = `${options.parentDir ?? ''}\0${modelDir}`;
  let result = written.get(key);
  if (!result) {
    result = writeFiles(modelDir, options.parentDir ?? tmpdir());
    result.catch(() => written.delete(key));
    written.set(key, result);
  }
  return result;
}

async function writeFiles(modelDir: string, parentDir: string): Promise<string[]> {
  const vocabulary = await readMedicalVocabulary();
  const dictionary = mergeDictionary(await readFile(join(modelDir, 'cmudict-en-us.dict'), 'utf8'), vocabulary.pronunciations);
  const classes = classDefinitions(vocabulary.newWords);
  const control = `{ medical.classdef }\n${join(modelDir, 'en-us.lm.bin')} medical { [medical] }\n`;
  const hash = createHash('sha256').update(dictionary).update('\0').update(classes).update('\0').update(control).digest('hex').slice(0, 16);
  const directory = join(parentDir, `scribe-vocabulary-${process.getuid?.() ?? 'user'}-${hash}`);
  await ownDirectory(directory);
  const files: [string, string][] = [['medical.dict', dictionary], ['medical.classdef', classes], ['medical.lmctl', control]];
  await Promise.all(
    files.map(async ([name, text]) => {
      // Written beside and renamed, so another process never reads half a file.
      const partial = join(directory, `${name}.${process.pid}.partial`);
      await writeFile(partial, text, { mode: 0o600 });
      await rename(partial, join(directory, name));
    }),
  );
  return ['-hmm', join(modelDir, 'en-us'), '-lmctl', join(directory, 'medical.lmctl'), '-lmname', 'medical', '-dict', join(directory, 'medical.dict')];
}

// A shared temp directory could hold a directory of that name planted by someone else: use it only if it is ours.
async function ownDirectory(directory: string): Promise<void> {
  await mkdir(directory, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const info = await lstat(directory);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid) || (info.mode & 0o022) !== 0) {
    throw new EngineError('processing_failed', `The recogniser vocabulary directory ${directory} is not a private directory of this user; remove it and retry.`);
  }
}
