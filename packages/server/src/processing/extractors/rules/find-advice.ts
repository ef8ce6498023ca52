import type { ClinicalMatch } from './clinical-matcher.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import type { SentenceContext } from './sentence-context.js';

const LEAD_INS = ['please', 'you should', 'you must', 'you need to', 'you have to', 'i want you to', 'try to', 'make sure you', 'make sure to', 'also', 'and', 'then', 'so'];
const ADVICE_VERBS = new Set(['drink', 'eat', 'avoid', 'rest', 'reduce', 'cut', 'quit', 'exercise', 'walk', 'sleep', 'keep', 'limit', 'increase', 'wear', 'elevate', 'gargle', 'stay', 'maintain', 'follow', 'monitor', 'check', 'stop', 'do', "don't"]);
const TAKE_ADVICE = new Set(['rest', 'plenty', 'adequate', 'enough', 'care', 'a']);
const CLAUSE_STARTS = new Set(['and', ',', 'then', 'also', 'so', ';']);
const FOLLOW_UP = /(?<=^| )(?:come back|come again|follow up|followup|review|see you|see me|return|revisit)(?= |$)/;

/**
 * Finds advice in one sentence: a clause that opens (after "please", "you should", ...) with a lifestyle verb such as
 * drink, eat, avoid, rest, walk, or "take rest". Clauses naming a medicine or a test are prescriptions, not advice,
 * and a follow-up instruction ends the advice ("... and come back in a week"). Returns the advice in normal form.
 */
export function findAdvice(sentence: ClinicalSentence, matches: readonly ClinicalMatch[], context: SentenceContext): string[] {
  if (context.question) return [];
  const words = sentence.normal.split(' ');
  for (let index = 0; index < words.length; index += 1) {
    if (index > 0 && !CLAUSE_STARTS.has(words[index - 1] as string)) continue;
    const verbAt = skipLeadIns(words, index);
    if (!isAdviceVerb(words, verbAt)) continue;
    const start = words.slice(0, verbAt).join(' ').length + (verbAt > 0 ? 1 : 0);
    const rest = sentence.normal.slice(start);
    const followUp = FOLLOW_UP.exec(rest);
    const end = start + (followUp ? followUp.index : rest.length);
    const clause = sentence.normal.slice(start, end).replace(/(?: (?:and|,|then))*\s*$/, '').trim();
    const prescribes = matches.some((match) => (match.kind === 'medicine' || match.kind === 'investigation') && match.start >= start && match.start < end);
    if (clause && !prescribes) return [clause];
  }
  return [];
}

function skipLeadIns(words: readonly string[], index: number): number {
  let cursor = index;
  for (let changed = true; changed; ) {
    changed = false;
    for (const lead of LEAD_INS) {
      const parts = lead.split(' ');
      if (parts.every((part, offset) => words[cursor + offset] === part)) {
        cursor += parts.length;
        changed = true;
      }
    }
  }
  return cursor;
}

function isAdviceVerb(words: readonly string[], index: number): boolean {
  const verb = words[index];
  if (verb === 'take') return TAKE_ADVICE.has(words[index + 1] ?? '');
  if (verb === 'do') return words[index + 1] === 'not';
  return verb !== undefined && ADVICE_VERBS.has(verb);
}
