import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialKind } from '../auth/authenticate.js';
import type { UploadNote } from '../http/context.js';

/** One request as the server saw it (test knob `server.requests`). */
export interface RecordedRequest {
  requestId: string;
  method: string;
  /** Pathname without the query string. */
  path: string;
  /** Values of secret-looking keys (`api_key`, `*token*`, `*secret*`, `password`, `jwt*`) redacted. */
  query: Record<string, string | string[]>;
  /** Lower-case names; credentials (`authorization`, `x-api-key`, `jwt-payload`, `cookie`) redacted. */
  headers: Record<string, string>;
  /** Parsed JSON body, when the route takes JSON and one was sent; values of secret-looking keys redacted, at any depth. */
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

/**
 * Keys whose values are credentials: `client_secret`, `secret`, `password`, `access_token`, `refresh_token`, `token`,
 * `api_key` / `apikey` / `api-key`, `jwt_payload`. Matched by pattern so a new field of the same kind is covered too.
 */
const SECRET_KEY = /secret|passw|token|api[-_]?key|jwt|credential|authorization/i;

/** Copies a parsed JSON body with the values of secret-looking keys replaced, at any depth. */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) && item !== null ? REDACTED : redactBody(item);
  return out;
}

/** Converts URL search params to a plain object (repeated keys become arrays), secret-looking values redacted. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of params) {
    const value = SECRET_KEY.test(key) ? REDACTED : raw;
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
