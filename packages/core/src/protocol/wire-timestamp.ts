/** A timestamp as received, plus its parsed instant. */
export interface WireTimestamp {
  /** The value exactly as the server sent it. */
  readonly raw: string | number;
  /** The instant, or undefined when the value could not be understood. */
  readonly date: Date | undefined;
}

// ISO 8601 / RFC 3339 with `T` or a space, optional seconds and fraction, optional zone. Parsed by hand because
// `Date.parse` reads offset-less date-times as local time and its handling of long fractions differs by runtime.
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch values at or above this are milliseconds (10^12 ms is 2001; 10^12 s is year 33658). */
const MILLISECONDS_THRESHOLD = 1e12;

/** Parses a wire timestamp (contract 4.4): ISO string (no offset = UTC) or epoch seconds (≥ 10^12 = milliseconds). */
export function parseTimestamp(raw: unknown): WireTimestamp | undefined {
  if (typeof raw === 'number') return { raw, date: fromEpoch(raw) };
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return { raw, date: fromEpoch(Number(text)) };
  return { raw, date: fromIso(text) };
}

function fromEpoch(value: number): Date | undefined {
  if (!Number.isFinite(value)) return undefined;
  return validDate(Math.abs(value) >= MILLISECONDS_THRESHOLD ? value : value * 1000);
}

function fromIso(text: string): Date | undefined {
  const match = ISO_PATTERN.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  const date = validDate(utc - zoneOffsetMs(zone));
  // Reject rolled-over fields such as month 13 or 25:00 instead of silently moving the date.
  if (!date || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;
  return date;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  return sign * (hours * 60 + minutes) * 60_000;
}

function validDate(ms: number): Date | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
