import { spawn } from 'node:child_process';
import { NOT_FOUND_MARKER, parentWatchArguments, signalOfStatus } from './parent-watch.js';

/** How a child process ended. */
export interface ProcessResult {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Everything the process printed, or empty when `onStdout` took the output. */
  stdout: Buffer;
  /** The last few kilobytes of stderr (recognisers log a lot there). */
  stderrTail: string;
  timedOut: boolean;
  aborted: boolean;
}

/** Options of `runProcess`. */
export interface RunProcessOptions {
  /** Bytes written to stdin, which is then closed. Default: none (stdin closed at once). */
  input?: Uint8Array;
  /** Kill the process after this many ms. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Takes stdout as it arrives instead of collecting it (a decoder that must not hold a bomb's output). Default: collect. */
  onStdout?: (data: Buffer) => void;
}

const STDERR_TAIL_BYTES = 4096;

/**
 * Runs a command to completion and never hangs: on timeout or abort the whole process group is killed (a wrapper
 * script's children too) and the result is returned at once, without waiting for pipes a grandchild may still hold.
 * The command runs under the parent-watch script, so it dies with the server even on `kill -9` (issue 11 item 12).
 * Rejects only when the command cannot be started (for example ENOENT).
 */
export function runProcess(command: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const wrapped = parentWatchArguments(command, args);
    // fd 3 is the lifeline the watch script reads: it closes only when this process is gone.
    const child = spawn(wrapped.file, wrapped.args, { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    let settled = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    const finish = (exitCode: number | null, exitSignal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      child.stdout.destroy();
      child.stderr.destroy();
      child.stdio[3]?.destroy();
      const stderrTail = stderr.slice(-STDERR_TAIL_BYTES);
      if (exitCode === 127 && stderrTail.startsWith(NOT_FOUND_MARKER)) return reject(Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT' }));
      // The watch script reports a command killed by a signal as 128 + N; give the caller the signal back.
      const signal = exitSignal ?? signalOfStatus(exitCode) ?? null;
      const code = signal === null ? exitCode : null;
      resolve({ code, signal, stdout: Buffer.concat(stdout), stderrTail, timedOut, aborted });
    };
    const onStdout = options.onStdout;
    child.stdout.on('data', (data: Buffer) => (onStdout ? onStdout(data) : stdout.push(data)));
    child.stderr.on('data', (data: Buffer) => {
      stderr = (stderr + data.toString('utf8')).slice(-2 * STDERR_TAIL_BYTES);
    });
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    // Normal ends wait for `close` so no output is lost; a killed process ends on `exit`.
    child.on('close', finish);
    child.on('exit', (code, signal) => {
      if (timedOut || aborted) finish(code, signal);
    });
    // Nothing is ever sent on the lifeline; reading it lets its end be seen, so `close` can fire.
    child.stdio[3]?.on('error', () => {});
    (child.stdio[3] as NodeJS.ReadableStream | null)?.resume();
    child.stdin.on('error', () => {}); // a process that exits early closes its stdin: EPIPE is not our failure
    if (options.signal.aborted) onAbort();
    child.stdin.end(options.input ? Buffer.from(options.input.buffer, options.input.byteOffset, options.input.byteLength) : undefined);
  });
}
