import type { Engine } from '../engine.js';
import { createOpenAiCompatibleExtractor } from '../extractors/openai-compatible-extractor.js';
import { createRuleBasedExtractor } from '../extractors/rules/rule-based-extractor.js';
import { findExecutable } from '../transcribers/find-executable.js';
import { findPocketsphinx, variantOf } from '../transcribers/find-pocketsphinx.js';
import { createOpenAiCompatibleTranscriber } from '../transcribers/openai-compatible-transcriber.js';
import { createPocketsphinxTranscriber } from '../transcribers/pocketsphinx-transcriber.js';
import type { Transcriber } from '../transcribers/transcriber.js';
import { createUnavailableTranscriber } from '../transcribers/unavailable-transcriber.js';
import { createLocalEngine } from './create-local-engine.js';

/** Which recogniser and extractor the local engine uses (the CLI's `--transcriber` / `--extractor` flags). */
export interface EngineSelection {
  /** `auto` (default): pocketsphinx when installed, else none. */
  transcriber?: 'auto' | 'pocketsphinx' | 'openai-compatible' | 'none';
  /** Required for `openai-compatible`. */
  transcriberUrl?: string;
  transcriberApiKey?: string;
  transcriberModel?: string;
  /** A pocketsphinx binary to use instead of the one found (`pocketsphinx_continuous` or the 5.x `pocketsphinx`). */
  pocketsphinxCommand?: string;
  /** Kill pocketsphinx after this many ms. Default: 30 s plus 2 s per second of audio. */
  pocketsphinxTimeoutMs?: number;
  /** Default `rules`. */
  extractor?: 'rules' | 'openai-compatible';
  /** Required for `openai-compatible`. */
  extractorUrl?: string;
  extractorApiKey?: string;
  extractorModel?: string;
  /** ffmpeg for compressed chunks: a path, `false` to do without. Default: `ffmpeg` on PATH when there. */
  ffmpeg?: string | false;
  /** Environment consulted for the tools. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** A built engine and a line saying what it runs, for the startup log. */
export interface SelectedEngine {
  engine: Engine;
  description: string;
}

/** Builds the local engine from a selection; throws a TypeError for a selection that cannot work (a missing URL). */
export function selectEngine(selection: EngineSelection = {}): SelectedEngine {
  const env = selection.env ?? process.env;
  const transcriber = selectTranscriber(selection, env);
  const rules = createRuleBasedExtractor();
  const extractorKind = selection.extractor ?? 'rules';
  if (extractorKind === 'openai-compatible' && !selection.extractorUrl) throw new TypeError('--extractor openai-compatible needs --extractor-url');
  const extractor =
    extractorKind === 'openai-compatible'
      ? createOpenAiCompatibleExtractor({ url: selection.extractorUrl as string, apiKey: selection.extractorApiKey, model: selection.extractorModel, fallback: rules })
      : rules;
  const ffmpeg = selection.ffmpeg === false ? undefined : findExecutable(selection.ffmpeg ?? 'ffmpeg', env.PATH);
  return {
    engine: createLocalEngine({ transcriber: transcriber.transcriber, extractor, ...(ffmpeg ? { ffmpeg } : {}) }),
    description: `transcriber: ${transcriber.description}; extractor: ${extractor.name}; compressed audio: ${ffmpeg ? `ffmpeg (${ffmpeg})` : 'not decoded (no ffmpeg)'}`,
  };
}

function selectTranscriber(selection: EngineSelection, env: NodeJS.ProcessEnv): { transcriber: Transcriber; description: string } {
  const kind = selection.transcriber ?? 'auto';
  if (kind === 'none') return { transcriber: createUnavailableTranscriber(), description: 'none' };
  if (kind === 'openai-compatible') {
    if (!selection.transcriberUrl) throw new TypeError('--transcriber openai-compatible needs --transcriber-url');
    const transcriber = createOpenAiCompatibleTranscriber({ url: selection.transcriberUrl, apiKey: selection.transcriberApiKey, model: selection.transcriberModel });
    return { transcriber, description: `openai-compatible (${selection.transcriberUrl})` };
  }
  const found = selection.pocketsphinxCommand
    ? { ...findPocketsphinx({ env }), command: selection.pocketsphinxCommand, variant: variantOf(selection.pocketsphinxCommand) }
    : findPocketsphinx({ env });
  if (!found) {
    if (kind === 'pocketsphinx') throw new TypeError('--transcriber pocketsphinx: pocketsphinx is not installed (Debian/Ubuntu: apt-get install pocketsphinx pocketsphinx-en-us)');
    return { transcriber: createUnavailableTranscriber(), description: 'none (pocketsphinx not found)' };
  }
  const options = selection.pocketsphinxTimeoutMs === undefined ? {} : { timeoutMs: selection.pocketsphinxTimeoutMs };
  return { transcriber: createPocketsphinxTranscriber(found, options), description: `pocketsphinx (${found.command}${found.modelDir ? `, model ${found.modelDir}` : ''})` };
}
