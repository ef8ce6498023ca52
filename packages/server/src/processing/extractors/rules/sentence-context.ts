import { CONTEXT_TRIGGERS } from './context-triggers.js';
import { findQuestionCues, findQuestionStart } from './find-question.js';
import { REPORTS_PATIENT } from './relative-speaking.js';

/**
 * What surrounds a term in a sentence, in the manner of NegEx and ConText (Chapman et al. 2001; Harkema et al.
 * 2009): triggers open a scope that runs forward until a terminating word, so "no fever but cough" negates fever
 * only. Offsets are character offsets in the sentence's normal form. Trigger phrases: context-triggers.ts.
 */
export interface SentenceContext {
  /** Some part of the sentence asks ("do you have any fever", "okay any cough"); see `asked`. */
  readonly question: boolean;
  /** The term lies in the asking part: neither present nor absent until the answer says. */
  asked(start: number): boolean;
  /** Inside a negation scope ("no", "not", "denies", "without", ... or before "ruled out"). */
  negated(start: number): boolean;
  /** Inside a conditional or advice ("if you develop", "watch out for"): not a present finding. */
  hypothetical(start: number): boolean;
  /** Named while explaining ("things like", "can cause", "check for"): not a finding. */
  explanatory(start: number): boolean;
  /** Feared or wondered about ("i thought i was going to have a heart attack"): not a finding. */
  feared(start: number): boolean;
  /** In the past ("used to", "history of"): no current complaint. */
  historical(start: number): boolean;
  /** About someone else ("my father has diabetes"). */
  otherPerson(start: number): boolean;
  /**
   * Asked about as something the patient has ("how long have you had this knee pain", "how is your asthma"): a
   * determiner or possessive before the term presupposes it, unlike "any knee pain".
   */
  presupposed(start: number): boolean;
  /** Hedged ("looks like", "probably", "might be", "i wonder whether"). */
  hedged(start: number): boolean;
}

interface Word {
  text: string;
  start: number;
}

const NEGATION_TRIGGERS: readonly string[] = CONTEXT_TRIGGERS.negation;
// "not improved" and friends keep the finding: the pain is still there.
const PSEUDO_NEGATIONS: readonly string[] = CONTEXT_TRIGGERS.pseudoNegation;
const POST_NEGATIONS: readonly string[] = CONTEXT_TRIGGERS.postNegation;
const TERMINATORS = new Set(['but', 'however', 'although', 'though', 'except', 'apart', 'aside', 'yet', 'still', 'while', 'whereas', 'which', 'who', 'because', ';', '?']);
// A subordinate clause of time that follows the negated finding ("no, not since i had the stroke", "no headaches
// after i started the tablets"): what it names is the reference event, not denied.
const SUBORDINATORS = new Set(['since', 'after', 'before', 'when', 'until', 'till', 'once']);
const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'there', 'my', 'your', 'this', 'that']);
const NEGATION_WINDOW = 8;
const AUXILIARIES = new Set(['can', 'could', 'do', 'does', 'did', 'am', 'is', 'are', 'was', 'were', 'will', 'would', 'have', 'has', 'had', 'should']);

/**
 * Reads the context of every position of a normal sentence. `terms` are the spans (offsets in `normal`) of the
 * findings named in it, if known (default none): one that directly follows another is the next item of a list, as
 * a comma would mark it ("denies fever or shortness of breath cough vomiting diarrhea hemoptysis melena").
 */
export function readSentenceContext(normal: string, terms: readonly { start: number; end: number }[] = []): SentenceContext {
  const words = splitWords(normal);
  const listItems = findListItems(words, terms);
  const negatedRanges: [number, number][] = [];
  const hypotheticalFrom = firstTrigger(words, CONTEXT_TRIGGERS.hypothetical, CONTEXT_TRIGGERS.pseudoHypothetical);
  const explanatoryFrom = firstTrigger(words, CONTEXT_TRIGGERS.explanatory, CONTEXT_TRIGGERS.pseudoExplanatory);
  const fearedFrom = firstTrigger(words, CONTEXT_TRIGGERS.feared, CONTEXT_TRIGGERS.pseudoFeared);
  const questionFrom = findQuestionStart(normal);
  const clauses = findClauseStarts(normal, words);
  const historicalRanges = forwardScopes(words, CONTEXT_TRIGGERS.historical, clauses);
  for (let index = 0; index < words.length; index += 1) {
    const trigger = matchAt(words, index, NEGATION_TRIGGERS);
    if (trigger === 0 || [0, 1, 2].some((back) => index - back >= 0 && matchAt(words, index - back, PSEUDO_NEGATIONS) > back)) continue;
    // "there is not a day without a headache", "i cannot walk without pain": "without" inside a negation's scope
    // cancels it; what follows is there.
    const outer = (words[index] as Word).text === 'without' ? negatedRanges.find(([from, to]) => (words[index] as Word).start >= from && (words[index] as Word).start < to) : undefined;
    if (outer) {
      outer[1] = (words[index] as Word).start;
      continue;
    }
    const scopeStart = index + trigger;
    const scopeEnd = scopeEndAfter(words, scopeStart, clauses, listItems);
    if (scopeEnd > scopeStart) negatedRanges.push([(words[scopeStart] as Word).start, endOf(words[scopeEnd - 1] as Word)]);
  }
  for (let index = 0; index < words.length; index += 1) {
    if (matchAt(words, index, POST_NEGATIONS) === 0) continue;
    // "i can not really hear as well": after a verb's auxiliary, "not really" negates forward (above), not backward.
    if (index > 0 && AUXILIARIES.has((words[index - 1] as Word).text)) continue;
    const first = Math.max(0, index - 4);
    let from = index;
    while (from > first && !TERMINATORS.has((words[from - 1] as Word).text)) from -= 1;
    if (from < index) negatedRanges.push([(words[from] as Word).start, (words[index] as Word).start]);
  }
  const familyAfter = /(?<=^| )(?:runs? in (?:the|your|my|our|his|her) family|running in (?:the|your|my|our|his|her) family|in (?:the|your|my) family)(?= |$)/.test(normal);
  // A trigger's scope runs to the end of the sentence or to the start of a new clause that does not follow it
  // directly ("i would have to check but i know he has a history of high blood pressure"; "maybe it is a migraine").
  const clauseOffsets = [...clauses].map((index) => (words[index] as Word).start);
  const firstPerson = [...clauses].filter((index) => FIRST_PERSON.has((words[index] as Word).text)).map((index) => (words[index] as Word).start);
  const sameClause = (from: number, start: number, ends: readonly number[] = clauseOffsets) => {
    const next = words.find((word) => word.start > from);
    return !ends.some((offset) => next !== undefined && offset > next.start && offset <= start);
  };
  const after = (from: number | undefined) => (start: number) => from !== undefined && start >= from && sameClause(from, start);
  const patientClauses = [...normal.matchAll(PATIENT_CLAUSES), ...normal.matchAll(REPORTS_PATIENT)].map((match) => match.index);
  const cues = questionFrom === undefined ? [] : findQuestionCues(normal).map((cue) => cue.start);
  // A question ends where the speaker goes on about themselves in a clause of their own ("do you experience any
  // chest pains i want to check since you have been coughing", as a recogniser writes "...chest pains? I want to").
  const said = questionFrom === undefined ? [] : [...[...normal.matchAll(SAID_CLAUSE)].map((match) => match.index), ...firstPerson];
  return {
    question: questionFrom !== undefined,
    // From a question's cue up to a clause said in the first person ("how are you i have a bad headache", as a
    // recogniser writes a greeting and a complaint in one breath).
    asked: (start) => {
      const cue = cues.filter((from) => from <= start).pop();
      return cue !== undefined && !said.some((from) => from > cue && from <= start);
    },
    negated: (start) => negatedRanges.some(([from, to]) => start >= from && start < to),
    presupposed: (start) => presupposes(words, start),
    hypothetical: after(hypotheticalFrom),
    explanatory: after(explanatoryFrom),
    feared: after(fearedFrom),
    historical: (start) => historicalRanges.some(([from, to]) => start >= from && start < to),
    // "cancer runs in your family": a relative may be named after the term too.
    // A relative's scope ends only where the patient speaks of themselves again ("my mother had a stroke i have high
    // blood pressure"): "my father he has diabetes" still speaks of the father.
    // It ends too where "i" says what the patient has, even after "but" or "says" ("my mom says i have asthma"), and
    // where a relative reports the patient ("my wife says i snore").
    otherPerson: (start) =>
      familyAfter ||
      words.some(
        (word, index) =>
          word.start < start && matchAt(words, index, CONTEXT_TRIGGERS.otherPerson) > 0 && !introduces(words, index) && !FAMILY_CARE.has(words[index + 1]?.text ?? '') && sameClause(word.start, start, firstPerson) && !patientClauses.some((at) => at > word.start && at <= start) && !ownerSpeaksAgain(words, index, start),
      ),
    hedged: (start) => words.some((word, index) => word.start < start && matchAt(words, index, CONTEXT_TRIGGERS.hedge) > 0 && sameClause(word.start, start)),
  };
}

/**
 * Where the patient first speaks of their own health in a sentence about relatives ("my mother had a stroke, i have
 * high blood pressure", "no, but i have high blood pressure myself", "she said i had diarrhoea"): the offset of the
 * first clause whose subject is "i" with a verb of having or feeling, or a part of the patient's ("my left elbow is
 * killing me"), or that a relative reports, or the sentence's length when there is none. "we" is left out: in talk of
 * relatives it is the family ("we have it all, high blood pressure, depression").
 */
export function findPatientClause(normal: string): number {
  return Math.min(PATIENT_CLAUSE.exec(normal)?.index ?? normal.length, [...normal.matchAll(REPORTS_PATIENT)][0]?.index ?? normal.length);
}

// "my left elbow is killing me", "my knee hurts": a part of the patient's own as a clause's subject, not a person
// ("my mother has", "my whole family is").
const PEOPLE = [...CONTEXT_TRIGGERS.otherPerson.filter((word) => !word.includes(' ')), 'whole', 'doctor', 'dog', 'cat', 'boss', 'wife s', 'husband s'].join('|');
const OWN_PART = `my (?:(?:left|right|lower|upper) )?(?!(?:${PEOPLE})(?: |$))[a-z]+ (?:is|are|was|were|has|have|had|keeps|kept|hurts|hurt|aches|ache|feels|felt|started|gets|got)`;
const PATIENT_CLAUSE = new RegExp(`(?<=^| )(?:i (?:(?:also|still|myself|personally|actually|just|now|too|do|did|have|had|was|am|been) )*(?:have|had|get|got|suffer|suffered|feel|felt|take|took|developed|was diagnosed|been diagnosed|am diagnosed|am)|${OWN_PART})(?= |$)`);
const PATIENT_CLAUSES = new RegExp(PATIENT_CLAUSE.source, 'g');

// "i confirmed with his wife he had a cabg", "i spoke to her son she has been falling": the relative is the one "he" or
// "she" owns, so a clause of "he" or "she" after it speaks of the patient again, as a typist's full stop would show.
function ownerSpeaksAgain(words: readonly Word[], index: number, start: number): boolean {
  const owner = OWNERS[words[index - 1]?.text ?? ''];
  if (!owner) return false;
  return words.some((word, at) => at > index && word.start < start && word.text === owner && OWNER_VERB.test(words[at + 1]?.text ?? ''));
}

// "your family doctor", "family medicine": the patient's own care, not a relative.
const FAMILY_CARE = new Set(['doctor', 'doctors', 'physician', 'physicians', 'practitioner', 'practice', 'medicine', 'gp', 'clinic', 'provider']);

const OWNERS: Readonly<Record<string, string>> = { his: 'he', her: 'she' };

// "she is my mother", "this is my son": a relative who brings the patient in names the patient, not another person.
function introduces(words: readonly Word[], index: number): boolean {
  return words[index - 1]?.text === 'my' && words[index - 2]?.text === 'is' && ['she', 'he', 'this', 'that'].includes(words[index - 3]?.text ?? '');
}

// A first-person statement, not embedded in the question ("do you think i have", "tell me if i").
const SAID_CLAUSE = /(?<=^| )(?<!(?:think|if|whether|that|know|say|said|when|because|what|where|how|why|since|until|before|after|while) )(?:i|we) (?:have|had|am|was|feel|felt|get|got|do not|did not|have not|cannot|noticed|started|woke)(?= )/g;

/**
 * Where a new clause starts inside a sentence without the punctuation that would mark it: a subject and its verb
 * after an answer or another clause ("um no i feel like my face is swollen", "i have not fainted i have had some
 * dizzy spells", "no my incontinence is a bit better"), as a recogniser writes what a typist splits with a full stop
 * or a comma. Not after a word that embeds the clause ("i do not think i have a fever", "not sure whether it is"),
 * nor after "and", "or" or a comma (the scope rules for those are in `scopeEndAfter`).
 */
export function findClauseStarts(normal: string, words: readonly { start: number }[] = splitWords(normal)): Set<number> {
  const starts = new Set<number>();
  for (const match of normal.matchAll(CLAUSE_START)) {
    if (match.index === 0) continue;
    // "if it hurts and then i get a fever": in a condition, "and then" goes on with it.
    if (normal.slice(0, match.index).endsWith('and then ') && CONDITION.test(normal.slice(0, match.index))) continue;
    const index = words.findIndex((word) => word.start === match.index);
    if (index > 0) starts.add(index);
  }
  return starts;
}

// "and then i feel", "oh and she has": after "and then" (not in a condition, see `findClauseStarts`) or "oh and" a new
// clause starts, as a typist's full stop says; "if ... then i get" and "... and i" embed.
const EMBEDDING = '(?:(?<!(?:^| )and )then|think|thought|guess|if|whether|know|knew|say|said|says|tell|told|when|whenever|wherever|once|unless|because|cause|what|where|how|why|since|until|till|before|after|while|(?<!(?:^| )oh )and|or|but|not|do|did|does|to|than|like|as|mean|believe|hope|unless|which|who|whom|whose|of|about|feel|felt|sure|wonder|afraid|worried|scared|concerned|possible|fear|hoping|suspect|wondering|worry|realize|realise|notice|noticed|remember|saying|,)';
const CLAUSE_VERB = '(?:have|had|has|am|is|are|was|were|feel|felt|feels|get|got|gets|do|did|does|would|can|could|will|noticed|started|start|stopped|woke|went|came|found|saw|tried|called|drove|gave|take|took|use|used|think|want|need|just|also|always|still|really|actually|luckily|thankfully|definitely|only|never|sometimes|usually)';
// "that" embeds a clause ("i know that i have"), except as the pronoun closing "like that", "about that" or "all
// that" ("i have a few things like that i have anemia", where a typist puts a full stop).
const THAT_EMBEDDING = '(?<!(?:^| )(?<!(?:^| )(?:like|about|all) )that )';
// Verbs that follow a pronoun subject only, where a noun before them would be ambiguous ("my son work"): "i work from
// ten to seven", "i try to avoid eating", "i ask because".
const PRONOUN_VERB = '(?:work|works|worked|try|tries|ask|asked|go|goes|live|lives|lived|mean|guess|hear|heard|say|said|says|told|tell|see|know|knew|like|love|wanted|needed|eat|ate|sleep|slept|walk|walked|keep|kept|make|made|believe|thought|remember|forgot|wake|put|spoke|talked|confirmed|checked)';
const OWNER_VERB = new RegExp(`^${CLAUSE_VERB}$`);
const CLAUSE_START = new RegExp(`(?<=^| )(?<!(?:^| )${EMBEDDING} )${THAT_EMBEDDING}(?:(?:i|we|he|she|they|it) (?:${CLAUSE_VERB}|${PRONOUN_VERB})|(?:my|his|her|their|our)(?: [a-z]+){1,2} ${CLAUSE_VERB})(?= )`, 'g');

const CONDITION = /(?<=^| )(?:if|when|whenever|unless|once)(?= )/;
const FIRST_PERSON = new Set(['i', 'we', 'my', 'our']);
const PRESUPPOSING = new Set(['your', 'this', 'that', 'these', 'those', 'the', 'his', 'her', 'their']);
const SIDES = new Set(['left', 'right', 'lower', 'upper', 'new', 'recent', 'current']);

// The word before the term (past a side or a "new") is a determiner or possessive, itself not after "in" or "of"
// ("any blood in your vomit" asks about blood, it does not presuppose vomiting).
function presupposes(words: readonly Word[], start: number): boolean {
  let index = words.findIndex((word) => word.start >= start) - 1;
  if (index < -1) index = words.length - 1;
  while (index >= 0 && SIDES.has((words[index] as Word).text)) index -= 1;
  if (index < 0 || !PRESUPPOSING.has((words[index] as Word).text)) return false;
  return !['in', 'of', 'from', 'into', 'on'].includes(words[index - 1]?.text ?? '');
}

// Ranges from each trigger to the end of its clause.
function forwardScopes(words: readonly Word[], phrases: readonly string[], clauses: ReadonlySet<number>): [number, number][] {
  const ranges: [number, number][] = [];
  for (let index = 0; index < words.length; index += 1) {
    const length = matchAt(words, index, phrases);
    if (length === 0) continue;
    const end = scopeEndAfter(words, index + length, clauses);
    if (end > index + length) ranges.push([(words[index + length] as Word).start, endOf(words[end - 1] as Word)]);
  }
  return ranges;
}

// The indexes of the words that start a finding right after another finding ends: items of a list said without
// commas, as a recogniser writes one.
function findListItems(words: readonly Word[], terms: readonly { start: number; end: number }[]): Set<number> {
  const items = new Set<number>();
  for (const term of terms) {
    const index = words.findIndex((word) => word.start === term.start);
    const previous = words[index - 1];
    if (index > 0 && previous && terms.some((other) => other.end === endOf(previous))) items.add(index);
  }
  return items;
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

// Phrase lists split into words and indexed by their first word, once per list: matchAt runs for every word of
// every sentence against every list, so it must not split strings.
const COMPILED = new WeakMap<readonly string[], Map<string, string[][]>>();

function compiled(phrases: readonly string[]): Map<string, string[][]> {
  let byFirst = COMPILED.get(phrases);
  if (!byFirst) {
    byFirst = new Map();
    for (const phrase of phrases) {
      const parts = phrase.split(' ');
      const list = byFirst.get(parts[0] as string) ?? [];
      list.push(parts);
      byFirst.set(parts[0] as string, list);
    }
    COMPILED.set(phrases, byFirst);
  }
  return byFirst;
}

// Length in words of the longest phrase of `phrases` starting at `index`, or 0.
function matchAt(words: readonly Word[], index: number, phrases: readonly string[]): number {
  const candidates = compiled(phrases).get(words[index]?.text ?? '');
  if (!candidates) return 0;
  let best = 0;
  for (const parts of candidates) {
    if (parts.length > best && parts.every((part, offset) => words[index + offset]?.text === part)) best = parts.length;
  }
  return best;
}

// The first trigger of `phrases` not inside one of `pseudo` (a pseudo phrase starting up to two words before it).
function firstTrigger(words: readonly Word[], phrases: readonly string[], pseudo: readonly string[] = []): number | undefined {
  const covered = (position: number) => [1, 2].some((back) => position - back >= 0 && matchAt(words, position - back, pseudo) > back);
  const index = words.findIndex((_, position) => matchAt(words, position, phrases) > 0 && !covered(position));
  return index < 0 ? undefined : (words[index] as Word).start;
}

// A scope ends at a terminating word, at "and"/"," or a time conjunction ("since", "after") that starts a new clause
// ("no fever and i have a cough", "not since i had the stroke"), at a
// clause of its own without either (`clauses`), or after a fixed number of words since the last list separator, so
// a denied list runs on ("denies fever, chills, nausea, vomiting or diarrhoea").
function scopeEndAfter(words: readonly Word[], from: number, clauses: ReadonlySet<number>, listItems: ReadonlySet<number> = new Set()): number {
  let sinceSeparator = 0;
  for (let index = from; index < words.length; index += 1) {
    const text = (words[index] as Word).text;
    if (TERMINATORS.has(text) || clauses.has(index)) return index;
    if ((text === 'and' || text === ',' || SUBORDINATORS.has(text)) && SUBJECTS.has(words[index + 1]?.text ?? '')) return index;
    sinceSeparator = text === ',' || text === 'or' || text === 'and' || listItems.has(index) ? 0 : sinceSeparator + 1;
    if (sinceSeparator > NEGATION_WINDOW) return index;
  }
  return words.length;
}
