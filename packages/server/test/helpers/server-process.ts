import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { onTestFinished } from 'vitest';

/**
 * The built CLI: a real server in a process of its own, which a test can SIGKILL or measure. `SCRIBE_SERVER_CLI`
 * points at another build (an older one, to measure what a fix changed). Default: this package's `dist/cli.js`.
 */
export const CLI = process.env.SCRIBE_SERVER_CLI ?? join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** A `scribe-server` process started by a test. */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Resolves with the exit signal or code once the process is gone. */
  exited: Promise<NodeJS.Signals | number | null>;
  /** Peak resident memory so far in bytes (`VmHWM`, Linux). */
  peakRss(): Promise<number>;
  /** Resident memory now in bytes (`VmRSS`, Linux). */
  rss(): Promise<number>;
}

/** Starts `node dist/cli.js --port 0 ...args` and resolves once it prints its URL; killed when the test ends. */
export async function startServerProcess(args: readonly string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1] as string);
    });
    void exited.then((how) => reject(new Error(`scribe-server exited (${String(how)}) before listening: ${stderr}`)));
  });
  const pid = child.pid as number;
  const status = async (field: string) => {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(match[1]) * 1024;
  };
  return { child, pid, url, exited, peakRss: () => status('VmHWM'), rss: () => status('VmRSS') };
}

/** Calls `check` every 50 ms until it returns true or `timeoutMs` passes; returns whether it did. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

/** True while a process with this id exists (signal 0 probes without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
