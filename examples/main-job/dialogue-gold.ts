import { CONDITIONS, MEDICINES, SYMPTOMS, type LexiconEntry } from '@scribe/server';

/** Concepts by field, as canonical lexicon names. */
export interface DialogueGold {
  /** Present complaints and findings the section states (CC, GENHX, ROS). */
  complaints: string[];
  /** Findings the section says the patient denies (ROS, GENHX). */
  denied: string[];
  /** Medicines the section lists (MEDICATIONS). */
  medications: string[];
  /** Medicines the patient is allergic to (ALLERGY). */
  allergies: string[];
  /** Conditions the section assesses or lists (ASSESSMENT, DIAGNOSIS, PASTMEDICALHX). */
  diagnoses: string[];
  /** Conditions of relatives (FAM/SOCHX): never the patient's diagnoses. */
  familyConditions: string[];
}

/** Which fields a section is the gold standard for; other sections give no gold and are not scored. */
export const SECTION_FIELDS: Record<string, readonly (keyof DialogueGold)[]> = {
  CC: ['complaints'],
  GENHX: ['complaints', 'denied'],
  ROS: ['complaints', 'denied'],
  MEDICATIONS: ['medications'],
  ALLERGY: ['allergies'],
  ASSESSMENT: ['diagnoses'],
  DIAGNOSIS: ['diagnoses'],
  PASTMEDICALHX: ['diagnoses'],
  'FAM/SOCHX': ['familyConditions'],
};

type Kind = 'symptom' | 'condition' | 'medicine';
interface Concept {
  kind: Kind;
  name: string;
  pattern: RegExp;
  /** The ATC codes of a class of medicines ("blood thinner"); a named medicine of it is the better name. */
  group?: readonly string[];
}

// A clause of a note denies what follows one of these ("Denies fever, chills", "Negative for rash", "No cough").
const NOTE_NEGATION = /(?:^| )(?:no|not|denies|denied|deny|negative|without|nor|none)(?= )/g;
// "No medications other than amoxicillin", "no complaints apart from fatigue": an exception after a negation affirms.
const NOTE_AFFIRMATION = /(?:^| )(?:positive|but|however|except|reports|endorses|complains|other than|apart from|aside from|besides)(?= )/g;

// A clause about taking a medicine ("she is on benzoyl peroxide"): in an ALLERGY section, not an allergen.
const TAKING = /(?:^| )(?:is on|are on|takes|taking|uses|using|prescribed)(?= )/;

let concepts: Concept[] | undefined;
const GROUPS = new Map(MEDICINES.filter((entry) => entry.group === true).map((entry) => [entry.name, [entry.code ?? '', ...(entry.covers ?? [])]]));
const MEDICINE_CODES = new Map(MEDICINES.map((entry) => [entry.name, entry.code ?? '']));

// "pain in the knee" is written "pain in his left knee": "the" in a lexicon phrase stands for any determiner and a
// side, as the extractor's phrase matcher reads it.
const NOTE_DETERMINERS = '(?:the|his|her|their|my|your|this|that|both)(?: (?:left|right|lower|upper|both))?';

function compile(kind: Kind, entries: readonly LexiconEntry[]): Concept[] {
  return entries.map((entry) => {
    const phrases = [entry.name, ...(entry.synonyms ?? [])].map((phrase) =>
      phrase
        .toLowerCase()
        .replace(/[-']/g, ' ')
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => (word === 'the' ? NOTE_DETERMINERS : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join(' ') + '(?:s|es)?',
    );
    phrases.sort((a, b) => b.length - a.length);
    const group = entry.group === true ? [entry.code ?? '', ...(entry.covers ?? [])] : undefined;
    return { kind, name: entry.name, pattern: new RegExp(`(?<=^| )(?:${phrases.join('|')})(?= |$)`, 'g'), ...(group ? { group } : {}) };
  });
}

/** Lower-case words of a note clause, hyphens and apostrophes opened, other punctuation dropped. */
export function normalizeNote(text: string): string {
  return text.toLowerCase().replace(/[-'’]/g, ' ').replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The concepts a piece of note text states, by kind, longest match first without overlaps, each with its polarity:
 * denied when a negation word opens its clause before it and no affirmation ("positive for", "but") follows the
 * negation. Clauses end at `.`, `;`, `:` and line breaks. `taken` marks a clause about taking a medicine.
 */
export function readNoteConcepts(text: string): { kind: Kind; name: string; denied: boolean; taken: boolean }[] {
  concepts ??= [...compile('symptom', SYMPTOMS), ...compile('condition', CONDITIONS), ...compile('medicine', MEDICINES)];
  const found: { kind: Kind; name: string; denied: boolean; taken: boolean }[] = [];
  for (const clause of text.split(/[.;:\n]+/)) {
    const normal = sharePainWord(expandNoteAbbreviations(normalizeNote(clause)), concepts);
    if (!normal) continue;
    const hits: { concept: Concept; start: number; end: number }[] = [];
    for (const concept of concepts) for (const match of normal.matchAll(concept.pattern)) hits.push({ concept, start: match.index, end: match.index + match[0].length });
    hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: typeof hits = [];
    for (const hit of hits) if (!kept.some((other) => hit.start < other.end && other.start < hit.end)) kept.push(hit);
    const named = kept.filter((hit) => !yieldsToNamed(hit, kept, normal));
    const negations = [...normal.matchAll(NOTE_NEGATION)].map((match) => match.index);
    const affirmations = [...normal.matchAll(NOTE_AFFIRMATION)].map((match) => match.index);
    const taken = TAKING.test(normal);
    const read = named
      .sort((a, b) => a.start - b.start)
      .map((hit) => {
        const negation = negations.filter((at) => at < hit.start).pop();
        const denied = negation !== undefined && !affirmations.some((at) => at > negation && at < hit.start);
        return { kind: hit.concept.kind, name: hit.concept.name, denied, taken };
      });
    // "No fever or chills except for recent fever": what the clause affirms, it does not also deny.
    found.push(...read.filter((concept) => !concept.denied || !read.some((other) => other.name === concept.name && !other.denied)));
  }
  return found;
}

// Clinicians' shorthand in notes, written out (a dialogue says the words, so the lexicon need not hold these; "ms" and
// "pe" are left alone: "Ms. ABC", "PE" for physical examination).
const NOTE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  sob: 'shortness of breath',
  ha: 'headache',
  lbp: 'low back pain',
  htn: 'hypertension',
  dm: 'diabetes',
  mi: 'myocardial infarction',
  cva: 'stroke',
  afib: 'atrial fibrillation',
  'a fib': 'atrial fibrillation',
};
const NOTE_ABBREVIATION = new RegExp(`(?<=^| )(?:${Object.keys(NOTE_ABBREVIATIONS).join('|')})(?= |$)`, 'g');

function expandNoteAbbreviations(normal: string): string {
  return normal.replace(NOTE_ABBREVIATION, (abbreviation) => NOTE_ABBREVIATIONS[abbreviation] ?? abbreviation);
}

// "neck and lower back pain", "pain in the neck and lower back", "no visual, hearing, or swallowing difficulties": the
// head word is written once for a list; it is written out for each part where that makes a symptom the lexicon knows
// (as clinical-matcher.ts does for pain).
function sharePainWord(normal: string, known: readonly Concept[]): string {
  const isPain = (phrase: string) => known.some((concept) => concept.kind === 'symptom' && new RegExp(`^(?:${concept.pattern.source})$`).test(phrase));
  return normal
    .replace(/(?<=^| )([a-z]+)(?=(?: [a-z]+){0,2} (?:and|or) (?:(?:lower|upper|left|right|both) )?[a-z]+ (pain|difficulties|problems|changes)(?: |$))/g, (part: string, _word: string, head: string) =>
      isPain(`${part} ${head}`) ? `${part} ${head}` : part,
    )
    .replace(/(?<=(?:^| )pain in (?:(?:the|his|her|their|both) )?(?:(?:left|right|lower|upper) )?[a-z]+ (?:and|or) )(?:(?:the|his|her|their|both) )?((?:(?:left|right|lower|upper) )?[a-z]+)(?= |$)/g, (part: string, site: string) => (isPain(`pain in the ${site}`) ? `pain in the ${site}` : part));
}

// A class of medicines ("inhaler") said beside a named medicine or with one of its group is that medicine (the
// extractor's rule in clinical-matcher.ts, on the note's words).
function yieldsToNamed(hit: { concept: Concept; start: number; end: number }, kept: readonly { concept: Concept; start: number; end: number }[], normal: string): boolean {
  const group = hit.concept.group;
  if (group === undefined) return false;
  const between = (from: number, to: number) => (to < from ? Infinity : normal.slice(from, to).split(' ').filter(Boolean).length);
  return kept.some(
    (other) =>
      other.concept.kind === 'medicine' &&
      other.concept.group === undefined &&
      (inGroup(other.concept.name, group) || between(other.end, hit.start) <= 1 || between(hit.end, other.start) <= 2),
  );
}

function inGroup(name: string, group: readonly string[]): boolean {
  const code = MEDICINE_CODES.get(name);
  return code !== undefined && code !== '' && group.some((prefix) => code.startsWith(prefix));
}

/** The gold concepts of one note section (see `SECTION_FIELDS` for which fields a section defines). */
export function goldOf(section: string, sectionText: string): DialogueGold {
  const gold: DialogueGold = { complaints: [], denied: [], medications: [], allergies: [], diagnoses: [], familyConditions: [] };
  const fields = SECTION_FIELDS[section] ?? [];
  const add = (field: keyof DialogueGold, name: string) => {
    if (fields.includes(field) && !gold[field].includes(name)) gold[field].push(name);
  };
  for (const concept of readNoteConcepts(sectionText)) {
    if (concept.kind === 'medicine') {
      if (!concept.denied) add('medications', concept.name);
      if (!concept.taken) add('allergies', concept.name);
    } else if (concept.denied) add('denied', concept.name);
    else {
      add('complaints', concept.name);
      if (concept.kind === 'condition') add('diagnoses', concept.name);
      add('familyConditions', concept.name);
    }
  }
  // As the extractor does: a class ("antibiotics") is not listed beside a named medicine of the class.
  gold.medications = gold.medications.filter((name) => {
    const group = GROUPS.get(name);
    return !group || !gold.medications.some((other) => !GROUPS.has(other) && inGroup(other, group));
  });
  return gold;
}
