import type { CliIo } from './cli-io';

/** How a command reports: machine-readable JSON lines or text for a person, and whether a progress bar is drawn. */
export interface OutputMode {
  /** One JSON object per line on stdout: with `--json`, or whenever stdout is not a terminal. */
  readonly json: boolean;
  /** A progress bar on stderr: only when stderr is a terminal and `--json` was not given. */
  readonly progress: boolean;
}

/** The output mode of a run: `--json` or a stdout that is not a terminal means JSON; a bar needs a terminal stderr. */
export function outputMode(io: CliIo, options: { json?: boolean }): OutputMode {
  const json = options.json === true || io.stdout.isTTY !== true;
  return { json, progress: options.json !== true && io.stderr.isTTY === true };
}
