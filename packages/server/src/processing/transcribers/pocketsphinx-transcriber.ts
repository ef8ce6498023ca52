import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '@scribe/core/internal';
import { ENGINE_SAMPLE_RATE, EngineError } from '../engine.js';
import type { PocketsphinxInstallation } from './find-pocketsphinx.js';
import { removeFillers } from './remove-fillers.js';
import { runProcess, type ProcessResult } from './run-process.js';
import { writeRecogniserVocabulary } from '../vocabulary/write-recogniser-vocabulary.js';
import type { Transcriber, TranscriberInput, TranscriberResult } from './transcriber.js';

/** Options of `createPocketsphinxTranscriber`. */
export interface PocketsphinxTranscriberOptions {
  /** Kill the recogniser after this many ms. Default: 30 s plus 2 s per second of audio (it runs near 0.15× real time). */
  timeoutMs?: number;
  /**
   * Extra arguments placed before the input. Default for the `continuous` interface: `-remove_noise no`, because
   * spectral noise subtraction costs accuracy on clean recordings (measured on the samples: word error rate 6.6 %
   * without it against 9.1 % with it for the rms voice).
   */
  extraArgs?: readonly string[];
  /**
   * Teach the recogniser the clinical lexicon's words (a medical dictionary and a language-model class, see
   * docs/engine.md "Recogniser vocabulary"), leave out words that filler noise turns into, and remove filler words
   * from the transcript; false runs the plain model as before issue 13. Default: true for the
   * `continuous` interface with a model directory (where it was measured); the `cli5` interface is left unchanged.
   */
  vocabulary?: boolean;
  /** Where the vocabulary's files go (they hold no patient data and are shared by sessions). Default: the OS temp directory. */
  vocabularyDir?: string;
  /** Where the temporary WAV goes when the server gives no `workDir` (it always does). Default: the OS temp directory. */
  tempDir?: string;
}

/**
 * Transcribes with a local pocketsphinx (US English model), offline: the session's audio is written to a temporary
 * 16 kHz WAV, the recogniser runs on it, its utterances become the transcript's lines, and the file is removed. A
 * crash, a timeout or a missing binary fails the session with a message saying so.
 */
export function createPocketsphinxTranscriber(installation: PocketsphinxInstallation, options: PocketsphinxTranscriberOptions = {}): Transcriber {
  const extraArgs = options.extraArgs ?? (installation.variant === 'continuous' ? ['-remove_noise', 'no'] : []);
  const vocabulary = (options.vocabulary ?? true) && installation.variant === 'continuous' && installation.modelDir !== undefined;
  return {
    name: 'pocketsphinx',
    languages: ['en'],
    async transcribe(input: TranscriberInput, signal: AbortSignal): Promise<TranscriberResult> {
      // Patient audio: under the data directory, so a crash's leftover is swept at the next start (issue 11 item 12).
      const parent = input.workDir ?? options.tempDir ?? tmpdir();
      await mkdir(parent, { recursive: true });
      const directory = await mkdtemp(join(parent, 'scribe-pocketsphinx-'));
      try {
        const wavPath = join(directory, `${input.sessionId.replace(/[^\w.-]/g, '_')}.wav`);
        await writeFile(wavPath, encodeWav(input.pcm, { sampleRate: ENGINE_SAMPLE_RATE }));
        const seconds = input.pcm.length / ENGINE_SAMPLE_RATE;
        const timeoutMs = options.timeoutMs ?? 30_000 + 2_000 * seconds;
        const medical = vocabulary ? await writeRecogniserVocabulary(installation.modelDir as string, options.vocabularyDir ? { parentDir: options.vocabularyDir } : {}) : undefined;
        const result = await run(installation, [...(medical ?? modelArgs(installation)), ...extraArgs], wavPath, timeoutMs, signal);
        const utterances = parsePocketsphinxOutput(result.stdout.toString('utf8'), installation.variant);
        return { text: (vocabulary ? utterances.map(removeFillers).filter(Boolean) : utterances).join('\n'), language: 'en' };
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    },
  };
}

async function run(installation: PocketsphinxInstallation, args: string[], wavPath: string, timeoutMs: number, signal: AbortSignal): Promise<ProcessResult> {
  const fullArgs = installation.variant === 'continuous' ? [...args, '-infile', wavPath] : [...args, 'live', wavPath];
  let result: ProcessResult;
  try {
    result = await runProcess(installation.command, fullArgs, { timeoutMs, signal });
  } catch (error) {
    throw new EngineError('processing_failed', `pocketsphinx could not be started (${installation.command}): ${(error as Error).message}`);
  }
  if (result.aborted) throw new EngineError('processing_failed', 'pocketsphinx was stopped because processing was cancelled.');
  if (result.timedOut) throw new EngineError('processing_failed', `pocketsphinx did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`);
  if (result.code !== 0) {
    const how = result.code === null ? `was killed by ${result.signal}` : `exited with code ${result.code}`;
    const detail = lastMeaningfulLine(result.stderrTail);
    throw new EngineError('processing_failed', `pocketsphinx ${how}${detail ? `: ${detail}` : ''}.`);
  }
  return result;
}

function modelArgs(installation: PocketsphinxInstallation): string[] {
  const dir = installation.modelDir;
  if (!dir) return [];
  return ['-hmm', join(dir, 'en-us'), '-lm', join(dir, 'en-us.lm.bin'), '-dict', join(dir, 'cmudict-en-us.dict')];
}

/**
 * The utterances in a pocketsphinx output: plain hypothesis lines (`continuous`) or JSON lines with the text in `t`
 * (`cli5`). Blank hypotheses (silence) are dropped.
 */
export function parsePocketsphinxOutput(stdout: string, variant: PocketsphinxInstallation['variant']): string[] {
  const lines = stdout.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (variant === 'continuous') return lines;
  const utterances: string[] = [];
  for (const line of lines) {
    try {
      const parsed = JSON.parse(line) as { t?: unknown };
      if (typeof parsed.t === 'string' && parsed.t.trim()) utterances.push(parsed.t.trim());
    } catch {
      // Not a result line (a warning printed to stdout): ignore it.
    }
  }
  return utterances;
}

// The recogniser logs INFO lines; the reason for a failure is the last ERROR/FATAL line, else the last line.
function lastMeaningfulLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const error = lines.filter((line) => /^(ERROR|FATAL|FATAL_ERROR)\b/.test(line)).pop();
  return (error ?? lines.pop() ?? '').slice(0, 300);
}
