import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { anyString, arrayOf, looseObject, nonEmptyString, positiveNumber, runWireCheck, wireVersion, type WireCheck } from './wire-check';

// The zod/mini schemas the protocol parsers used before issue 9's bundle work, kept here as the reference the
// hand-written checks must agree with: same verdict, same output (key order included), same issues in the same order.
const zodVersion = z.pipe(z.union([z.string(), z.number()]), z.transform(String));
const zodNonEmpty = z.string().check(z.minLength(1));
const REFERENCE: Array<{ name: string; zod: z.ZodMiniType; check: WireCheck<unknown>; valid: Record<string, unknown> }> = [
  {
    name: 'session body',
    zod: z.looseObject({ session_id: zodNonEmpty, status: zodNonEmpty }),
    check: looseObject({ session_id: nonEmptyString, status: nonEmptyString }),
    valid: { session_id: 's1', status: 'completed', transcript: 't' },
  },
  { name: 'empty-allowed body', zod: z.looseObject({}), check: looseObject({}), valid: { status: 'processing' } },
  {
    name: 'discovery document',
    zod: z.looseObject({
      protocol: z.string(),
      protocol_version: zodVersion,
      supported_versions: z.array(zodVersion),
      endpoints: z.looseObject({ base_url: zodNonEmpty }),
      authentication: z.looseObject({ supported_methods: z.array(z.string()) }),
      capabilities: z.looseObject({
        audio_formats: z.array(z.string()),
        max_chunk_duration_seconds: z.pipe(
          z.union([z.number(), z.pipe(z.string().check(z.regex(/^\s*\d+(\.\d+)?\s*$/)), z.transform(Number))]),
          z.number().check(z.positive()),
        ),
      }),
      models: z.array(z.looseObject({ id: zodNonEmpty })),
    }),
    check: looseObject({
      protocol: anyString,
      protocol_version: wireVersion,
      supported_versions: arrayOf(wireVersion),
      endpoints: looseObject({ base_url: nonEmptyString }),
      authentication: looseObject({ supported_methods: arrayOf(anyString) }),
      capabilities: looseObject({ audio_formats: arrayOf(anyString), max_chunk_duration_seconds: positiveNumber }),
      models: arrayOf(looseObject({ id: nonEmptyString })),
    }),
    valid: {
      extra: 1,
      protocol: 'medscribealliance',
      protocol_version: '0.1',
      supported_versions: ['0.1'],
      endpoints: { base_url: '/v1', templates_url: '/t' },
      authentication: { supported_methods: ['api_key'] },
      capabilities: { audio_formats: ['wav'], max_chunk_duration_seconds: 30 },
      models: [{ id: 'm' }],
    },
  },
];

class Custom {}
/** Values that probe every branch: wrong types, empty and numeric texts, non-finite numbers, exotic objects. */
const PROBES: unknown[] = [
  undefined, null, '', ' ', 'x', '0', '5', ' 7 ', '1.5', '1e3', '-1', '0.1', '9'.repeat(400), 0, -0, -1, 0.1, 1.5, 30,
  NaN, Infinity, -Infinity, true, false, [], [''], ['a'], ['a', 1], [0.1, '0.2', NaN], [{}], [{ id: '' }], [{ id: 'm' }, 'm'],
  {}, { length: 0 }, { length: '0' }, { base_url: '' }, { base_url: 'u' }, new Date(0), Object.create(null), new Map(),
  new Custom(), JSON.parse('{"__proto__": {"x": 1}, "id": "m"}'),
];

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `value` with the key at `path` replaced by `replacement`, or deleted when it is the `DELETE` marker. */
const DELETE = Symbol('delete');
function withAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const [key, ...rest] = path as [string, ...string[]];
  const next = withAt((value as Record<string, unknown>)[key], rest, replacement);
  if (next === DELETE) delete (copy as Record<string, unknown>)[key];
  else (copy as Record<string, unknown>)[key] = next;
  return copy;
}

/** Every path to a key of `value`, objects and arrays included. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => [[...prefix, key], ...pathsOf((value as Record<string, unknown>)[key], [...prefix, key])]);
}

/** The output with key order made visible (toEqual ignores it), undefined values kept. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.keys(value).map((key) => [key, ordered((value as Record<string, unknown>)[key])]);
}

function expectSameVerdict(reference: (typeof REFERENCE)[number], input: unknown): void {
  const expected = reference.zod.safeParse(input, { error: en().localeError });
  const actual = runWireCheck(reference.check, input);
  if (expected.success) {
    expect(actual.issues).toEqual([]);
    expect(ordered(actual.value)).toEqual(ordered(expected.data));
  } else {
    expect(actual.issues).toEqual(expected.error.issues.map((issue) => ({ path: issue.path, message: issue.message })));
  }
}

// Thousands of comparisons per test: seconds of CPU, more on a loaded 2-core CI machine than vitest's default 5 s bound.
describe('wire checks agree with the zod/mini schemas they replaced (issue 9)', { timeout: 60_000 }, () => {
  for (const reference of REFERENCE) {
    it(`${reference.name}: every probe at every key, and the key missing`, () => {
      expectSameVerdict(reference, reference.valid);
      for (const probe of PROBES) expectSameVerdict(reference, probe);
      for (const path of [...pathsOf(reference.valid), ['added']]) {
        for (const probe of [...PROBES, DELETE]) expectSameVerdict(reference, withAt(reference.valid, path, probe));
      }
    });

    it(`${reference.name}: 2000 random mutations of two keys at once`, () => {
      const next = random(9);
      const paths = pathsOf(reference.valid);
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      for (let round = 0; round < 2000; round += 1) {
        const once = withAt(reference.valid, pick(paths), pick([...PROBES, DELETE]));
        expectSameVerdict(reference, withAt(once, pick([...pathsOf(once), ['added']]), pick([...PROBES, DELETE])));
      }
    });
  }

  it('keeps the shape keys first and drops an own __proto__ key from the output', () => {
    const input = JSON.parse('{"b": 1, "__proto__": {"polluted": true}, "session_id": "s", "status": "x"}') as unknown;
    const { value } = runWireCheck(looseObject({ session_id: nonEmptyString, status: nonEmptyString }), input);
    expect(Object.keys(value)).toEqual(['session_id', 'status', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
