import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createTempDirectory } from './temp-directory';

// The real CLI as published (`scribe-server` → dist/cli.js), resolved through the package like any user would.
const SERVER_CLI = join(dirname(createRequire(import.meta.url).resolve('@scribe/server/package.json')), 'dist', 'cli.js');

/** `@scribe/server` running as a child process, so a test can kill it with SIGKILL and start it again. */
export interface ServerProcess {
  /** `http://127.0.0.1:PORT`, the same across restarts. */
  readonly url: string;
  /** The data directory, the same across restarts. */
  readonly dataDir: string;
  /** Everything the server printed (stdout and stderr of every run), in order. */
  readonly output: string[];
  /** Kills the process with SIGKILL (no shutdown, no flush) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it listens. */
  restart(): Promise<void>;
}

/**
 * Starts `scribe-server --test-knobs --transcriber none` on an ephemeral 127.0.0.1 port with a fresh data directory
 * (`extra` arguments appended); killed when the test finishes.
 */
export async function startServerProcess(extra: readonly string[] = []): Promise<ServerProcess> {
  const dataDir = createTempDirectory();
  const output: string[] = [];
  let child: ChildProcess | undefined;
  let port = 0;
  const run = async () => {
    const started = spawn(process.execPath, [SERVER_CLI, '--port', String(port), '--data-dir', dataDir, '--test-knobs', '--transcriber', 'none', ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    const from = output.length;
    const listening = new Promise<number>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`scribe-server exited (${String(code)}) before listening:\n${output.join('')}`));
      started.once('exit', exited);
      started.stdout!.on('data', (data: Buffer) => {
        output.push(data.toString());
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output.slice(from).join(''));
        if (match) {
          started.off('exit', exited);
          resolve(Number(match[1]));
        }
      });
    });
    started.stderr!.on('data', (data: Buffer) => output.push(data.toString()));
    port = await listening;
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };
  onTestFinished(kill);
  await run();
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output,
    kill,
    async restart() {
      await kill();
      await run();
    },
  };
}
