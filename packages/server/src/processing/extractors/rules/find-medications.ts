import type { EmrDose, EmrMedication } from '@scribe/core/templates';
import type { LexiconEntry } from '../lexicon/lexicon-entry.js';
import { MEDICINES } from '../lexicon/medicines.js';
import { isMemberOf, type ClinicalMatch } from './clinical-matcher.js';
import { findDurations } from './find-durations.js';
import { findFrequency } from './find-frequency.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import type { SentenceContext } from './sentence-context.js';

const STRENGTH_UNITS: Record<string, string> = {
  mg: 'mg', milligram: 'mg', milligrams: 'mg', mgs: 'mg',
  mcg: 'mcg', microgram: 'mcg', micrograms: 'mcg', ug: 'mcg',
  g: 'g', gm: 'g', gram: 'g', grams: 'g',
  ml: 'ml', mls: 'ml', milliliter: 'ml', milliliters: 'ml', millilitre: 'ml', millilitres: 'ml', cc: 'ml',
  unit: 'units', units: 'units', iu: 'units',
};
const COUNT_UNITS: Record<string, string> = {
  tablet: 'tablet', tablets: 'tablet', tab: 'tablet', tabs: 'tablet', pill: 'tablet', pills: 'tablet',
  capsule: 'capsule', capsules: 'capsule', cap: 'capsule', caps: 'capsule',
  puff: 'puff', puffs: 'puff', drop: 'drop', drops: 'drop',
  teaspoon: 'teaspoon', teaspoons: 'teaspoon', tsp: 'teaspoon', spoon: 'teaspoon', spoons: 'teaspoon',
  sachet: 'sachet', sachets: 'sachet', patch: 'patch', patches: 'patch',
};
const ROUTES: readonly [RegExp, string][] = [
  [/(?<=^| )(?:by mouth|orally|oral)(?= |$)/, 'oral'],
  [/(?<=^| )(?:inhaler|inhalers|inhaled|inhale|puffs?|nebuli[sz]er|nebuli[sz]ation)(?= |$)/, 'inhaled'],
  [/(?<=^| )(?:intravenous|intravenously|iv|drip)(?= |$)/, 'intravenous'],
  [/(?<=^| )(?:intramuscular|intramuscularly)(?= |$)/, 'intramuscular'],
  [/(?<=^| )(?:subcutaneous|subcutaneously)(?= |$)/, 'subcutaneous'],
  [/(?<=^| )(?:injection|injections|inject|shot)(?= |$)/, 'injection'],
  [/(?<=^| )eye drops?(?= |$)/, 'ophthalmic'],
  [/(?<=^| )ear drops?(?= |$)/, 'otic'],
  [/(?<=^| )(?:nasal|nose) spray(?= |$)/, 'nasal'],
  [/(?<=^| )(?:apply|cream|ointment|gel|lotion)(?= |$)/, 'topical'],
  // The dosage form said in the consultation implies the route.
  [/(?<=^| )(?:tablets?|tabs?|capsules?|syrup|suspension|sachets?|pills?)(?= |$)/, 'oral'],
];
const TIMINGS: readonly [RegExp, string][] = [
  [/(?<=^| )(?:after (?:food|meals?|eating|breakfast|lunch|dinner)|with (?:food|meals?))(?= |$)/, 'after food'],
  [/(?<=^| )(?:before (?:food|meals?|eating|breakfast|lunch|dinner)|on an empty stomach|empty stomach)(?= |$)/, 'before food'],
];
// Words that make a mention something other than a medicine being taken or prescribed.
// "For my allergies I take Zyrtec" names what it is taken for, not an allergy to it.
const EXCLUDING = /(?<=^| )(?:stop|stopped|discontinue|discontinued|allergic|(?<!for (?:my |the |your |his |her |seasonal )?)(?:allergy|allergies)|avoid|intolerant)(?= |$)/;
// Words before a class of medicines that say it is taken or prescribed ("I take a water pill", "they put me on a
// blood thinner", "I use my inhaler", "start an antibiotic", "I never forget my inhaler").
const TAKEN = /(?<=^| )(?:take|takes|taking|took|on|use|uses|using|used|prescribed|start|started|starting|gave me|given|put me on|continue|continuing|(?<=never )(?:miss|misses|missed|forget|forgets|forgot|skip|skips|skipped))(?= |$)/;
const BOUNDARY = /(?<=^| )(?:but|however|;|\?|come back|follow up|followup|review|see you|see me)(?= |$)|(?<=^| )(?:and|,) (?:i|we|you|he|she|they|it|there|your|my)(?= |$)/g;

/**
 * Finds medicines in one sentence with what is said about each: dose, route, frequency, duration and timing. Each
 * medicine owns the words up to the next medicine or clause boundary; a dose said before the name ("one tablet of
 * paracetamol") is taken from the few words in front when none follows.
 */
export function findMedications(sentence: ClinicalSentence, matches: readonly ClinicalMatch[], context: SentenceContext): EmrMedication[] {
  const { normal } = sentence;
  const medicines = matches.filter((match) => match.kind === 'medicine');
  const boundaries = [...normal.matchAll(BOUNDARY)].map((match) => match.index as number);
  const found: EmrMedication[] = [];
  medicines.forEach((match, position) => {
    const before = leadingWords(normal, Math.max(previousEnd(medicines, position), lastBefore(boundaries, match.start)), match.start, 6);
    const asked = context.asked(match.start) && !NAME_SEARCH.test(normal.slice(0, match.start));
    if (context.negated(match.start) || asked || context.explanatory(match.start) || context.otherPerson(match.start) || EXCLUDING.test(before)) return;
    if (ingredientOfNamed(match, medicines.slice(0, position), normal)) return;
    // A class ("a nasal inhaler", "some antibiotics to treat it") is a medication of the patient's only when said as
    // taken or prescribed; talk about a kind of medicine is not a prescription.
    if (match.entry.group === true && !TAKEN.test(leadingWords(normal, lastBefore(boundaries, match.start), match.start, 8))) return;
    const windowEnd = Math.min(medicines[position + 1]?.start ?? normal.length, firstAfter(boundaries, match.end) ?? normal.length);
    const after = normal.slice(match.end, windowEnd);
    // The name itself is left out: "oral rehydration salts" says nothing about how it is taken.
    const around = `${before} ${after}`;
    const entry = inForm(match.entry, around);
    found.push({
      name: entry.name,
      spoken_name: match.text,
      atc: entry.code ?? null,
      // "one tablet of paracetamol", but not "omeprazole 40 mg and naproxen": a dose after a list separator is the
      // medicine's before it.
      dose: findDose(after) ?? findDose(before.split(LIST_SEPARATOR).pop() ?? ''),
      route: firstOf(ROUTES, around),
      frequency: findFrequency(after) ?? findFrequency(before),
      duration: findDurations(after)[0]?.duration ?? null,
      timing: firstOf(TIMINGS, after),
      text: sentence.raw,
    });
  });
  return found;
}

// "I'm taking the, uh, what's it called, Lyrica": a speaker searching for the name asks nobody; what follows is said.
const NAME_SEARCH = /(?<=^| )(?:what (?:is|was) (?:it|that|this) called|what (?:is|was) (?:the|its) name|what (?:do|did) (?:you|they) call (?:it|that|them)|what is called)(?: ,)? *$/;
const LIST_SEPARATOR = /(?:^| )(?:and|,|plus|also|then|with)(?= |$)/;
// "Tylenol number three is combined with codeine", "Percocet contains oxycodone": an ingredient named to explain a
// combination named before it is not a medicine of its own.
const INGREDIENT_LINK = /(?<=^| )(?:combined|combination|contains|containing|contain|mixed|has|have|had)(?= |$)/;

function ingredientOfNamed(match: ClinicalMatch, earlier: readonly ClinicalMatch[], normal: string): boolean {
  return earlier.some(
    (other) => other.entry !== match.entry && ` ${other.entry.name} `.includes(` ${match.entry.name} `) && INGREDIENT_LINK.test(normal.slice(other.end, match.start)),
  );
}

// The forms a medicine is said in, with the names the lexicon gives a form that WHO codes apart from the generic's
// usual one ('fluticasone nasal spray', 'hydrocortisone cream'; see primary-care-medicines.ts). "Nasal inhaler" is a
// nasal spray, not an inhaler.
const FORMS: readonly [RegExp, readonly string[]][] = [
  [/(?<=^| )(?:(?:nasal|nose) (?:sprays?|inhalers?)|sprays?)(?= |$)/, ['nasal spray']],
  [/(?<=^| )(?:eye drops?|eyedrops?)(?= |$)/, ['eye drops']],
  [/(?<=^| )ear drops?(?= |$)/, ['ear drops']],
  [/(?<=^| )(?:vaginal|vaginally|pessary|pessaries)(?= |$)/, ['vaginal']],
  [/(?<=^| )(?:creams?|ointments?|gels?|lotions?|foam|topical|topically)(?= |$)/, ['cream', 'ointment', 'gel', 'topical']],
  [/(?<=^| )(?<!nasal |nose )(?:inhalers?|inhaled|puffs?)(?= |$)/, ['inhaler']],
  [/(?<=^| )(?:tablets?|tabs?|pills?)(?= |$)/, ['tablets']],
];
const BY_NAME = new Map(MEDICINES.map((entry) => [entry.name, entry]));

// "I use fluticasone nasal spray", "hydrocortisone, the one percent cream": the generic said with a form is the
// form's entry when the lexicon has one; said alone it keeps its usual form's entry.
function inForm(entry: LexiconEntry, words: string): LexiconEntry {
  if (entry.group === true) return entry;
  for (const [pattern, forms] of FORMS) {
    if (!pattern.test(words)) continue;
    for (const form of forms) {
      const named = BY_NAME.get(`${entry.name} ${form}`);
      if (named) return named;
    }
  }
  return entry;
}

const GROUPS = new Map(MEDICINES.filter((entry) => entry.group === true).map((entry) => [entry.name, entry]));

/**
 * Drops a class of medicines ("that antibiotic", "my blood pressure pills") when a medicine of the class is named
 * anywhere in the consultation: the named one is the better entry and the class would repeat it.
 */
export function preferNamedMedicines(medications: readonly EmrMedication[]): EmrMedication[] {
  return medications.filter((medication) => {
    const group = GROUPS.get(medication.name);
    return !group || !medications.some((other) => !GROUPS.has(other.name) && isMemberOf(other.atc, group));
  });
}

/** Reads the first dose in a fragment, strengths (mg, ml, units) before counts (tablets, puffs). */
export function findDose(fragment: string): EmrDose | null {
  const words = fragment.trim().split(' ');
  const read = (units: Record<string, string>): EmrDose | null => {
    for (let index = 0; index + 1 < words.length; index += 1) {
      const value = words[index] as string;
      const unit = units[words[index + 1] as string];
      if (unit && /^\d+(\.\d+)?$/.test(value)) return dose(Number(value), unit);
    }
    return null;
  };
  return read(STRENGTH_UNITS) ?? read(COUNT_UNITS);
}

function dose(value: number, unit: string): EmrDose {
  const countable = !['mg', 'mcg', 'g', 'ml', 'units'].includes(unit);
  return { value, unit, text: `${value} ${unit}${countable && value !== 1 ? 's' : ''}` };
}

function firstOf(table: readonly [RegExp, string][], text: string): string | null {
  return table.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

function previousEnd(medicines: readonly ClinicalMatch[], position: number): number {
  return position > 0 ? (medicines[position - 1] as ClinicalMatch).end : 0;
}

function lastBefore(boundaries: readonly number[], offset: number): number {
  return boundaries.filter((boundary) => boundary < offset).pop() ?? 0;
}

function firstAfter(boundaries: readonly number[], offset: number): number | undefined {
  return boundaries.find((boundary) => boundary >= offset);
}

// The last `count` words of normal[from, to).
function leadingWords(normal: string, from: number, to: number, count: number): string {
  return normal.slice(from, to).trim().split(' ').slice(-count).join(' ');
}
