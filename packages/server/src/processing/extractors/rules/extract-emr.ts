import type { EkaEmrTemplate, EmrFollowUp } from '@scribe/core/templates';
import type { ClinicalKind, ClinicalMatch } from './clinical-matcher.js';
import { findAdvice } from './find-advice.js';
import { findFindings } from './find-findings.js';
import { findFollowUp } from './find-follow-up.js';
import { findMedications, preferNamedMedicines } from './find-medications.js';
import { findVitals } from './find-vitals.js';
import type { PhraseMatcher } from './phrase-matcher.js';
import { findQuestionStart, readAnswer } from './find-question.js';
import { answers, applyAnswer, openQuestion, settleUnanswered, type OpenQuestion } from './pair-answers.js';
import type { ClinicalSentence, ClinicalText } from './read-clinical-text.js';
import { readTurnContext } from './read-turn-context.js';
import type { SentenceContext } from './sentence-context.js';

/**
 * Extracts the `eka_emr_template` fields from a read transcript turn by turn: each sentence's statements are read in
 * their context, the terms a question asks about wait for the next turn's answer (pair-answers.ts), then repeats
 * are merged.
 */
export function extractEmr(text: ClinicalText, matcher: PhraseMatcher<ClinicalKind>): EkaEmrTemplate {
  const emr: EkaEmrTemplate = { symptoms: [], absent_symptoms: [], medications: [], vitals: [], diagnoses: [], investigations: [], advice: [], follow_up: null };
  const followUps: EmrFollowUp[] = [];
  let open: OpenQuestion | null = null;
  // Once the talk turns to relatives it stays there while sentences speak of "he", "she", "they" or "someone".
  let familyTopic = false;
  // Allergies are listed over several turns ("any allergies?" / "penicillin" / "anything else?" / "naprosyn").
  let allergyTopic = false;
  const turns = groupByTurn(text.sentences);
  for (const [turnIndex, turn] of turns.entries()) {
    const first = turn[0] as ClinicalSentence;
    const next = turns[turnIndex + 1]?.[0];
    const answered = next !== undefined && readAnswer(next.normal) !== null;
    const opensWithQuestion = findQuestionStart(first.normal) === 0;
    const answering = open !== null && answers(open, first.speaker, opensWithQuestion) ? open : null;
    if (answering) applyAnswer(emr, answering, turn);
    else if (open) settleUnanswered(emr, open);
    open = null;
    for (const sentence of turn) {
      const matches = matcher(sentence.normal);
      // "fever or chills" / "no": what the next turn answers yes or no to was asked, even without "?" or a cue.
      const context = readTurnContext(sentence, matches, { answered, last: sentence === turn[turn.length - 1], answering: answering !== null, afterQuestion: open !== null, followed: next !== undefined && findQuestionStart(next.normal) === undefined });
      // The answer to a question about relatives speaks of them ("any illness in the family?" / "stroke").
      const aboutOthers = (answering !== null && aboutRelatives(answering)) || (familyTopic && THIRD_PERSON.test(sentence.normal));
      // A relative who speaks for the patient ("my mother is hard of hearing") speaks of the patient.
      const forPatient = !aboutOthers && sentence.speaker !== null && /family/.test(sentence.speaker);
      const read = aboutOthers ? { ...context, otherPerson: () => true } : forPatient ? { ...context, otherPerson: () => false } : context;
      // The answer to "any allergies to medicines?" names allergens, not medications.
      const kept = answering?.aboutAllergy ? matches.filter((match) => match.kind !== 'medicine') : matches;
      extractSentence(emr, followUps, sentence, kept, read);
      if (context.question) {
        open = openQuestion(open, sentence, matches, context);
        familyTopic = aboutRelatives(open) || (familyTopic && !SECOND_PERSON.test(sentence.normal));
        allergyTopic = open.aboutAllergy || (allergyTopic && (matches.some((match) => match.kind === 'medicine') || MORE.test(sentence.normal)));
        if (allergyTopic) open.aboutAllergy = true;
      }
    }
  }
  if (open) settleUnanswered(emr, open);
  return finish(emr, followUps);
}

const THIRD_PERSON = /^(?:(?:well|oh|um|uh|yes|yeah|no|so|and|,) )*(?:he|she|they|someone|somebody|both|all|one|two|three|four|his|her|their|i know someone|i think (?:he|she|they))(?= |$)/;
// "tell me more about your son", "how is your daughter doing": asked of a parent, the child is the patient; a child
// of the patient is family history only when the question says so ("does anyone in your family", "your son's health
// history").
const PATIENT_CHILD = /(?<=^| )your (?:son|daughter|child|baby|boy|girl|kid|little one|little boy|little girl|toddler|infant)(?= |$)/;
const FAMILY_HISTORY = /(?<=^| )(?:family|history|runs?|running|anyone|anybody|relatives?|parents?|mother|father|mom|dad|mum|brothers?|sisters?|siblings?|grand[a-z]*|uncle|aunt|cousin|husband|wife|other)(?= |$)/;

/** A question about relatives, not one asked of a parent about the child who is the patient. */
function aboutRelatives(question: OpenQuestion): boolean {
  if (!question.aboutOthers) return false;
  const normal = question.text.toLowerCase().replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ');
  return !PATIENT_CHILD.test(normal) || FAMILY_HISTORY.test(normal);
}

const MORE = /(?<=^| )(?:anything else|any other|any others|what else|others|more)(?= |$)/;
const SECOND_PERSON = /(?<=^| )(?:you|your)(?= |$)/;

function groupByTurn(sentences: readonly ClinicalSentence[]): ClinicalSentence[][] {
  const turns: ClinicalSentence[][] = [];
  for (const sentence of sentences) {
    const last = turns[turns.length - 1];
    if (last && (last[0] as ClinicalSentence).turn === sentence.turn) last.push(sentence);
    else turns.push([sentence]);
  }
  return turns;
}

function extractSentence(emr: EkaEmrTemplate, followUps: EmrFollowUp[], sentence: ClinicalSentence, matches: readonly ClinicalMatch[], context: SentenceContext): void {
  {
    const findings = findFindings(sentence, matches, context);
    emr.symptoms.push(...findings.symptoms);
    emr.absent_symptoms.push(...findings.absentSymptoms);
    emr.diagnoses.push(...findings.diagnoses);
    emr.investigations.push(...findings.investigations);
    emr.medications.push(...findMedications(sentence, matches, context));
    emr.vitals.push(...findVitals(sentence));
    emr.advice.push(...findAdvice(sentence, matches, context));
    const followUp = findFollowUp(sentence, context);
    if (followUp) followUps.push(followUp);
  }
}

function finish(emr: EkaEmrTemplate, followUps: readonly EmrFollowUp[]): EkaEmrTemplate {
  return {
    symptoms: mergeByName(emr.symptoms),
    // A symptom affirmed anywhere is not also listed as absent.
    absent_symptoms: mergeByName(emr.absent_symptoms).filter((absent) => !emr.symptoms.some((symptom) => symptom.name === absent.name)),
    medications: preferNamedMedicines(mergeByName(emr.medications)),
    vitals: mergeByName(emr.vitals),
    diagnoses: mergeByName(emr.diagnoses),
    investigations: mergeByName(emr.investigations),
    advice: [...new Set(emr.advice)],
    follow_up: followUps.find((followUp) => followUp.interval !== null) ?? followUps[0] ?? null,
  };
}

/** Keeps the first item of each name, filling its empty (null) fields from later mentions of the same name. */
function mergeByName<Item extends { name: string }>(items: readonly Item[]): Item[] {
  const merged = new Map<string, Item>();
  for (const item of items) {
    const first = merged.get(item.name);
    if (!first) {
      merged.set(item.name, { ...item });
      continue;
    }
    const filled: Record<string, unknown> = first;
    for (const [key, value] of Object.entries(item)) {
      if (filled[key] === null && value !== null) filled[key] = value;
    }
  }
  return [...merged.values()];
}

/** True when the EMR holds anything clinical; advice alone is not enough to write a note from. */
export function hasClinicalContent(emr: EkaEmrTemplate): boolean {
  return (
    emr.symptoms.length + emr.absent_symptoms.length + emr.medications.length + emr.vitals.length + emr.diagnoses.length + emr.investigations.length > 0 ||
    emr.follow_up !== null
  );
}
