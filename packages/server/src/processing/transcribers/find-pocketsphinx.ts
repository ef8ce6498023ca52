import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findExecutable } from './find-executable.js';

/** Which command-line interface a pocketsphinx binary has. */
export type PocketsphinxVariant =
  /** `pocketsphinx_continuous -infile file.wav` (0.8 / 5prealpha, Debian 12): one hypothesis per line. */
  | 'continuous'
  /** `pocketsphinx live file.wav` (5.x): one JSON object per utterance, text in `t`. */
  | 'cli5';

/** A pocketsphinx found on this machine. */
export interface PocketsphinxInstallation {
  command: string;
  variant: PocketsphinxVariant;
  /** Directory holding `en-us/` (acoustic model), `en-us.lm.bin` and `cmudict-en-us.dict`; absent: the binary's default. */
  modelDir?: string;
}

/** Where `findPocketsphinx` looks, besides PATH. */
export interface FindPocketsphinxOptions {
  /** Environment. Default `process.env` (`SCRIBE_POCKETSPHINX`, `SCRIBE_POCKETSPHINX_MODEL`, `PATH`). */
  env?: NodeJS.ProcessEnv;
}

const MODEL_DIRS = ['/usr/share/pocketsphinx/model/en-us', '/usr/local/share/pocketsphinx/model/en-us', '/opt/homebrew/share/pocketsphinx/model/en-us'];

/**
 * Finds pocketsphinx and its US English model: `SCRIBE_POCKETSPHINX` (a binary) first, else `pocketsphinx_continuous`
 * then `pocketsphinx` on PATH; the model from `SCRIBE_POCKETSPHINX_MODEL`, the binary's own prefix or the usual
 * share directories. Undefined when no binary is installed.
 */
export function findPocketsphinx(options: FindPocketsphinxOptions = {}): PocketsphinxInstallation | undefined {
  const env = options.env ?? process.env;
  const command = env.SCRIBE_POCKETSPHINX
    ? findExecutable(env.SCRIBE_POCKETSPHINX, env.PATH)
    : (findExecutable('pocketsphinx_continuous', env.PATH) ?? findExecutable('pocketsphinx', env.PATH));
  if (!command) return undefined;
  const prefix = dirname(dirname(command));
  const candidates = [env.SCRIBE_POCKETSPHINX_MODEL, join(prefix, 'share', 'pocketsphinx', 'model', 'en-us'), ...MODEL_DIRS];
  const modelDir = candidates.find((directory): directory is string => directory !== undefined && isModelDir(directory));
  return { command, variant: variantOf(command), ...(modelDir ? { modelDir } : {}) };
}

/** The interface of a pocketsphinx binary, from its name. */
export function variantOf(command: string): PocketsphinxVariant {
  return basename(command).startsWith('pocketsphinx_continuous') ? 'continuous' : 'cli5';
}

function isModelDir(directory: string): boolean {
  return existsSync(join(directory, 'en-us', 'mdef')) && existsSync(join(directory, 'en-us.lm.bin')) && existsSync(join(directory, 'cmudict-en-us.dict'));
}
