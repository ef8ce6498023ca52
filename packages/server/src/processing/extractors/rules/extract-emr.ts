import { type EkaEmrTemplate, emptyEkaEmr, type EmrFollowUp } from '@scribe/core/templates';
import type { ClinicalKind, ClinicalMatch } from './clinical-matcher.js';
import { findAdvice } from './find-advice.js';
import { findFindings } from './find-findings.js';
import { findFollowUp } from './find-follow-up.js';
import { findMedications, preferNamedMedicines } from './find-medications.js';
import { findVitals } from './find-vitals.js';
import type { PhraseMatcher } from './phrase-matcher.js';
import { findQuestionStart, readAnswer } from './find-question.js';
import { answers, openQuestion, type OpenQuestion } from './open-question.js';
import { applyAnswer, settleUnanswered } from './pair-answers.js';
import type { ClinicalSentence, ClinicalText } from './read-clinical-text.js';
import { readTurnContext } from './read-turn-context.js';
import { findOthersHealth, INTRODUCES_PATIENT } from './relative-speaking.js';
import { findPatientClause, type SentenceContext } from './sentence-context.js';

/**
 * Extracts the `eka_emr_template` fields from a read transcript turn by turn: each sentence's statements are read in
 * their context, the terms a question asks about wait for the next turn's answer (pair-answers.ts), then repeats
 * are merged.
 */
export function extractEmr(text: ClinicalText, matcher: PhraseMatcher<ClinicalKind>): EkaEmrTemplate {
  const emr: EkaEmrTemplate = emptyEkaEmr();
  const followUps: EmrFollowUp[] = [];
  let open: OpenQuestion | null = null;
  // Once the talk turns to relatives it stays there while sentences speak of "he", "she", "they" or "someone".
  let familyTopic = false;
  // The conditions said to be a relative's: asked about again ("oh, coronary heart disease?"), they are still theirs.
  const relatives = new Set<string>();
  // Allergies are listed over several turns ("any allergies?" / "penicillin" / "anything else?" / "naprosyn").
  let allergyTopic = false;
  const turns = groupByTurn(text.sentences);
  for (const [turnIndex, turn] of turns.entries()) {
    const first = turn[0] as ClinicalSentence;
    const next = turns[turnIndex + 1]?.[0];
    const answered = next !== undefined && readAnswer(next.normal) !== null;
    const opensWithQuestion = findQuestionStart(first.normal) === 0;
    const answering = open !== null && answers(open, first.speaker, opensWithQuestion) ? open : null;
    if (answering) applyAnswer(emr, answering, turn, matcher);
    else if (open) settleUnanswered(emr, open);
    open = null;
    let relativeNamed = false;
    for (const sentence of turn) {
      const matches = matcher(sentence.normal);
      // "fever or chills" / "no": what the next turn answers yes or no to was asked, even without "?" or a cue.
      const context = readTurnContext(sentence, matches, { answered, last: sentence === turn[turn.length - 1], answering: answering !== null, afterQuestion: open !== null, followed: next !== undefined && findQuestionStart(next.normal) === undefined });
      // The answer to a question about relatives speaks of them ("any illness in the family?" / "stroke"); so does "he",
      // "she" or "they" while the talk is of relatives or right after a sentence of the same turn that named one ("so
      // let's start with my mom. she died of heart failure"), and a bare condition said then ("oh, coronary artery
      // disease").
      const aboutOthers: boolean = (answering !== null && aboutRelatives(answering)) || ((familyTopic || relativeNamed) && THIRD_PERSON.test(sentence.normal)) || (familyTopic && bareFindings(sentence.normal, matches));
      // A relative who speaks for the patient ("my mother is hard of hearing") speaks of the patient, unless they name
      // one of the patient's relatives ("your grandfather had migraines").
      const forPatient: boolean = !aboutOthers && sentence.speaker !== null && /family/.test(sentence.speaker) && !YOUR_RELATIVE.test(sentence.normal);
      // Except where they speak of their own health or of another relative ("i have asthma myself", "his brother had
      // the flu").
      const others = forPatient ? findOthersHealth(sentence.normal) : [];
      // Up to where the patient speaks of themselves ("no, but i have high blood pressure myself").
      const patientFrom = findPatientClause(sentence.normal);
      const read: SentenceContext = aboutOthers ? { ...context, otherPerson: (start: number) => start < patientFrom || context.otherPerson(start) } : forPatient ? { ...context, otherPerson: (start: number) => others.some(([from, to]) => start >= from && start < to) } : context;
      // The answer to "any allergies to medicines?" names allergens, not medications.
      const kept = answering?.aboutAllergy ? matches.filter((match) => match.kind !== 'medicine') : matches;
      extractSentence(emr, followUps, sentence, kept, read);
      for (const match of matches) if (match.kind === 'condition' && read.otherPerson(match.start) && !read.asked(match.start)) relatives.add(match.entry.name);
      relativeNamed = !forPatient && !INTRODUCES_PATIENT.test(sentence.normal) && ((RELATIVE.test(sentence.normal) && read.otherPerson(sentence.normal.length)) || (relativeNamed && THIRD_PERSON.test(sentence.normal)));
      if (context.question) {
        open = openQuestion(open, sentence, matches, context);
        // "how about cancer?", "which cancer?", "have any of them had it?", "coronary artery disease?", "what was the heart
        // disease called?": asked while the talk is of relatives and not put to the patient, a follow-up goes on asking
        // about them; "any history of diabetes?" may be asked of the patient, and is not taken as one.
        const toPatient = addressesPatient(sentence.normal);
        if (familyTopic && !toPatient && (FOLLOW_UP.test(sentence.normal) || REFERRING.test(sentence.normal) || bareFindings(sentence.normal, matches) || matches.some((match) => match.kind === 'condition' && (context.presupposed(match.start) || relatives.has(match.entry.name))))) open.aboutOthers = true;
        // A question put to the patient, or to a parent about the child who is the patient, ends the talk of relatives.
        familyTopic = aboutRelatives(open) || (familyTopic && !toPatient && !open.aboutOthers);
        allergyTopic = open.aboutAllergy || (allergyTopic && (matches.some((match) => match.kind === 'medicine') || MORE.test(sentence.normal)));
        if (allergyTopic) open.aboutAllergy = true;
      } else if (!familyTopic) {
        // A statement of a relative's health or of the family's history opens the talk of relatives ("let's talk about
        // your family history", "i lost my brother as well", "my mom had breast cancer").
        familyTopic = FAMILY_TALK.test(sentence.normal) || (RELATIVE.test(sentence.normal) && matches.some((match) => match.kind !== 'medicine' && read.otherPerson(match.start) && !read.asked(match.start)));
      }
    }
  }
  if (open) settleUnanswered(emr, open);
  return finish(emr, followUps);
}

const THIRD_PERSON = /^(?:(?:well|oh|um|uh|yes|yeah|no|so|and|,) )*(?:he|she|they|someone|somebody|both|all|one|two|three|four|[0-9]+ of them|his|her|their|i know someone|i think (?:he|she|they))(?= |$)/;
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

// "how about cancer?", or after thanks in one unpunctuated run ("still that is helpful thank you what about heart disease").
const FOLLOW_UP = /^(?:(?:and|so|okay|ok|oh|um|uh|alright|right|,) )*and(?= )|(?<=^| )(?:what about|how about)(?= )/;
// A question that refers back to the relatives or their conditions without naming them.
const REFERRING = /(?<=^| )(?:any of them|anyone|anybody|any one|who|which|what type|what kind|what sort|anything else|any others?|else)(?= |$)/;
// The family's history or a relative's death named in a statement.
const FAMILY_TALK = /(?<=^| )(?:family (?:history|medical history|health history|medical|health)|familial|runs? in (?:the|your|my|our) family|(?:my|your|his|her|our|their) (?:[a-z]+ )?(?:mother|father|mom|mum|dad|brother|sister|son|daughter|parents|grandmother|grandfather|grandma|grandpa|granny|uncle|aunt|cousin|siblings?|brothers|sisters)(?: [a-z]+)? (?:died|passed|passed away)|(?:lost|losing) (?:my|his|her|our) (?:[a-z]+ )?(?:mother|father|mom|mum|dad|brother|sister|son|daughter|parents|grandmother|grandfather|grandma|grandpa|granny|uncle|aunt|cousin|siblings?|brothers|sisters|husband|wife))(?= |$)/;
// A relative named ("some people get a fever too" speaks of others, not of the family).
const RELATIVE = /(?<=^| )(?:family|relatives?|(?:grand|great grand|step|half )?(?:mother|father|mom|mum|dad|brothers?|sisters?|parents|grandmother|grandfather|grandma|grandpa|granny|uncles?|aunts?|cousins?|siblings?|sons?|daughters?|nephews?|nieces?))(?= |$)/;
// "your grandfather", said by a relative who speaks for the patient.
const YOUR_RELATIVE = /(?<=^| )your (?:(?:grand|great grand|step|half )?(?:mother|father|mom|mum|dad|brothers?|sisters?|parents|grandmother|grandfather|grandma|grandpa|granny|uncles?|aunts?|cousins?|siblings?)|family)(?= |$)/;
// The patient asked about their own health ("do you have", "have you had", "are you on"); "do you know", "are you
// aware", "your family" ask nothing of the patient's own health.
const NOT_ADDRESSING = /(?<=^| )(?:(?:do|did|can|could|would|will) you (?:know|remember|recall|recollect|think|tell)|(?:are|were) you aware|you are aware|you were aware|as far as you know|you know|you (?:had )?mentioned|you said|you told|thank you|you guys|your (?:[a-z]+ )?(?:family|mother|father|mom|mum|dad|brothers?|sisters?|parents|grandmother|grandfather|grandma|grandpa|granny|uncles?|aunts?|cousins?|siblings?|sons?|daughters?|children|kids|relatives?|husband|wife|partner)(?: s)?)(?= |$)/g;

const CLAUSE_WORD = /(?<=^| )(?:i|me|my|we|our|you|your|it|this|that|is|are|was|were|am|have|has|had|do|does|did|get|got|feel|felt)(?= |$)/;

// A few words naming findings, with no subject or verb of their own ("skin cancer", "oh, coronary heart disease").
function bareFindings(normal: string, matches: readonly ClinicalMatch[]): boolean {
  return matches.length > 0 && normal.split(' ').filter((word) => /\p{L}/u.test(word)).length <= 6 && !CLAUSE_WORD.test(normal);
}

function addressesPatient(normal: string): boolean {
  return SECOND_PERSON.test(normal.replace(NOT_ADDRESSING, ' '));
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
