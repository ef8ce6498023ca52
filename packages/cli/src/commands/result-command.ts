import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { EXIT_CODES } from '../exit-codes';
import { exitCodeOfError } from '../exit-code-of-error';
import { outputMode } from '../output-mode';
import { writeError } from '../write-error';
import { writeResult } from '../write-result';

interface ResultFlags {
  json?: boolean;
  wait?: boolean;
}

/** `scribe result SESSION_ID`: waits until the session is processed (or, with `--no-wait`, reads it once) and prints it. */
export function registerResultCommand(program: Command, context: CommandContext): void {
  program
    .command('result')
    .description("print a session's result, waiting until it is processed")
    .argument('<session-id>', 'the session id')
    .option('--no-wait', 'read the session once, whatever its status')
    .option('--json', 'a JSON line on stdout (the default when stdout is not a terminal)')
    .action(async (sessionId: string, flags: ResultFlags) => {
      const { io } = context;
      const mode = outputMode(io, flags);
      const controller = new AbortController();
      const stopListening = io.onInterrupt(() => controller.abort());
      try {
        const client = await context.client();
        const options = { signal: controller.signal };
        const result = flags.wait === false ? await client.sessions.get(sessionId, options) : await client.waitForResults(sessionId, options);
        writeResult(io.stdout, mode, result);
        context.finish(result.status === 'failed' || result.status === 'expired' ? EXIT_CODES.service : EXIT_CODES.ok);
      } catch (error) {
        writeError(io.stderr, mode, error);
        context.finish(exitCodeOfError(error));
      } finally {
        stopListening();
      }
    });
}
