import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialKind } from '../auth/authenticate.js';
import type { UploadNote } from '../http/context.js';

/** One request as the server saw it (test knob `server.requests`). */
export interface RecordedRequest {
  requestId: string;
  method: string;
  /** Pathname without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case names; credentials (`authorization`, `x-api-key`, `jwt-payload`, `cookie`) redacted. */
  headers: Record<string, string>;
  /** Parsed JSON body, when the route takes JSON and one was sent. */
  body?: unknown;
  /** Bytes of request body received (0 for bodiless requests or when the body was not read). */
  bodyBytes: number;
  upload?: UploadNote;
  /** Who the server authenticated, when the route needs auth and it succeeded. */
  auth?: { kind: CredentialKind; businessId: string; clientId?: string };
  /** Status answered, or null when the connection was dropped by a fault or the client went away. */
  status: number | null;
  /** The fault applied, if any (`status`, `html`, `drop-before`, `drop-after`, `delay`). */
  fault?: string;
  /** When the request arrived (RFC 3339). */
  timestamp: string;
  durationMs: number;
}

const REDACTED = '[redacted]';

/** Copies headers with credential values replaced; the `Authorization` scheme is kept so tests can assert it. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'authorization') {
      const scheme = text.trim().split(/\s+/)[0] ?? '';
      out[name] = text.includes(' ') ? `${scheme} ${REDACTED}` : REDACTED;
    } else if (name === 'x-api-key' || name === 'jwt-payload' || name === 'cookie') {
      out[name] = REDACTED;
    } else {
      out[name] = text;
    }
  }
  return out;
}

/** Converts URL search params to a plain object; repeated keys become arrays. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** The recorded requests, oldest first; bounded so a long test run cannot grow without limit. */
export class RequestLog {
  private entries: RecordedRequest[] = [];

  constructor(private readonly capacity = 10_000) {}

  /** Appends an entry, dropping the oldest beyond capacity. */
  record(entry: RecordedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** A snapshot of all entries. */
  all(): RecordedRequest[] {
    return [...this.entries];
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries = [];
  }
}
