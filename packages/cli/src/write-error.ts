import type { CliStream } from './cli-io';
import type { OutputMode } from './output-mode';
import { errorCode } from './exit-code-of-error';

/**
 * Reports a failure on stderr: `scribe: message` for a person, or with `--json` a JSON line `{file?, error: {code,
 * message, status?, requestId?}}`. SDK messages are already redacted and say what to do.
 */
export function writeError(stderr: CliStream, mode: Pick<OutputMode, 'json'>, error: unknown, file?: string): void {
  const message = error instanceof Error ? error.message : String(error);
  const details = error !== null && typeof error === 'object' ? (error as { status?: unknown; requestId?: unknown }) : {};
  if (mode.json) {
    const body = { code: errorCode(error) ?? 'unexpected', message, status: details.status, requestId: details.requestId };
    stderr.write(`${JSON.stringify(file === undefined ? { error: body } : { file, error: body })}\n`);
    return;
  }
  const request = typeof details.requestId === 'string' ? ` (request id ${details.requestId})` : '';
  stderr.write(`scribe: ${file === undefined ? '' : `${file}: `}${message}${request}\n`);
}
