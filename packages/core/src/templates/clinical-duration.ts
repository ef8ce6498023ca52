import * as z from 'zod';

/** Units a spoken duration is normalised to. */
export const DURATION_UNITS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;

/** A length of time as said in the consultation ("for three days" → `{value: 3, unit: "day", text: "3 days"}`). */
export const clinicalDurationSchema = /* @__PURE__ */ z.looseObject({
  /** The number of units (1 for "since yesterday" or "for a week"). */
  value: z.number().nonnegative(),
  unit: z.enum(DURATION_UNITS),
  /** Readable form, e.g. `3 days`, `1 week`. */
  text: z.string(),
});

/** A normalised duration: symptom onset, treatment length, follow-up interval. */
export type ClinicalDuration = z.infer<typeof clinicalDurationSchema>;
