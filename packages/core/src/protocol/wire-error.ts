import { isWireObject, optionalString } from './parse-wire';

/** A `{code, message}` error as found in templates and failed session bodies. Extra keys (`details`) are kept. */
export interface WireError {
  /** Machine-readable code; `unknown` when the server gave none. */
  readonly code: string;
  /** Human-readable message (may be empty). */
  readonly message: string;
  /** The original value when it was not already `{code, message}` strings (for example a bare string). */
  readonly raw?: unknown;
  /** Any other key the server sent. */
  readonly [extra: string]: unknown;
}

/**
 * Normalises an error value (contract 4.3 rule 5, 4.4): a string becomes `{code: "unknown", message}`; an object
 * keeps its `code` and `message` (a code alone doubles as the message); anything else is undefined.
 */
export function normalizeWireError(value: unknown): WireError | undefined {
  if (typeof value === 'string') return Object.freeze({ code: 'unknown', message: value, raw: value });
  if (!isWireObject(value)) return undefined;
  const { code: rawCode, message: rawMessage, ...extra } = value;
  const code = typeof rawCode === 'number' ? String(rawCode) : optionalString(rawCode);
  const message = optionalString(rawMessage) ?? optionalString(value.detail);
  const normalized = { ...extra, code: code ?? 'unknown', message: message ?? code ?? '' };
  const exact = typeof rawCode === 'string' && typeof rawMessage === 'string';
  return Object.freeze(exact ? normalized : { ...normalized, raw: value });
}

/** One entry of `processing_errors`: `{type, message, file?}`; extra keys kept. */
export interface ProcessingError {
  /** Kind of problem, e.g. `audio_file_skipped`, `audio_files_mismatch`; `unknown` for a bare string item. */
  readonly type: string;
  /** Human-readable message. */
  readonly message: string;
  /** The audio file concerned, when there is one. */
  readonly file?: string;
  /** Any other key the server sent. */
  readonly [extra: string]: unknown;
}

/** Normalises `processing_errors` (4.4): string items → `{type: "unknown", message}`; other junk dropped. */
export function normalizeProcessingErrors(value: unknown): ProcessingError[] {
  if (!Array.isArray(value)) return [];
  const out: ProcessingError[] = [];
  for (const item of value) {
    if (typeof item === 'string') out.push(Object.freeze({ type: 'unknown', message: item }));
    else if (isWireObject(item)) {
      const type = optionalString(item.type) ?? optionalString(item.code) ?? 'unknown';
      const message = optionalString(item.message) ?? '';
      out.push(Object.freeze({ ...item, type, message }));
    }
  }
  return out;
}
