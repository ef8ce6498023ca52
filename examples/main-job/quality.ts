import { type EkaEmrTemplate, emptyEkaEmr } from '@scribe/core/templates';
import type { GoldExpected } from './samples';

/** Precision and recall of one kind of field. */
export interface PrecisionRecall {
  /** Extracted items that match a gold item. */
  truePositives: number;
  extracted: number;
  expected: number;
  /** truePositives / extracted; 1 when nothing was extracted (nothing false was claimed). */
  precision: number;
  /** truePositives / expected; 1 when nothing was expected. */
  recall: number;
}

/** The scored fields. */
export const SCORED_FIELDS = ['medications', 'vitals', 'symptoms', 'diagnoses'] as const;

/** One scored field name. */
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** Word error rate and field scores of one run. */
export interface QualityScore {
  wordErrorRate: number;
  fields: Record<ScoredField, PrecisionRecall>;
  /** All four fields pooled. */
  overall: PrecisionRecall;
}

/** Lower-case words without punctuation: "X-ray," → "x ray"; apostrophes inside words are kept ("don't"). */
export function normalizeForWer(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .replace(/-/g, ' ')
    .replace(/(^|\s)'|'(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Word error rate: (substitutions + deletions + insertions) / reference words, by edit distance over words. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = normalizeForWer(reference);
  const hyp = normalizeForWer(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  let previous = Array.from({ length: hyp.length + 1 }, (_, index) => index);
  for (let i = 1; i <= ref.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return (previous[hyp.length] as number) / ref.length;
}

/** Scores an extracted EMR and a transcript against a sample's gold file. */
export function scoreRun(reference: string, transcript: string, emr: EkaEmrTemplate | undefined, expected: GoldExpected): QualityScore {
  const extracted: EkaEmrTemplate = emr ?? emptyEkaEmr();
  const fields = {
    medications: precisionRecall(extracted.medications, expected.medications, (item, gold) =>
      item.name === gold.name &&
      (gold.dose === undefined || item.dose?.text === gold.dose) &&
      (gold.frequency === undefined || item.frequency?.text === gold.frequency) &&
      (gold.duration === undefined || item.duration?.text === gold.duration) &&
      (gold.route === undefined || item.route === gold.route),
    ),
    vitals: precisionRecall(extracted.vitals, expected.vitals, (item, gold) => item.name === gold.name && item.value === gold.value && item.unit === gold.unit),
    symptoms: precisionRecall(extracted.symptoms, expected.symptoms, (item, gold) => item.name === gold.name && (item.duration?.text ?? null) === gold.duration),
    diagnoses: precisionRecall(extracted.diagnoses, expected.diagnoses, (item, gold) => item.name === gold),
  };
  const pooled = Object.values(fields).reduce((sum, field) => ({ tp: sum.tp + field.truePositives, ex: sum.ex + field.extracted, gold: sum.gold + field.expected }), { tp: 0, ex: 0, gold: 0 });
  return { wordErrorRate: wordErrorRate(reference, transcript), fields, overall: ratios(pooled.tp, pooled.ex, pooled.gold) };
}

// One-to-one matching: each gold item can be matched once.
function precisionRecall<Item, GoldItem>(items: readonly Item[], gold: readonly GoldItem[], matches: (item: Item, gold: GoldItem) => boolean): PrecisionRecall {
  const unused = [...gold];
  let truePositives = 0;
  for (const item of items) {
    const index = unused.findIndex((candidate) => matches(item, candidate));
    if (index >= 0) {
      unused.splice(index, 1);
      truePositives += 1;
    }
  }
  return ratios(truePositives, items.length, gold.length);
}

function ratios(truePositives: number, extracted: number, expected: number): PrecisionRecall {
  return { truePositives, extracted, expected, precision: extracted === 0 ? 1 : truePositives / extracted, recall: expected === 0 ? 1 : truePositives / expected };
}
