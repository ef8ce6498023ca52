import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { EXIT_CODES } from '../exit-codes';
import { exitCodeOfError } from '../exit-code-of-error';
import { outputMode } from '../output-mode';
import { writeError } from '../write-error';

interface ResumeFlags {
  json?: boolean;
  list?: boolean;
}

/**
 * `scribe resume --queue-dir DIR`: finishes the sessions a crashed or failed `transcribe`/`record` left in the queue
 * (uploads their remaining chunks, ends them); `--list` only shows them. One line per session.
 */
export function registerResumeCommand(program: Command, context: CommandContext): void {
  program
    .command('resume')
    .description('finish the sessions left in the on-disk queue (--queue-dir) by a crash or a failure')
    .option('--list', 'only list the unfinished sessions')
    .option('--json', 'one JSON line per session (the default when stdout is not a terminal)')
    .action(async (flags: ResumeFlags) => {
      const { io } = context;
      const mode = outputMode(io, flags);
      if (context.globals().queueDir === undefined) {
        writeError(io.stderr, mode, new Error('resume needs the queue directory: pass --queue-dir DIR (the one given to transcribe or record).'));
        return context.finish(EXIT_CODES.usage);
      }
      const controller = new AbortController();
      const stopListening = io.onInterrupt(() => controller.abort());
      try {
        const client = await context.client();
        if (flags.list) {
          for (const { sessionId, nextIndex, acknowledged, label } of await client.pendingSessions()) {
            const pending = nextIndex - acknowledged;
            io.stdout.write(mode.json ? `${JSON.stringify({ sessionId, chunksPending: pending, label })}\n` : `${sessionId}  ${pending} chunk(s) pending${label ? `  ${label}` : ''}\n`);
          }
          return context.finish(EXIT_CODES.ok);
        }
        const resumed = await client.resumePending({ signal: controller.signal });
        for (const { sessionId, outcome, chunksUploaded, error } of resumed) {
          const message = error instanceof Error ? error.message : undefined;
          io.stdout.write(mode.json ? `${JSON.stringify({ sessionId, outcome, chunksUploaded, error: message })}\n` : `${sessionId}  ${outcome}, ${chunksUploaded} chunk(s) uploaded${message ? `: ${message}` : ''}\n`);
        }
        context.finish(resumed.some((session) => session.outcome === 'failed') ? EXIT_CODES.service : EXIT_CODES.ok);
      } catch (error) {
        writeError(io.stderr, mode, error);
        context.finish(exitCodeOfError(error));
      } finally {
        stopListening();
      }
    });
}
