import { CONDITIONS, SYMPTOMS } from '../lexicon/conditions.js';
import { INVESTIGATIONS } from '../lexicon/investigations.js';
import type { LexiconEntry } from '../lexicon/lexicon-entry.js';
import { MEDICINES } from '../lexicon/medicines.js';
import { createMisspeltMedicineFinder } from './find-misspelt-medicines.js';
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
  const misspelt = createMisspeltMedicineFinder<ClinicalKind>('medicine', MEDICINES, [CONDITIONS, SYMPTOMS, INVESTIGATIONS]);
  return (normal) => {
    const found = misspelt(normal, match(normal)).filter((term) => {
      const excluded = LOOSE_SYNONYMS[term.text];
      return !excluded || !excluded.test(normal.slice(term.end));
    });
    const named = found.filter((term) => !namedInstead(term, found, normal) && !saltOfNamed(term, found, normal));
    return [...named, ...sharedPains(normal, named, match)].sort((a, b) => a.start - b.start);
  };
}

// "neck and lower back pain", "knee or hip pain", "vision and hearing problems", "pain in my neck and shoulders": the
// head word is said once for two parts. The first part (or the second after "pain in") is matched as if the head
// word were said with it.
const SHARED_PAIN_BEFORE = /(?<=^| )([a-z]+)(?: and| or| ,)(?= (?:(?:lower|upper|left|right|both) )?[a-z]+ (pain|pains|ache|aches|problems|difficulties|changes)(?: |$))/g;
const SHARED_PAIN_AFTER = /(?<=^| )pain in (?:(?:the|my|his|her|your|their|both) )?(?:(?:left|right|lower|upper) )?[a-z]+(?: and| or| ,) (?:(?:the|my|his|her|your|their|both) )?((?:(?:left|right|lower|upper) )?([a-z]+))(?= |$)/g;

function sharedPains(normal: string, found: readonly ClinicalMatch[], match: PhraseMatcher<ClinicalKind>): ClinicalMatch[] {
  const shared: ClinicalMatch[] = [];
  const add = (start: number, end: number, phrase: string) => {
    if (found.some((term) => start < term.end && term.start < end)) return;
    const [term] = match(phrase).filter((candidate) => candidate.kind === 'symptom' && candidate.start === 0 && candidate.end === phrase.length);
    if (term) shared.push({ ...term, start, end, text: normal.slice(start, end) });
  };
  // Only where the other part is itself a finding the lexicon knows ("knee and some pain" is not knee pain).
  const painAt = (start: number) => found.some((term) => term.start === start && (term.kind === 'symptom' || term.kind === 'condition'));
  for (const part of normal.matchAll(SHARED_PAIN_BEFORE)) {
    if (painAt(part.index + part[0].length + 1)) add(part.index, part.index + (part[1] as string).length, `${part[1] as string} ${part[2] as string}`);
  }
  for (const part of normal.matchAll(SHARED_PAIN_AFTER)) {
    const end = part.index + part[0].length;
    if (painAt(part.index)) add(end - (part[1] as string).length, end, `pain in the ${part[1] as string}`);
  }
  return shared;
}

/**
 * True when a class of medicines ("inhaler", "blood thinner") is said with a named medicine that is the better
 * name: a member of the class anywhere in the sentence ("warfarin, my blood thinner"), or any medicine right beside
 * it ("the albuterol inhaler", "timolol eye drops", "an inhaler called Symbicort").
 */
export function namedInstead(term: ClinicalMatch, found: readonly ClinicalMatch[], normal: string): boolean {
  if (term.kind !== 'medicine' || term.entry.group !== true) return false;
  return found.some(
    (other) =>
      other.kind === 'medicine' &&
      other.entry.group !== true &&
      (isMemberOf(other.entry.code, term.entry) || wordsBetween(normal, other.end, term.start) <= 1 || wordsBetween(normal, term.end, other.start) <= 2),
  );
}

// "atorvastatin calcium", "levothyroxine sodium": the salt said after a medicine's name is part of it, not the supplement.
const SALTS = new Set(['calcium', 'sodium', 'potassium', 'magnesium']);

function saltOfNamed(term: ClinicalMatch, found: readonly ClinicalMatch[], normal: string): boolean {
  return term.kind === 'medicine' && SALTS.has(term.text) && found.some((other) => other.kind === 'medicine' && other.end < term.start && wordsBetween(normal, other.end, term.start) === 0);
}

/** True when a medicine's ATC code falls in a class's code or one of the codes it covers. */
export function isMemberOf(code: string | null | undefined, group: LexiconEntry): boolean {
  if (!code || group.group !== true) return false;
  return [group.code, ...(group.covers ?? [])].some((prefix) => prefix !== undefined && code.startsWith(prefix));
}

// Words strictly between two offsets of a normal sentence; Infinity when `to` is before `from`.
function wordsBetween(normal: string, from: number, to: number): number {
  if (to < from) return Infinity;
  return normal.slice(from, to).split(' ').filter(Boolean).length;
}
