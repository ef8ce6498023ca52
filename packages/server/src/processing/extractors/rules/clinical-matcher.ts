import { CONDITIONS, SYMPTOMS } from '../lexicon/conditions.js';
import { INVESTIGATIONS } from '../lexicon/investigations.js';
import { MEDICINES } from '../lexicon/medicines.js';
import { createPhraseMatcher, type PhraseMatch, type PhraseMatcher } from './phrase-matcher.js';

/** The kinds of clinical term the lexicon knows. */
export type ClinicalKind = 'medicine' | 'condition' | 'symptom' | 'investigation';

/** A lexicon term found in a sentence. */
export type ClinicalMatch = PhraseMatch<ClinicalKind>;

/** Creates the matcher over the project's lexicon (see lexicon/ for entries and their sources). */
export function createClinicalMatcher(): PhraseMatcher<ClinicalKind> {
  return createPhraseMatcher<ClinicalKind>({ medicine: MEDICINES, condition: CONDITIONS, symptom: SYMPTOMS, investigation: INVESTIGATIONS });
}
