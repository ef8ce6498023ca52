import type { EmrAbsentSymptom, EmrDiagnosis, EmrInvestigation, EmrSymptom } from '@scribe/core/templates';
import type { ClinicalMatch } from './clinical-matcher.js';
import { findClauseSubjects, findDeniedList } from './find-denied-list.js';
import { findDurations, findOnset } from './find-durations.js';
import { findResolved } from './find-resolved.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import type { SentenceContext } from './sentence-context.js';

/** Symptoms, denied symptoms, conditions and tests found in one sentence. */
export interface SentenceFindings {
  symptoms: EmrSymptom[];
  absentSymptoms: EmrAbsentSymptom[];
  diagnoses: EmrDiagnosis[];
  investigations: EmrInvestigation[];
}

// "your test showed blood in your urine", "the scan revealed swelling": a result read out, not a complaint.
const TEST_RESULT = /(?:^| )(?:test|tests|result|results|scan|scans|x ray|x rays|report|urinalysis|culture|labs|lab work|blood work|ultrasound|mri|ct)(?: [a-z]+)? (?:showed|shows|show|revealed|reveals|indicated|indicates|came back with)(?= )/;

// "fatigue is a common symptom of allergies", "headaches can be a side effect": named while explaining, after the term.
const EXPLAINED_AFTER = /^ (?:is|are|can be|could be|may be) (?:a |an )?(?:very )?(?:common |typical |frequent |known |usual |possible )?(?:symptom|symptoms|sign|signs|side effect|side effects|complication|complications)(?= |$)/;

// "i also have a headache but now cough": pocketsphinx writes a short "no" as "now" (the fever sample), and "now" right
// before a bare finding is not the temporal one, which opens a clause ("now i have a cough", "now the pain is worse").
const NO_HEARD_AS_NOW = /(?:^|(?<!right|until|till|by|from|for|just|even|up to|as of) )now $/;

// "some tightness in my chest, but not right now", "I had a headache this morning, not anymore": it was there, it is
// not now (a few words may come between).
const NOT_NOW_AFTER = /^(?: [a-z]+){0,3}(?: ,)?(?: but)? not (?:right now|now|anymore|any more|at the moment|currently|today|at present)(?= |$)/;

// "the rash looks normal now", "the swelling is within normal limits": examined and found normal, no finding.
const NORMAL_AFTER = /^ (?:looks|look|is|are|was|were|appears|appear|seems|seem|sounds|sound|feels|feel)(?: (?:completely|totally|perfectly|all|pretty|quite|now))? (?:normal|fine|clear|healed|unremarkable|within normal limits)(?= |$)/;

// "i have never felt palpitations like this", "i have not had a headache this bad": the finding is there now, only
// never so strong before.
const UNLIKE_BEFORE = /(?:^| )(?:never|not)(?: [a-z]+){0,3} $/;
const LIKE_THIS = /^ (?:like this|like that before|this bad|this severe|this strong|this intense)(?= |$)/;

// "no, not wet cough but ...", "it is not a sharp pain": the negation denies a quality, not the finding.
const NOT_A_QUALITY = /(?:^| )not (?:a |an )?(?:wet|dry|productive|hacking|sharp|dull|burning|stabbing|throbbing|shooting|constant|severe|bad|real|typical|usual) $/;

/**
 * True when a term names where something else is found ("no blood in your vomit", "any blood in the stool or in
 * vomit"): the term is the specimen, and a denial of what is in it does not deny the term.
 */
export function namesSpecimen(before: string): boolean {
  return SPECIMEN_BEFORE.test(before);
}

// What is found comes first ("blood in your stool or in vomit"); "pain in your neck or in the shoulders" names places.
const SPECIMEN_BEFORE = /(?:^| )(?:blood|mucus|pus|phlegm|worms)(?: [a-z]+){0,6} in (?:(?:your|the|my|his|her|their) )?$/;

const SEVERITY = /(?:^| )(mild|moderate|severe|slight|bad|terrible|high|low grade|intense|sharp|dull|persistent|constant|occasional|intermittent)(?: [a-z]+)?$/;

/**
 * Sorts the lexicon terms of a sentence by their context. Only present, current, patient-experienced symptoms are
 * kept: terms asked about (the answer decides, see pair-answers.ts; what a question presupposes, "how long have you
 * had this cough", is recorded there with the answer as evidence), hypothetical (advice, "if you develop"),
 * explanatory ("things like", "fatigue is a common symptom"), feared, historical, resolved ("the swelling went away"), read from a test result or about someone else are left out; negated ones are listed as
 * absent. A negated condition is a denied one ("no diabetes"), unless hedged, when it is ruled out and left out. A duration belongs to the symptoms said before it since the
 * previous duration ("fever and cough for 3 days"); when none comes before, to the first one after it.
 */
export function findFindings(sentence: ClinicalSentence, matches: readonly ClinicalMatch[], context: SentenceContext): SentenceFindings {
  const findings: SentenceFindings = { symptoms: [], absentSymptoms: [], diagnoses: [], investigations: [] };
  const talkedAbout = (match: ClinicalMatch) =>
    context.asked(match.start) || context.hypothetical(match.start) || context.explanatory(match.start) || context.feared(match.start) || context.otherPerson(match.start) || EXPLAINED_AFTER.test(sentence.normal.slice(match.end));
  const symptomMatches: ClinicalMatch[] = [];
  const resolved = findResolved(sentence.normal, matches);
  const deniedList = findDeniedList(sentence.normal, matches, context.negated);
  const subjects = findClauseSubjects(sentence.normal, matches, context.negated);
  const overOrNormal = (match: ClinicalMatch) => NOT_NOW_AFTER.test(sentence.normal.slice(match.end)) || NORMAL_AFTER.test(sentence.normal.slice(match.end));
  const notDenied = (match: ClinicalMatch) => UNLIKE_BEFORE.test(sentence.normal.slice(0, match.start)) && LIKE_THIS.test(sentence.normal.slice(match.end));
  const negated = (match: ClinicalMatch) => (context.negated(match.start) || deniedList.has(match) || NO_HEARD_AS_NOW.test(sentence.normal.slice(0, match.start))) && !notDenied(match) && !subjects.has(match);
  for (const match of matches) {
    if (talkedAbout(match)) continue;
    // Neither denied nor said to be there: a quality denied, or the place where something else was not found.
    const before = sentence.normal.slice(0, match.start);
    // The quality may be part of the term ("wet cough" is a synonym of cough).
    if (negated(match) && (NOT_A_QUALITY.test(`${before}${match.text.split(' ')[0] as string} `) || NOT_A_QUALITY.test(before) || namesSpecimen(before))) continue;
    if (match.kind === 'symptom') {
      if (negated(match)) findings.absentSymptoms.push({ name: match.entry.name, text: sentence.raw });
      else if (!context.historical(match.start) && !resolved.has(match) && !TEST_RESULT.test(sentence.normal.slice(0, match.start)) && !overOrNormal(match)) symptomMatches.push(match);
    } else if (match.kind === 'condition' && negated(match)) {
      if (!context.hedged(match.start)) findings.absentSymptoms.push({ name: match.entry.name, text: sentence.raw });
    } else if (match.kind === 'condition') {
      const certainty = context.hedged(match.start) ? 'suspected' : 'stated';
      findings.diagnoses.push({ name: match.entry.name, icd10: match.entry.code ?? null, certainty, text: sentence.raw });
    } else if (match.kind === 'investigation' && !context.negated(match.start)) {
      findings.investigations.push({ name: match.entry.name, text: sentence.raw });
    }
  }
  const durations = findDurations(sentence.normal);
  const onset = findOnset(sentence.normal);
  findings.symptoms = symptomMatches.map((match) => {
    const duration = durationFor(match, symptomMatches, durations);
    return {
      name: match.entry.name,
      duration,
      ...(onset && !duration ? { onset } : {}),
      severity: SEVERITY.exec(sentence.normal.slice(Math.max(0, match.start - 24), match.start).trimEnd())?.[1] ?? null,
      icd10: match.entry.code ?? null,
      text: sentence.raw,
    };
  });
  return findings;
}

function durationFor(match: ClinicalMatch, symptoms: readonly ClinicalMatch[], durations: ReturnType<typeof findDurations>): EmrSymptom['duration'] {
  const next = durations.find((found) => found.start >= match.end);
  if (next) return next.duration;
  const before = durations.filter((found) => found.end <= match.start).pop();
  if (!before) return null;
  const earlier = durations.filter((found) => found.end <= before.start).pop();
  const claimed = symptoms.some((other) => other.end <= before.start && (!earlier || other.start >= earlier.end));
  const firstAfter = symptoms.find((other) => other.start >= before.end) === match;
  return !claimed && firstAfter ? before.duration : null;
}
