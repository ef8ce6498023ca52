import { CONDITIONS, SYMPTOMS } from '../lexicon/conditions.js';
import { INVESTIGATIONS } from '../lexicon/investigations.js';
import { MEDICINES } from '../lexicon/medicines.js';
import { createPhraseMatcher, type PhraseMatch, type PhraseMatcher } from './phrase-matcher.js';

/** The kinds of clinical term the lexicon knows. */
export type ClinicalKind = 'medicine' | 'condition' | 'symptom' | 'investigation';

/** A lexicon term found in a sentence. */
export type ClinicalMatch = PhraseMatch<ClinicalKind>;

// Synonyms that are right only in some company: "acidity" is heartburn, "the acidity of your urine" is not.
const LOOSE_SYNONYMS: Readonly<Record<string, RegExp>> = {
  acidity: /^ (?:of|level|levels)(?= |$)/,
};

/** Creates the matcher over the project's lexicon (see lexicon/ for entries and their sources). */
export function createClinicalMatcher(): PhraseMatcher<ClinicalKind> {
  const match = createPhraseMatcher<ClinicalKind>({ medicine: MEDICINES, condition: CONDITIONS, symptom: SYMPTOMS, investigation: INVESTIGATIONS });
  return (normal) =>
    match(normal).filter((found) => {
      const excluded = LOOSE_SYNONYMS[found.text];
      return !excluded || !excluded.test(normal.slice(found.end));
    });
}
