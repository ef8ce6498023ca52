import { constants } from 'node:os';

/**
 * A POSIX `sh` script that runs its arguments as a command and kills it when the server dies. Node cannot ask Linux
 * for a parent-death signal (prctl), and children run in their own process group (so a timeout can kill a wrapper's
 * children too), so a `kill -9` of the server would leave them running with patient audio open. The server holds one
 * end of a socket the script reads on fd 3; when the server is gone, for whatever reason, the kernel closes that end,
 * the read ends and the command is killed. The command keeps stdin (through fd 4) and never sees fd 3.
 */
export const PARENT_WATCH_SCRIPT = [
  'command -v -- "$1" >/dev/null 2>&1 || { echo "scribe-child: $1: not found" >&2; exit 127; }',
  'exec 4<&0',
  '"$@" <&4 3<&- 4<&- &',
  'child=$!',
  'exec 4<&-',
  '{ read -r _ <&3; kill -KILL "$child" 2>/dev/null; } &',
  'watcher=$!',
  'exec 3<&-',
  'wait "$child"; status=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

/** What the wrapper prints to stderr when the command does not exist (it then exits 127). */
export const NOT_FOUND_MARKER = 'scribe-child: ';

/** The `spawn` arguments that run `command args` under the watch script. */
export function parentWatchArguments(command: string, args: readonly string[]): { file: string; args: string[] } {
  return { file: '/bin/sh', args: ['-c', PARENT_WATCH_SCRIPT, 'scribe-child', command, ...args] };
}

/**
 * The signal behind a wrapper's exit status: `sh` reports a command killed by signal N as 128 + N. Returns undefined
 * for an ordinary exit code.
 */
export function signalOfStatus(code: number | null): NodeJS.Signals | undefined {
  if (code === null || code <= 128) return undefined;
  const number = code - 128;
  return (Object.keys(constants.signals) as NodeJS.Signals[]).find((name) => constants.signals[name] === number);
}
