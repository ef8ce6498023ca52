/**
 * Small hand-written validators for the few response shapes the SDK requires fields of. They replaced zod/mini at the
 * boundary (issue 9, the browser bundle budget: zod was about 7 kB gzip of a 50 kB budget) and keep its behaviour:
 * the same accepted values and outputs, and the same English issue messages, in the same order (a test compares the
 * two on many inputs, zod's semantics quirks included).
 */

/** One problem with a wire value: where it is (keys and indexes from the body's root) and what is wrong. */
export interface WireIssue {
  /** Keys and array indexes from the body's root; `[]` for the body itself. */
  path: Array<string | number>;
  /** What is wrong, in zod's English wording (`Invalid input: expected string, received number`). */
  message: string;
}

/**
 * Checks one wire value: appends what is wrong to `issues` (each path prefixed with `path`) and returns the value to
 * keep. The returned value is meaningful only when no issue was added.
 */
export type WireCheck<T> = (value: unknown, issues: WireIssue[], path: Array<string | number>) => T;

/** The output type of a check. */
export type WireCheckOutput<C> = C extends WireCheck<infer T> ? T : never;

/** The type name zod's English messages use for a received value (`array`, `null`, `NaN`, `Date`...). */
export function receivedType(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype && 'constructor' in value && value.constructor) {
    return (value.constructor as { name: string }).name;
  }
  return typeof value;
}

function mismatch(expected: string, value: unknown, issues: WireIssue[], path: Array<string | number>): void {
  issues.push({ path, message: `Invalid input: expected ${expected}, received ${receivedType(value)}` });
}

/**
 * A non-empty string. Like zod's `string().check(minLength(1))`, the length rule also applies to a wrong-typed value
 * that has a length (an empty array gets both messages).
 */
export const nonEmptyString: WireCheck<string> = (value, issues, path) => {
  if (typeof value !== 'string') mismatch('string', value, issues, path);
  const length = value === null || value === undefined ? undefined : (value as { length?: unknown }).length;
  if (length !== undefined && !((length as number) >= 1)) {
    const message = Array.isArray(value)
      ? 'Too small: expected array to have >=1 items'
      : typeof value === 'string'
        ? 'Too small: expected string to have >=1 characters'
        : 'Too small: expected unknown to be >=1';
    issues.push({ path, message });
  }
  return value as string;
};

/** Any string (`z.string()`). */
export const anyString: WireCheck<string> = (value, issues, path) => {
  if (typeof value !== 'string') mismatch('string', value, issues, path);
  return value as string;
};

/** An array whose items all pass `item`; every failing item is reported under its index. */
export function arrayOf<T>(item: WireCheck<T>): WireCheck<T[]> {
  return (value, issues, path) => {
    if (!Array.isArray(value)) {
      mismatch('array', value, issues, path);
      return [];
    }
    // An index loop, not map(): a sparse array's holes are checked as undefined, as zod checks them.
    const output: T[] = [];
    for (let index = 0; index < value.length; index += 1) output.push(item(value[index], issues, [...path, index]));
    return output;
  };
}

/**
 * An object whose `shape` keys pass their checks; every other key is kept as received. The output lists the shape's
 * keys first, then the others in the body's order (zod's `looseObject` order, which `raw` fields expose).
 */
export function looseObject<S extends Record<string, WireCheck<unknown>>>(
  shape: S,
): WireCheck<{ [K in keyof S]: WireCheckOutput<S[K]> } & Record<string, unknown>> {
  return (value, issues, path) => {
    const output: Record<string, unknown> = {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      mismatch('object', value, issues, path);
      return output as never;
    }
    const input = value as Record<string, unknown>;
    for (const key of Object.keys(shape)) {
      if (key === '__proto__') continue;
      const parsed = shape[key]!(input[key], issues, [...path, key]);
      if (key in input) output[key] = parsed;
    }
    // `for...in` as zod's: enumerable keys, inherited ones too; `__proto__` is never copied onto the output.
    for (const key in input) {
      if (Object.hasOwn(shape, key) || key === '__proto__') continue;
      output[key] = input[key];
    }
    return output as never;
  };
}

/** A version: a string, or a finite number (a YAML-born `0.1`), as a string. Anything else is `Invalid input`. */
export const wireVersion: WireCheck<string> = (value, issues, path) => {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  issues.push({ path, message: 'Invalid input' });
  return '';
};

const NUMERIC_TEXT = /^\s*\d+(\.\d+)?\s*$/;

/** A positive finite number, given as a number or as decimal text (`"30"`), as a number. */
export const positiveNumber: WireCheck<number> = (value, issues, path) => {
  const number = typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : undefined;
  if (number === undefined) issues.push({ path, message: 'Invalid input' });
  else if (!Number.isFinite(number)) mismatch('number', number, issues, path);
  else if (!(number > 0)) issues.push({ path, message: 'Too small: expected number to be >0' });
  return number ?? 0;
};

/** Runs a check on a whole body: the value and the issues found (`[]` when it passed). */
export function runWireCheck<T>(check: WireCheck<T>, value: unknown): { value: T; issues: WireIssue[] } {
  const issues: WireIssue[] = [];
  const output = check(value, issues, []);
  return { value: output, issues };
}
