import { CONDITIONS, SYMPTOMS } from '../lexicon/conditions.js';
import { INVESTIGATIONS } from '../lexicon/investigations.js';
import { MEDICINES } from '../lexicon/medicines.js';
import { createPhraseMatcher, type PhraseMatch, type PhraseMatcher } from './phrase-matcher.js';

/** The kinds of clinical term the lexicon knows. */
export type ClinicalKind = 'medicine' | 'condition' | 'symptom' | 'investigation';

/** A lexicon term found in a sentence. */
export type ClinicalMatch = PhraseMatch<ClinicalKind>;

// Synonyms that are right only in some company: "acidity" is heartburn, "the acidity of your urine" is not; "calcium"
// is the supplement, "your calcium level" and "a calcium channel blocker" are not; "he gets confused" is confusion,
// "I'm confused about the dose" is not.
const LOOSE_SYNONYMS: Readonly<Record<string, RegExp>> = {
  acidity: /^ (?:of|level|levels)(?= |$)/,
  calcium: /^ (?:level|levels|was|is|of|in your|in the|channel|score|deposits?)(?= |$)/,
  confused: /^ (?:about|by|with|why|what|how|as to|if|whether|because)(?= |$)/,
};

/** Creates the matcher over the project's lexicon (see lexicon/ for entries and their sources). */
export function createClinicalMatcher(): PhraseMatcher<ClinicalKind> {
  const match = createPhraseMatcher<ClinicalKind>({ medicine: MEDICINES, condition: CONDITIONS, symptom: SYMPTOMS, investigation: INVESTIGATIONS });
  return (normal) => {
    const found = match(normal).filter((term) => {
      const excluded = LOOSE_SYNONYMS[term.text];
      return !excluded || !excluded.test(normal.slice(term.end));
    });
    return found.filter((term) => !namedInstead(term, found, normal));
  };
}

/**
 * True when a class of medicines ("inhaler", "blood thinner") is said with a named medicine that is the better
 * name: one of the same ATC group anywhere in the sentence ("warfarin, my blood thinner"), or any medicine right
 * beside it ("the albuterol inhaler", "timolol eye drops", "an inhaler called Symbicort").
 */
export function namedInstead(term: ClinicalMatch, found: readonly ClinicalMatch[], normal: string): boolean {
  const group = term.entry.group === true ? term.entry.code : undefined;
  if (term.kind !== 'medicine' || group === undefined) return false;
  return found.some(
    (other) =>
      other.kind === 'medicine' &&
      other.entry.group !== true &&
      ((other.entry.code ?? '').startsWith(group) || wordsBetween(normal, other.end, term.start) <= 1 || wordsBetween(normal, term.end, other.start) <= 2),
  );
}

// Words strictly between two offsets of a normal sentence; Infinity when `to` is before `from`.
function wordsBetween(normal: string, from: number, to: number): number {
  if (to < from) return Infinity;
  return normal.slice(from, to).split(' ').filter(Boolean).length;
}
