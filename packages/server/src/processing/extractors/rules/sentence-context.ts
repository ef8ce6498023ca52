/**
 * What surrounds a term in a sentence, in the manner of NegEx and ConText (Chapman et al. 2001; Harkema et al.
 * 2009): triggers open a scope that runs forward until a terminating word, so "no fever but cough" negates fever
 * only. Offsets are character offsets in the sentence's normal form.
 */
export interface SentenceContext {
  /** The sentence asks rather than states ("do you have any fever"); its terms are neither present nor absent. */
  readonly question: boolean;
  /** Inside a negation scope ("no", "not", "denies", "without", ... or before "ruled out"). */
  negated(start: number): boolean;
  /** Inside a conditional ("if the fever does not go away"): not a present finding. */
  hypothetical(start: number): boolean;
  /** About someone else ("my father has diabetes"). */
  otherPerson(start: number): boolean;
  /** Hedged ("looks like", "probably", "suspect"). */
  hedged(start: number): boolean;
}

interface Word {
  text: string;
  start: number;
}

const NEGATION_TRIGGERS = ['no', 'not', 'never', 'without', 'denies', 'denied', 'deny', 'nor', 'none', 'free of', 'negative for', 'absence of', 'no signs of', 'no sign of'];
// "not improved" and friends keep the finding: the pain is still there.
const PSEUDO_NEGATIONS = ['no change', 'no increase', 'not only', 'not sure', 'not certain', 'no doubt', 'not improve', 'not improved', 'not better', 'not go away', 'not gone', 'not stop', 'not stopped', 'not get better', 'not getting better', 'not reduce', 'not reduced', 'not settle', 'not settled'];
const POST_NEGATIONS = ['ruled out', 'is negative', 'was negative', 'is absent', 'was absent'];
const HYPOTHETICAL_TRIGGERS = ['if', 'in case', 'whenever', 'unless', 'watch for', 'watch out for', 'look out for'];
const HEDGES = ['likely', 'probably', 'probable', 'possibly', 'possible', 'suspect', 'suspected', 'looks like', 'look like', 'seems', 'seem', 'suggestive of', 'could be', 'might be', 'may be', 'maybe', 'rule out', 'query'];
const OTHER_PEOPLE = new Set(['father', 'mother', 'brother', 'sister', 'wife', 'husband', 'son', 'daughter', 'family', 'grandfather', 'grandmother', 'parents', 'uncle', 'aunt', 'dad', 'mom', 'mum']);
const TERMINATORS = new Set(['but', 'however', 'although', 'though', 'except', 'apart', 'aside', 'yet', 'still', 'while', 'whereas', 'which', 'who', ';', '?']);
const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'there', 'my', 'your', 'this', 'that']);
const QUESTION_STARTERS = new Set(['do', 'does', 'did', 'are', 'is', 'was', 'were', 'have', 'has', 'had', 'can', 'could', 'any', 'how', 'what', 'when', 'where', 'why', 'which']);
const NEGATION_WINDOW = 8;

/** Reads the context of every position of a normal sentence. */
export function readSentenceContext(normal: string): SentenceContext {
  const words = splitWords(normal);
  const negatedRanges: [number, number][] = [];
  const hypotheticalFrom = firstTrigger(words, HYPOTHETICAL_TRIGGERS);
  for (let index = 0; index < words.length; index += 1) {
    const trigger = matchAt(words, index, NEGATION_TRIGGERS);
    if (trigger === 0 || matchAt(words, index, PSEUDO_NEGATIONS) > 0) continue;
    const scopeStart = index + trigger;
    const scopeEnd = scopeEndAfter(words, scopeStart);
    if (scopeEnd > scopeStart) negatedRanges.push([(words[scopeStart] as Word).start, endOf(words[scopeEnd - 1] as Word)]);
  }
  for (let index = 0; index < words.length; index += 1) {
    if (matchAt(words, index, POST_NEGATIONS) === 0) continue;
    const first = Math.max(0, index - 4);
    let from = index;
    while (from > first && !TERMINATORS.has((words[from - 1] as Word).text)) from -= 1;
    if (from < index) negatedRanges.push([(words[from] as Word).start, (words[index] as Word).start]);
  }
  const first = words[0]?.text ?? '';
  const asks = normal.includes('?') || (QUESTION_STARTERS.has(first) && words.some((word) => ['you', 'your', 'any'].includes(word.text)));
  return {
    question: asks,
    negated: (start) => negatedRanges.some(([from, to]) => start >= from && start < to),
    hypothetical: (start) => hypotheticalFrom !== undefined && start >= hypotheticalFrom,
    otherPerson: (start) => words.some((word) => word.start < start && OTHER_PEOPLE.has(word.text)),
    hedged: (start) => words.some((word, index) => word.start < start && matchAt(words, index, HEDGES) > 0),
  };
}

function splitWords(normal: string): Word[] {
  const words: Word[] = [];
  let offset = 0;
  for (const text of normal.split(' ')) {
    words.push({ text, start: offset });
    offset += text.length + 1;
  }
  return words.filter((word) => word.text.length > 0);
}

function endOf(word: Word): number {
  return word.start + word.text.length;
}

// Length in words of the phrase of `phrases` starting at `index`, or 0.
function matchAt(words: readonly Word[], index: number, phrases: readonly string[]): number {
  let best = 0;
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    if (parts.every((part, offset) => words[index + offset]?.text === part)) best = Math.max(best, parts.length);
  }
  return best;
}

function firstTrigger(words: readonly Word[], phrases: readonly string[]): number | undefined {
  const index = words.findIndex((_, position) => matchAt(words, position, phrases) > 0);
  return index < 0 ? undefined : (words[index] as Word).start;
}

// A scope ends at a terminating word, at "and"/"," that starts a new clause ("no fever and i have a cough"), or
// after a fixed number of words.
function scopeEndAfter(words: readonly Word[], from: number): number {
  const limit = Math.min(words.length, from + NEGATION_WINDOW);
  for (let index = from; index < limit; index += 1) {
    const text = (words[index] as Word).text;
    if (TERMINATORS.has(text)) return index;
    if ((text === 'and' || text === ',') && SUBJECTS.has(words[index + 1]?.text ?? '')) return index;
  }
  return limit;
}
