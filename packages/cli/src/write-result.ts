import type { SessionResult } from '@scribe/node';
import type { CliStream } from './cli-io';
import type { OutputMode } from './output-mode';

/** Where a result came from and where it was saved, printed along with it. */
export interface ResultOrigin {
  /** The audio file, for `transcribe` and `stream`. */
  file?: string;
  /** The file the result was written to (`--out`). */
  output?: string;
}

/**
 * Prints one session result on stdout: a JSON line `{file?, output?, result}` whose `result` is the session body in
 * the protocol's shape (`session_id`, `status`, `transcript`, `templates`), or readable text on a terminal.
 */
export function writeResult(stdout: CliStream, mode: OutputMode, result: SessionResult, origin: ResultOrigin = {}): void {
  if (mode.json) {
    stdout.write(`${JSON.stringify({ ...origin, result: result.toJSON() })}\n`);
    return;
  }
  // The mode is shown when the service echoes it, so `--mode` (or the configured default) can be checked at a glance.
  const sessionMode = result.sessionMode === undefined ? '' : `, ${result.sessionMode}`;
  const lines = [`${origin.file ?? 'session'}: ${result.status} (session ${result.sessionId}${sessionMode})`];
  if (origin.output) lines.push(`saved to ${origin.output}`);
  if (result.error) lines.push(`error: ${result.error.message}`);
  if (result.transcript) lines.push('', 'Transcript:', result.transcript);
  for (const document of result.templates) {
    for (const [templateId, entry] of Object.entries(document)) {
      lines.push('', `${templateId} (${entry.status}):`);
      if (entry.error) lines.push(`  ${entry.error.message}`);
      if (entry.data !== undefined) lines.push(indent(typeof entry.data === 'string' ? entry.data : JSON.stringify(entry.data, null, 2)));
    }
  }
  stdout.write(`${lines.join('\n')}\n`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
