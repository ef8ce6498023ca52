import { APIError } from '../errors';
import { runWireCheck, type WireCheck } from './wire-check';

/** A JSON object as received: unknown keys kept. */
export type WireObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isWireObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decodes a JSON text body; other values and non-JSON text pass through. Transports hand over raw text when a body
 * is not labelled JSON, and a misconfigured server may still send JSON as text/plain.
 */
export function decodeIfText(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Advice for a success answer whose body is not the JSON the protocol defines: most often something other than the
 * scribe service answered (a proxy, a captive portal, a wrong base URL).
 */
export const UNEXPECTED_BODY_ADVICE =
  'Something other than the scribe service may have answered (a proxy, a captive portal, or a wrong `baseUrl`): check the configured URLs and the dialect.';

/** Validates `raw` against a lenient check; a mismatch is an APIError naming the paths (never the body: PHI). */
export function parseWire<T>(check: WireCheck<T>, raw: unknown, what: string): T {
  const decoded = decodeIfText(raw);
  const result = runWireCheck(check, decoded);
  if (result.issues.length === 0) return result.value;
  if (!isWireObject(decoded)) {
    throw new APIError(`Malformed ${what}: expected a JSON object, received ${describeType(decoded)}. ${UNEXPECTED_BODY_ADVICE}`);
  }
  const issues = result.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    return `${path}: ${issue.message}`;
  });
  throw new APIError(`Malformed ${what}: ${issues.join('; ')}.`, { details: { issues } });
}

/** Like `parseWire` for bodies that may legitimately be empty: `undefined`, `null` and `''` become `{}`. */
export function parseOptionalWire<T>(check: WireCheck<T>, raw: unknown, what: string): T {
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  return parseWire(check, empty ? {} : raw, what);
}

/** A short type name for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty body' : 'text';
  return typeof value;
}

/** A string field, or undefined when absent or of another type. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A finite number (numeric strings accepted, since some gateways stringify integers), else undefined. */
export function optionalNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** An array of strings: non-string items dropped; anything else becomes `[]`. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** An object field, or undefined. */
export function optionalObject(value: unknown): WireObject | undefined {
  return isWireObject(value) ? value : undefined;
}
