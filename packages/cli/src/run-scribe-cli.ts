import { Command, CommanderError } from 'commander';
// Inlined by the build (only this field), so `scribe --version` always matches the published package.
import { version } from '../package.json';
import type { CliIo } from './cli-io';
import { createCommandContext, type GlobalOptions } from './command-context';
import { registerRecordCommand } from './commands/record-command';
import { registerResultCommand } from './commands/result-command';
import { registerResumeCommand } from './commands/resume-command';
import { registerStreamCommand } from './commands/stream-command';
import { registerTemplatesCommand } from './commands/templates-command';
import { registerTranscribeCommand } from './commands/transcribe-command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { exitCodeOfError } from './exit-code-of-error';
import { outputMode } from './output-mode';
import { writeError } from './write-error';


/**
 * Runs the `scribe` command with `args` (without `node` and the script path) and resolves with the exit code (see
 * {@link EXIT_CODES}); nothing here calls `process.exit`, so a caller decides when the process ends.
 */
export async function runScribeCli(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const program = new Command('scribe');
  const context = createCommandContext(io, () => program.opts<GlobalOptions>());
  program
    .description('Medical audio to structured notes through a MedScribeAlliance / EkaScribe service (configuration: .env, SCRIBE_* variables, scribe.config.json|yaml)')
    .version(version)
    .option('--queue-dir <dir>', 'keep chunks in this on-disk queue until acknowledged; `scribe resume` finishes what a crash left')
    .option('--verbose', "also print the SDK's info and debug lines on stderr")
    .showHelpAfterError('(scribe --help lists the commands and options)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => void io.stdout.write(text), writeErr: (text) => void io.stderr.write(text) });
  for (const register of [registerTranscribeCommand, registerRecordCommand, registerStreamCommand, registerResultCommand, registerTemplatesCommand, registerResumeCommand]) {
    register(program, context);
  }
  // Every subcommand reports usage errors through exitOverride too, instead of exiting the process.
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...args], { from: 'user' });
    return context.exitCode();
  } catch (error) {
    // Commander has already printed its message (help and --version end here too, with exit code 0).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    // A failure outside a command's own handling (the configuration refused when the client is built, say).
    writeError(io.stderr, outputMode(io, { json: args.includes('--json') }), error);
    return exitCodeOfError(error);
  } finally {
    await context.close();
  }
}
