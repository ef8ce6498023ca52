/** A stream the CLI writes to: stdout or stderr, or a stand-in in tests. */
export interface CliStream {
  /** Writes text. */
  write(text: string): unknown;
  /** Whether the stream is a terminal (decides between human and machine output). */
  readonly isTTY?: boolean;
}

/** Everything the CLI touches outside itself, so a run is a function of its inputs. */
export interface CliIo {
  /** Results: JSON lines off a terminal or with `--json`, readable text on one. */
  readonly stdout: CliStream;
  /** The progress bar, warnings and error messages. */
  readonly stderr: CliStream;
  /** The environment the configuration is read from (`SCRIBE_*`, `SCRIBE_CONFIG`). */
  readonly env: NodeJS.ProcessEnv;
  /** The directory holding `.env` and `scribe.config.*`; relative paths are read from here. */
  readonly cwd: string;
  /**
   * Calls `handler` on each interrupt (Ctrl-C) until the returned function is called. The first interrupt of a
   * recording stops it and still gets the result; any other interrupt cancels.
   */
  onInterrupt(handler: () => void): () => void;
}

/** The real process: its streams, environment, working directory and SIGINT. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
