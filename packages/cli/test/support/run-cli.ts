import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** The built `scribe` command: the tests run what users run. */
export const SCRIBE_BIN = join(import.meta.dirname, '..', '..', 'dist', 'bin.js');

/** How a run of the command ended. */
export interface CliRun {
  /** The exit code (null when a signal ended it). */
  readonly code: number | null;
  /** Everything written to stdout. */
  readonly stdout: string;
  /** Everything written to stderr. */
  readonly stderr: string;
}

/** Options of a run: its working directory (with the `.env`) and extra environment variables. */
export interface CliRunOptions {
  /** Working directory: `.env` and `scribe.config.*` are read from here. Required. */
  cwd: string;
  /** Variables added to a minimal environment (PATH and HOME only: no SCRIBE_* of the test process leaks in). */
  env?: NodeJS.ProcessEnv;
}

/** A started command with its output so far, killed when the test finishes if it is still running. */
export interface StartedCli {
  /** The process (send it SIGINT as a terminal's Ctrl-C would). */
  readonly child: ChildProcess;
  /** Output so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves once it exited. */
  readonly done: Promise<CliRun>;
}

/** Starts `scribe ...args` with stdout and stderr as pipes (not a terminal). */
export function startCli(args: readonly string[], options: CliRunOptions): StartedCli {
  const child = spawn(process.execPath, [SCRIBE_BIN, ...args], { cwd: options.cwd, env: cliEnvironment(options), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  onTestFinished(() => void (child.exitCode === null && child.signalCode === null ? child.kill('SIGKILL') : undefined));
  return { child, output: () => ({ stdout, stderr }), done };
}

/** Runs `scribe ...args` off a terminal and resolves once it exited. */
export function runCli(args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  return startCli(args, options).done;
}

/**
 * Runs `scribe ...args` on a pseudo-terminal through util-linux `script` (no native module needed): stdout and stderr
 * are both the terminal, so `stdout` holds them interleaved, exactly as a person would see them.
 */
export async function runCliOnTty(args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  const command = [process.execPath, SCRIBE_BIN, ...args].map(shellQuote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: options.cwd, env: { ...cliEnvironment(options), COLUMNS: '160', LINES: '40' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  onTestFinished(() => void (child.exitCode === null ? child.kill('SIGKILL') : undefined));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function cliEnvironment(options: CliRunOptions): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: options.cwd, ...options.env };
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
