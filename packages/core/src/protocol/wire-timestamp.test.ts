import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './wire-timestamp';

const INSTANT = Date.UTC(2025, 0, 19, 10, 35, 0);

describe('parseTimestamp [#62]', () => {
  it.each([
    ['2025-01-19T10:35:00Z', INSTANT],
    ['2025-01-19T10:35:00.000Z', INSTANT],
    ['2025-01-19T10:35:00', INSTANT], // offset-less = UTC
    ['2025-01-19 10:35:00', INSTANT],
    ['2025-01-19T10:35:00.123456Z', INSTANT + 123],
    ['2025-01-19T16:05:00+05:30', INSTANT],
    ['2025-01-19T05:35:00-0500', INSTANT],
    ['2025-01-19T10:35Z', INSTANT],
    ['2025-01-19', Date.UTC(2025, 0, 19)],
  ])('ISO string %s', (raw, expected) => {
    const parsed = parseTimestamp(raw);
    expect(parsed?.raw).toBe(raw);
    expect(parsed?.date?.getTime()).toBe(expected);
  });

  it('reads integers as epoch seconds and ≥ 10^12 as milliseconds', () => {
    expect(parseTimestamp(1737282900)?.date?.getTime()).toBe(INSTANT);
    expect(parseTimestamp(INSTANT)?.date?.getTime()).toBe(INSTANT);
    expect(parseTimestamp(1e12)?.date?.getTime()).toBe(1e12);
    expect(parseTimestamp(999_999_999_999)?.date?.getTime()).toBe(999_999_999_999_000);
    expect(parseTimestamp('1737282900')?.date?.getTime()).toBe(INSTANT);
  });

  it('keeps the raw value when the date cannot be understood', () => {
    expect(parseTimestamp('yesterday')).toEqual({ raw: 'yesterday', date: undefined });
    expect(parseTimestamp('2025-13-19T10:35:00Z')?.date).toBeUndefined();
    expect(parseTimestamp('2025-01-19T25:35:00Z')?.date).toBeUndefined();
    expect(parseTimestamp(Number.NaN)?.date).toBeUndefined();
  });

  it('is undefined for absent, null, empty and non-scalar values', () => {
    for (const raw of [undefined, null, '', '  ', {}, []]) expect(parseTimestamp(raw)).toBeUndefined();
  });
});
