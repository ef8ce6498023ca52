import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { EXIT_CODES } from '../exit-codes';
import { exitCodeOfError } from '../exit-code-of-error';
import { outputMode } from '../output-mode';
import { writeError } from '../write-error';

/** `scribe templates`: the templates the service offers, one per line (`{id, name, description}` with `--json`). */
export function registerTemplatesCommand(program: Command, context: CommandContext): void {
  program
    .command('templates')
    .description('list the templates the service offers (ids for --template)')
    .option('--json', 'one JSON line per template (the default when stdout is not a terminal)')
    .action(async (flags: { json?: boolean }) => {
      const { io } = context;
      const mode = outputMode(io, flags);
      try {
        const templates = await (await context.client()).templates.list();
        for (const { id, name, description } of templates) {
          io.stdout.write(mode.json ? `${JSON.stringify({ id, name, description })}\n` : `${id}${name ? `  ${name}` : ''}${description ? ` - ${description}` : ''}\n`);
        }
        context.finish(EXIT_CODES.ok);
      } catch (error) {
        writeError(io.stderr, mode, error);
        context.finish(exitCodeOfError(error));
      }
    });
}
