import type { EkaEmrTemplate, EmrSymptom } from '@scribe/core/templates';
import type { ClinicalMatch } from './clinical-matcher.js';
import { findBareDuration, findBareOnset, findDurations, findOnset } from './find-durations.js';
import { readAnswer } from './find-question.js';
import type { ClinicalSentence } from './read-clinical-text.js';

/** Words that make a question about a quality of the finding (see `OpenQuestion.qualified`). */
export const QUALIFYING = /(?<=^| )(?:first time|worse|better|related|associated|due to|caused|cause|causing|help|helped|helping|changed|improved|improving|bother|bothering)(?= |$)/;
const CONFIRM = /^(?:(?:um|uh|oh|well|,) )*(?:right|correct|that is right|that is correct|exactly|none|nothing)(?= |$)/;
const NEGATIVE_REST = /(?<=^| )(?:nothing|none|no|not)(?= |$)/;

/** What a turn asked, waiting for the next turn to answer it. */
export interface OpenQuestion {
  speaker: string | null;
  /** Terms in the asking part, not negated, hypothetical or explanatory there. */
  asked: ClinicalMatch[];
  /** Terms asked about in the negative ("no chest pain, right?"): a plain answer of either kind denies them. */
  negatedAsked: ClinicalMatch[];
  /** The asking sentence, as said. */
  text: string;
  /** "how long", "since when": a bare amount in the answer is a duration. */
  howLong: boolean;
  /** Asks about relatives ("anyone in your family"): the answer's terms are family history. */
  aboutOthers: boolean;
  /**
   * Asks about a quality of the finding rather than whether it is there ("is it getting worse?", "was this the first
   * time?", "is it related to the fall?"): "no" then denies nothing.
   */
  qualified: boolean;
  /** Asks about allergies: a medicine in it is an allergen, not a medication. */
  aboutAllergy: boolean;
}

/**
 * True when `turn` can answer `question`: with speaker labels, another speaker than the asker and a doctor (or
 * clinician) asking; without labels, any next turn that does not open with a question of its own.
 */
export function answers(question: OpenQuestion, speaker: string | null, opensWithQuestion: boolean): boolean {
  if (question.speaker !== null && speaker !== null) return speaker !== question.speaker && !/patient/.test(question.speaker);
  return !opensWithQuestion;
}

/**
 * Applies an answer to the question before it: "no" (or "nope", "not really", "i do not") denies every asked
 * symptom and condition; "yes" (or "sometimes", "a little", "i do") makes them present, with a duration said in
 * the answer ("yes, for about a week"); an answer that is neither leaves them unsaid. A how-long question takes a
 * duration from the answer, even a bare "six days", for the asked symptom or else the last symptom without one.
 */
export function applyAnswer(emr: EkaEmrTemplate, question: OpenQuestion, answer: readonly ClinicalSentence[]): void {
  const first = answer[0];
  if (!first || question.aboutOthers) return;
  let polarity = readAnswer(first.normal);
  // "any sore throat or cough?" / "i have this cough, but other than that nothing": an answer that names some of the
  // asked terms and also says no affirms those (its own sentences record them) and denies the rest.
  const named = question.asked.filter((match) => answer.some((sentence) => ` ${sentence.normal} `.includes(` ${match.text} `)));
  let asked = question.asked;
  if (polarity === 'yes' && named.length > 0 && named.length < asked.length && answer.some((sentence) => NEGATIVE_REST.test(sentence.normal))) {
    asked = asked.filter((match) => !named.includes(match) && match.kind !== 'medicine');
    polarity = 'no';
  }
  const text = `${question.text} ${first.raw}`.trim();
  const duration = answer.map((sentence) => findDurations(sentence.normal)[0]?.duration ?? null).find(Boolean) ?? findBareDuration(first.normal);
  const onset = duration ? null : answer.map((sentence) => findOnset(sentence.normal)).find(Boolean);
  if ((polarity !== null || CONFIRM.test(first.normal)) && !question.qualified) {
    for (const match of question.negatedAsked) emr.absent_symptoms.push({ name: match.entry.name, text });
  }
  if (polarity === 'no' && !question.qualified) {
    for (const match of asked) {
      if (match.kind === 'symptom' || match.kind === 'condition') emr.absent_symptoms.push({ name: match.entry.name, text });
    }
  } else if (polarity === 'yes') {
    for (const match of asked) {
      if (match.kind === 'symptom') emr.symptoms.push({ name: match.entry.name, duration: duration ?? null, ...(onset ? { onset } : {}), severity: null, icd10: match.entry.code ?? null, text });
      else if (match.kind === 'condition') emr.diagnoses.push({ name: match.entry.name, icd10: match.entry.code ?? null, certainty: 'stated', text });
      else if (match.kind === 'medicine' && !question.aboutAllergy) {
        emr.medications.push({ name: match.entry.name, spoken_name: match.text, atc: match.entry.code ?? null, dose: null, route: null, frequency: null, duration: null, timing: null, text });
      }
    }
  }
  const since = question.howLong && !duration ? (onset ?? findBareOnset(first.normal)) : null;
  if (question.howLong && (duration || since) && polarity !== 'no') {
    const askedNames = question.asked.map((match) => match.entry.name);
    const untimed = (item: EmrSymptom) => !item.duration && !item.onset;
    const symptom = emr.symptoms.filter((item) => askedNames.includes(item.name) && untimed(item)).pop() ?? emr.symptoms.filter(untimed).pop();
    if (symptom && duration) symptom.duration = duration;
    else if (symptom && since) symptom.onset = since;
  }
}
