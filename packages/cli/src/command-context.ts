import { resolve } from 'node:path';
import type { Logger, ScribeClient } from '@scribe/node';
import type { CliIo } from './cli-io';
import { EXIT_CODES, type ExitCode } from './exit-codes';

/** Options every command takes (given before or after the command name). */
export interface GlobalOptions {
  /** A durable chunk queue: `transcribe` and `record` keep chunks there until acknowledged; `resume` finishes them. Default none. */
  queueDir?: string;
  /** Print the SDK's info and debug lines on stderr too. Default: warnings and errors only. */
  verbose?: boolean;
}

/** What a command's action works with: the process around it, one client, and where its exit code goes. */
export interface CommandContext {
  /** The process's streams, environment and interrupts. */
  readonly io: CliIo;
  /** The client for this run, created on first use from the same sources as `new ScribeClient()` and closed at the end. */
  client(): Promise<ScribeClient>;
  /** The global options, as parsed. */
  globals(): GlobalOptions;
  /** Records a command's outcome; the first failure wins, so later successes do not hide it. */
  finish(code: ExitCode): void;
}

/** A context for one run; `close()` releases the client, `exitCode()` is what the process should exit with. */
export function createCommandContext(io: CliIo, readGlobals: () => GlobalOptions): CommandContext & { close(): Promise<void>; exitCode(): ExitCode } {
  let client: Promise<ScribeClient> | undefined;
  let exitCode: ExitCode = EXIT_CODES.ok;
  return {
    io,
    globals: readGlobals,
    client() {
      // Loaded on first use: the SDK (with the ONNX runtime) takes most of a second to import, which `--help`,
      // `--version` and usage errors need not wait for.
      client ??= import('@scribe/node').then(({ ScribeClient }) => {
        const { queueDir, verbose } = readGlobals();
        return new ScribeClient({
          cwd: io.cwd,
          processEnv: io.env,
          queueDir: queueDir === undefined ? undefined : resolve(io.cwd, queueDir),
          logger: stderrLogger(io, verbose === true),
        });
      });
      return client;
    },
    finish(code) {
      if (exitCode === EXIT_CODES.ok) exitCode = code;
    },
    exitCode: () => exitCode,
    async close() {
      await client?.then((created) => created.close(), () => undefined);
    },
  };
}

// The SDK redacts what reaches a logger; warnings (an unknown SCRIBE_* variable, say) help whoever runs the command.
function stderrLogger(io: CliIo, verbose: boolean): Logger {
  const write = (level: string) => (message: string) => void io.stderr.write(`scribe: ${level}: ${message}\n`);
  const quiet = () => undefined;
  return { debug: verbose ? write('debug') : quiet, info: verbose ? write('info') : quiet, warn: write('warning'), error: write('error') };
}
