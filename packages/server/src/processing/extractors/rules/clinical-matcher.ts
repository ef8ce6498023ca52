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
// "I'm confused about the dose" is not; "I feel run down" is fatigue, "let me run down the list" is not; "tired" and
// "sick" of something are fed up; "feeling low" is a mood, "feeling low on energy" is not; "weight loss surgery" and
// "a numbing cream" name a treatment, "a weak stream" a sign of the prostate; "not eating" is a poor appetite, "not
// eating meat" a diet; "I had a cold" is ill, "a cold drink" is not.
const EATING_WHAT = /^ (?!(?:much|well|properly|anything|enough|at|either|lately|normally|right|as|too|and|or|since|for|now|today|because|like|very|a lot|anymore|i|we|he|she|they|so|but|then|when|um|uh)(?= |$))[a-z]/;
// "i had a cold drink", "we have a cold shower": a cold thing, not the common cold.
const COLD_WHAT = /^ (?:drink|drinks|shower|showers|bath|water|compress|pack|packs|day|days|night|nights|weather|spell|snap|beer|one|glass|can|bottle|room|air|wind|sweat|sweats|feeling|hand|hands|feet|front|place|winter|morning|evening)(?= |$)/;
const LOOSE_SYNONYMS: Readonly<Record<string, RegExp>> = {
  'have a cold': COLD_WHAT,
  'had a cold': COLD_WHAT,
  'got a cold': COLD_WHAT,
  'having a cold': COLD_WHAT,
  acidity: /^ (?:of|level|levels)(?= |$)/,
  calcium: /^ (?:level|levels|was|is|of|in your|in the|channel|score|deposits?)(?= |$)/,
  confused: /^ (?:about|by|with|why|what|how|as to|if|whether|because)(?= |$)/,
  'run down': /^ (?:a|an|the|this|that|these|those|my|your|our|some|list|of|to|through|what)(?= |$)/,
  tired: /^ (?:of)(?= |$)/,
  'feeling low': /^ (?:on|energy|blood|sugar|sugars|iron|sodium|potassium)(?= |$)/,
  'feel sick': /^ (?:of|and tired)(?= |$)/,
  exhausted: /^ (?:all|every|the|my|our|your|their|options)(?= |$)/,
  'weight loss': /^ (?:surgery|program|programme|medication|medications|medicine|medicines|pills?|drugs?|plan|goals?|journey|diet|clinic|injections?|shots?|procedure|operation|management)(?= |$)/,
  numbing: /^ (?:cream|creams|medicine|medication|agent|shots?|injections?|spray|gel|patch|drops)(?= |$)/,
  weak: /^ (?:stream|flow|blood|pulse|pulses|signal|spot|spots|point|points|link|stomach|bladder|heart|immune)(?= |$)/,
  'not eating': EATING_WHAT,
  'not been eating': EATING_WHAT,
  'not really eating': EATING_WHAT,
};

// "it makes my stomach weak", "a weak heart": an organ said to be weak is no weakness of the patient's body.
const ORGAN_BEFORE = /(?:^| )(?:stomach|bladder|heart|eyes|eye|eyesight|voice|immune system) (?:is |was |feels |felt |gets |got |so |very |really )?$/;

// "pain in the back of my knee", "the back of my head hurts", "pain in the left side of my chest": the back or side of a
// part is a place, not the back or the flank.
const BACK_OF = /^ of(?= )/;

// "anti nausea medicine", "an anti itch cream": a symptom named after "anti" names a treatment.
const ANTI_BEFORE = /(?:^| )anti $/;

// "mouth sores or ulcers", "ankle stasis ulcer", "ulcers on both legs": a bare "ulcer" said beside a place is that place's ulcer, not peptic.
const ULCER_SITES: Readonly<Record<string, string>> = {
  mouth: 'mouth ulcer', oral: 'mouth ulcer', lip: 'mouth ulcer', lips: 'mouth ulcer', tongue: 'mouth ulcer', gum: 'mouth ulcer', gums: 'mouth ulcer',
  skin: 'skin ulcer', leg: 'leg ulcer', legs: 'leg ulcer', foot: 'leg ulcer', feet: 'leg ulcer', ankle: 'leg ulcer', ankles: 'leg ulcer', shin: 'leg ulcer', toe: 'leg ulcer', toes: 'leg ulcer', heel: 'leg ulcer',
};
const ULCER_SITE_WORDS = Object.keys(ULCER_SITES).join('|');
const ULCER_SITE_BEFORE = new RegExp(`(?:^| )(${ULCER_SITE_WORDS})(?: [a-z]+){0,2} (?:(?:or|and|,) (?:[a-z]+ )?)?$`);
const ULCER_SITE_AFTER = new RegExp(`^ (?:on|in|of) (?:(?:the|my|his|her|your|their|both) )?(?:(?:left|right|lower) )?(${ULCER_SITE_WORDS})(?= |$)`);

function placedUlcer(term: ClinicalMatch, normal: string): ClinicalMatch {
  if (term.text !== 'ulcer' && term.text !== 'ulcers') return term;
  const site = ULCER_SITE_BEFORE.exec(normal.slice(0, term.start))?.[1] ?? ULCER_SITE_AFTER.exec(normal.slice(term.end))?.[1];
  const entry = site === undefined ? undefined : SYMPTOMS.find((candidate) => candidate.name === ULCER_SITES[site]);
  return entry ? { ...term, kind: 'symptom', entry } : term;
}

/** Creates the matcher over the project's lexicon (see lexicon/ for entries and their sources). */
export function createClinicalMatcher(): PhraseMatcher<ClinicalKind> {
  const match = createPhraseMatcher<ClinicalKind>({ medicine: MEDICINES, condition: CONDITIONS, symptom: SYMPTOMS, investigation: INVESTIGATIONS });
  const misspelt = createMisspeltMedicineFinder<ClinicalKind>('medicine', MEDICINES, [CONDITIONS, SYMPTOMS, INVESTIGATIONS]);
  return (normal) => {
    const found = misspelt(normal, match(normal)).filter((term) => {
      const excluded = LOOSE_SYNONYMS[term.text];
      if (term.kind === 'symptom' && ANTI_BEFORE.test(normal.slice(0, term.start))) return false;
      if ((term.text.endsWith('back') || term.text.endsWith('side')) && BACK_OF.test(normal.slice(term.end))) return false;
      if ((term.text === 'weak' || term.text === 'weaker') && ORGAN_BEFORE.test(normal.slice(0, term.start))) return false;
      return !excluded || !excluded.test(normal.slice(term.end));
    }).map((term) => placedUlcer(term, normal));
    const named = found.filter((term) => !namedInstead(term, found, normal) && !saltOfNamed(term, found, normal));
    return [...named, ...sharedPains(normal, named, match)].sort((a, b) => a.start - b.start);
  };
}

// "neck and lower back pain", "knee or hip pain", "vision and hearing problems", "pain in my neck and shoulders": the
// head word is said once for two parts. The first part (or the second after "pain in") is matched as if the head
// word were said with it.
// "knee, ankle, or foot pain": each part of a list shares the head word of its last part.
const SHARED_PAIN_BEFORE = /(?<=^| )(?:(lower|upper) )?([a-z]+)(?: ,)?(?: and| or| ,)(?= (?:[a-z]+(?: ,)?(?: and| or| ,) )*(?<last>(?:(?:lower|upper|left|right|both) )?[a-z]+ (pain|pains|ache|aches|problems|difficulties|changes))(?: |$))/dg;
const SHARED_PAIN_AFTER = /(?<=^| )pain in (?:(?:the|my|his|her|your|their|both) )?(?:(?:left|right|lower|upper) )?[a-z]+(?: and| or| ,) (?:(?:the|my|his|her|your|their|both) )?((?:(?:left|right|lower|upper) )?([a-z]+))(?= |$)/g;

// "my right shoulder and neck started to hurt", "my hips and knees are sore": two parts share the verb of the pain.
const SHARED_PAIN_VERB = /(?<=^| )(?:(?:the|my|his|her|your|their|both) )?(?:(?:left|right|lower|upper) )?(?<first>[a-z]+)(?: and| or| ,) (?:(?:the|my|his|her|your|their) )?(?:(?:left|right|lower|upper) )?(?<second>[a-z]+) (?:also |still |really )?(?<verb>hurt|hurts|started to hurt|started hurting|are hurting|have been hurting|are sore|are aching|ache|are killing me)(?= |$)/dg;

function sharedPains(normal: string, found: readonly ClinicalMatch[], match: PhraseMatcher<ClinicalKind>): ClinicalMatch[] {
  const shared: ClinicalMatch[] = [];
  const add = (start: number, end: number, phrase: string, kinds: readonly ClinicalKind[] = ['symptom']): boolean => {
    if (found.some((term) => start < term.end && term.start < end)) return false;
    const [term] = match(phrase).filter((candidate) => kinds.includes(candidate.kind) && candidate.start === 0 && candidate.end === phrase.length);
    if (term) shared.push({ ...term, start, end, text: normal.slice(start, end) });
    return term !== undefined;
  };
  // Only where the other part is itself a finding the lexicon knows ("knee and some pain" is not knee pain).
  const painAt = (start: number) => found.some((term) => term.start === start && (term.kind === 'symptom' || term.kind === 'condition'));
  for (const part of normal.matchAll(SHARED_PAIN_BEFORE)) {
    const [side, word, head] = [part[1], part[2] as string, part[4] as string];
    if (!painAt(part.indices?.groups?.last?.[0] ?? -1)) continue;
    // "lower back and neck pain": the side belongs to the first part ("lower back pain", a condition the lexicon
    // names), else the part alone is matched.
    const wordStart = part.index + (side ? side.length + 1 : 0);
    if (!side || !add(part.index, wordStart + word.length, `${side} ${word} ${head}`, ['symptom', 'condition'])) add(wordStart, wordStart + word.length, `${word} ${head}`);
  }
  for (const part of normal.matchAll(SHARED_PAIN_VERB)) {
    const verb = part.groups?.verb as string;
    for (const name of ['first', 'second'] as const) {
      const [start, end] = part.indices?.groups?.[name] ?? [0, 0];
      add(start, end, `the ${normal.slice(start, end)} ${verb}`);
    }
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
