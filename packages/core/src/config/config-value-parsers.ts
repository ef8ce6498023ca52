import { ConfigError } from '../errors';
import type { ConfigKey } from './config-keys';

/** Which layer a value came from. */
export type ConfigLayer = 'explicit' | 'env' | 'file';

/** Where a raw value was found, for messages that name the exact option, variable or file key. */
export interface ValueOrigin {
  /** The layer. */
  layer: ConfigLayer;
  /** How to name it: `option pollInterval`, `SCRIBE_POLL_INTERVAL`, `poll_interval in ./scribe.config.json`. */
  label: string;
}

/** Parses one raw value per its key's type; throws ConfigError naming the origin (never echoing a secret). */
export function parseConfigValue(spec: ConfigKey, raw: unknown, origin: ValueOrigin): unknown {
  const fail = (expected: string): never => {
    const shown = spec.secret || spec.type === 'json-object' ? '' : ` (got ${preview(raw)})`;
    throw new ConfigError(`${origin.label} must be ${expected}${shown}.`, { details: { key: spec.fileKey ?? spec.option, source: origin.layer } });
  };
  switch (spec.type) {
    case 'string':
    case 'path':
    case 'url':
      return typeof raw === 'string' ? raw.trim() : fail(spec.type === 'url' ? 'an http(s) URL string' : 'a string');
    case 'enum': {
      const value = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
      return value !== undefined && spec.choices!.includes(value) ? value : fail(`one of ${spec.choices!.join(', ')}`);
    }
    case 'string-list':
      return parseList(raw, origin) ?? fail('a list of strings or a comma-separated string');
    case 'seconds':
    case 'integer':
      return parseNumber(spec, raw, origin) ?? fail(describeNumber(spec));
    case 'boolean':
      return parseBoolean(raw, origin) ?? fail('true or false');
    case 'json-object':
      return parseObject(raw) ?? fail('a JSON object');
  }
}

/** Checks a URL's syntax and scheme (normalisation happens once every layer is merged). */
export function checkUrl(value: string, label: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError(`${label} must be an absolute http(s) URL (got ${preview(value)}).`);
  }
}

function parseList(raw: unknown, origin: ValueOrigin): string[] | undefined {
  // Ids and language codes never contain commas, so splitting a string is safe in every layer.
  if (typeof raw === 'string') return splitList(raw);
  if (!Array.isArray(raw) || origin.layer === 'env') return undefined;
  if (!raw.every((item) => typeof item === 'string')) return undefined;
  return raw.map((item: string) => item.trim()).filter((item) => item !== '');
}

/** Splits a comma-separated list, trimming items and dropping empties. */
export function splitList(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function parseNumber(spec: ConfigKey, raw: unknown, origin: ValueOrigin): number | undefined {
  const numeric = typeof raw === 'number' ? raw : origin.layer !== 'explicit' && typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : Number.NaN;
  if (!Number.isFinite(numeric)) return undefined;
  if (spec.type === 'integer' && !Number.isInteger(numeric)) return undefined;
  if (spec.min !== undefined && (numeric < spec.min || (spec.positive && numeric <= spec.min))) return undefined;
  if (spec.max !== undefined && numeric > spec.max) return undefined;
  return numeric;
}

function describeNumber(spec: ConfigKey): string {
  const what = spec.type === 'integer' ? 'an integer' : 'a number of seconds';
  if (spec.min !== undefined && spec.max !== undefined) return `${what} from ${spec.min} to ${spec.max}`;
  if (spec.positive) return `${what} greater than ${spec.min ?? 0}`;
  return spec.min !== undefined ? `${what} ≥ ${spec.min}` : what;
}

function parseBoolean(raw: unknown, origin: ValueOrigin): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string' || origin.layer === 'explicit') return undefined;
  const text = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return undefined;
}

function parseObject(raw: unknown): Record<string, unknown> | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
