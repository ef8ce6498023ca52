import { writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { CreateSessionOptions, ScribeClient } from '@scribe/node';
import type { CliIo } from './cli-io';
import { audioDurationSeconds } from './audio-duration';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { exitCodeOfError } from './exit-code-of-error';
import type { OutputMode } from './output-mode';
import { createProgressDisplay } from './progress-display';
import { writeError } from './write-error';
import { writeResult } from './write-result';

/** Options of {@link transcribeFile}. */
export interface TranscribeFileOptions {
  /** The output mode of the run. Required. */
  mode: OutputMode;
  /** The session to create. Required (may be empty: the configuration decides). */
  create: Omit<CreateSessionOptions, 'signal' | 'uploadType' | 'communicationProtocol'>;
  /** `chunks` (speech detected locally) or `stream` (WebSocket). Default `chunks`. */
  transport?: 'chunks' | 'stream';
  /** Also write the result as `<name>.json` into this directory (created beforehand). Default: stdout only. */
  outDir?: string;
  /** Cancels the transcription (Ctrl-C). Required. */
  signal: AbortSignal;
}

/**
 * Transcribes one file with `client.transcribe` (the file is checked before any session exists), drawing progress on
 * a terminal, then prints the result (and saves it with `--out`). Returns the file's exit code: a `failed` session is
 * a service failure; errors are printed, not thrown.
 */
export async function transcribeFile(io: CliIo, client: ScribeClient, file: string, options: TranscribeFileOptions): Promise<ExitCode> {
  const { mode, create, transport = 'chunks', outDir, signal } = options;
  const path = resolve(io.cwd, file);
  const display = mode.progress ? createProgressDisplay(io.stderr, { label: basename(file), totalSeconds: await audioDurationSeconds(path), transport }) : undefined;
  try {
    const result = await client.transcribe(path, { create, transport, signal, onState: display?.update });
    display?.stop();
    const output = outDir === undefined ? undefined : join(resolve(io.cwd, outDir), `${basename(file, extname(file))}.json`);
    if (output !== undefined) await writeFile(output, `${JSON.stringify(result.toJSON(), null, 2)}\n`);
    writeResult(io.stdout, mode, result, { file, ...(output === undefined ? {} : { output }) });
    return result.status === 'failed' ? EXIT_CODES.service : EXIT_CODES.ok;
  } catch (error) {
    display?.stop();
    writeError(io.stderr, mode, error, file);
    return exitCodeOfError(error);
  }
}
