import type { Logger } from '@scribe/node';

/** A logger that keeps every line it is given, fields serialised, for assertions on what the SDK logs. */
export interface CapturingLogger extends Logger {
  /** `level message {fields}` per call, oldest first. */
  readonly lines: string[];
}

/** Creates an empty {@link CapturingLogger}. */
export function createCapturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields === undefined ? '' : JSON.stringify(fields)}`);
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
