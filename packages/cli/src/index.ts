/**
 * @scribe/cli: the `scribe` command (see docs/cli.md). The entry exposes the runner so the command can be embedded
 * or tested in-process; the command itself is the package's `bin`.
 */
export { runScribeCli } from './run-scribe-cli';
export { EXIT_CODES, type ExitCode } from './exit-codes';
export { exitCodeOfError } from './exit-code-of-error';
export { processIo, type CliIo, type CliStream } from './cli-io';
