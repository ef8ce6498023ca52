import type { ClinicalMatch } from './clinical-matcher.js';
import { findAddressedStatement } from './find-question.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import { readSentenceContext, type SentenceContext } from './sentence-context.js';

/** Where a sentence stands in the dialogue, which its own words cannot tell. */
export interface TurnSituation {
  /** The next turn opens with a yes or a no. */
  answered: boolean;
  /** The sentence is the last of its turn, the one the next turn answers. */
  last: boolean;
  /** The sentence's turn answers a question asked in the turn before. */
  answering: boolean;
  /** An earlier sentence of the same turn asked a question. */
  afterQuestion: boolean;
  /** Another turn follows that asks nothing itself (a question there would show this turn asked nothing). */
  followed: boolean;
}

/**
 * Reads a sentence's context in its dialogue: besides what its words say (sentence-context.ts), a sentence the
 * next turn answers yes or no to was a question even without "?" or a question's word order, as a recogniser
 * writes a typist's "And you get urine infections too?" or "Fever or chills?". A bare list of findings that answers
 * nothing and is followed by a turn asks about them ("fever or chills" / "i had diarrhoea for a few days"). A
 * patient's sentence, when labels say so, asks nothing this way.
 */
export function readTurnContext(sentence: ClinicalSentence, matches: readonly ClinicalMatch[], situation: TurnSituation): SentenceContext {
  const context = readSentenceContext(sentence.normal, matches);
  if (context.question || (sentence.speaker !== null && /patient/.test(sentence.speaker))) return context;
  // "Any neurological symptoms like TIA? That is, slurred speech or stroke symptoms.": a sentence that only spells
  // out the question before it asks too.
  if (situation.afterQuestion && CLARIFYING.test(sentence.normal)) return askedFrom(context, 0);
  if (elliptical(sentence.normal, matches) && (situation.answered || (!situation.answering && situation.followed && situation.last))) return askedFrom(context, 0);
  // "any flu like symptoms?" / "like fever or chills?": an answer that only offers examples asks back which were meant.
  if (situation.answering && ASKING_BACK.test(sentence.normal) && elliptical(sentence.normal, matches)) return askedFrom(context, 0);
  if (situation.answered && situation.last) {
    const from = findAddressedStatement(sentence.normal);
    if (from !== undefined) return { ...askedFrom(context, from), presupposed: context.presupposed };
  }
  return context;
}

const ASKING_BACK = /^(?:(?:um|uh|oh|so|,) )*(?:like|such as)(?= )/;
const CLARIFYING = /^(?:(?:um|uh|so|,) )*(?:that is|i mean|like|such as|for example|for instance|or|meaning|in other words)(?= |$)/;
const BARE_WORDS = new Set(['or', 'and', 'any', 'okay', 'ok', 'um', 'uh', 'so', 'what', 'how', 'about', ',', '?', 'also', 'maybe', 'like', 'right', 'now', 'then', 'too', 'at', 'all', 'other', 'symptoms', 'problems', 'issues']);

// Only findings and filler: no subject, no verb.
function elliptical(normal: string, matches: readonly ClinicalMatch[]): boolean {
  if (matches.length === 0) return false;
  let rest = normal;
  for (const match of [...matches].reverse()) rest = `${rest.slice(0, match.start)} ${rest.slice(match.end)}`;
  return rest.split(' ').every((word) => word === '' || BARE_WORDS.has(word));
}

function askedFrom(context: SentenceContext, from: number): SentenceContext {
  return { ...context, question: true, asked: (start) => start >= from, presupposed: () => false };
}
