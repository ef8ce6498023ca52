import type { EkaEmrTemplate } from '@scribe/core/templates';
import { CONDITIONS, MEDICINES, SYMPTOMS, takesForGranted, type LexiconEntry, type PresupposedKind } from '@scribe/server';
import { dialogueTurns, shapeDialogue, type InputShape } from './dialogue-dataset';

/** A present finding recorded from a doctor's question the patient did not affirm, with the sentence that asked it. */
export interface QuestionFinding {
  field: 'symptoms' | 'diagnoses' | 'medications';
  name: string;
  /** The extractor's evidence for the finding. */
  evidence: string;
  /** The doctor's sentence of the original (punctuated, labelled) dialogue that asks about it. */
  sentence: string;
  /** The turn after the question, as written; null when the dialogue ends with the question. */
  answer: string | null;
}

// What may open an answer before its yes or no ("Um, yeah", "Oh yes", "Well, not really").
const FILLER = /^(?:(?:um+|uh+|oh|ah|eh|er|erm|hm+|mm|well|actually|so|okay|ok|and|honestly)(?:[\s,.!-]+|$))*/;
const DENIES = /^(?:no|nope|nah|never|none|nothing|not|neither|i (?:do|did|have|had|am|was|can|could)(?: not| never| no)|i (?:don't|didn't|haven't|hadn't|wasn't|can't|couldn't)|i'?ve (?:not|never|no)|i'?m not|i have no)\b/;
const AGREEING_NO = /^no[\s,.!]+(?:you'?re|you are|that'?s|that is) (?:right|correct)\b/;
// "I do.", "I've had it", "I have had some tightness", but not "I have had a cough" (which affirms something else).
const AFFIRMS = /^(?:yes|yeah|yep|yup|ya|uh huh|mm hmm|mhm|sure|correct|right|exactly|definitely|absolutely|of course|indeed|(?:i do|i have|i had|i did|i am|i was|i've|i'm)(?=[\s,.!]*$|[,.!]| (?:it|them|that|those|these|one|some|yes|too|also|sometimes|a little|a bit|(?:had|got|been having|noticed|felt) (?:it|them|that|those|some|a little|a bit))\b)|i think so|i guess so|sometimes|occasionally|a little|a bit|both|that'?s (?:right|correct|true)|that is (?:right|correct|true)|that sounds right|sounds right)\b/;
// How a question holds its term (see `readAsking`). A statement leading in to a question in another clause ("i see
// you have asthma, have you had any medicine for it?", "back to diabetes, how has that been?") states it.
const STATEMENT_CLAUSE = /^(?:(?:okay|ok|so|and|well|um|uh|now|alright|right|good|great|also) )*(?:(?:i|we|you|he|she|they|it|there)(?: [a-z]+)? (?:see|saw|have|had|did|was|were|are|is|am|got|ve|re|s|noticed|understand|know|said|told|mentioned|reported)|back to|as for|regarding|about)(?= )/;
const ASKING_CLAUSE = /^(?:(?:and|so|okay|ok|but|now|then|um|uh|well) )*(?:how|what|when|where|why|which|who|(?:have|has|had|do|does|did|are|is|was|were|can|could|would|will|should) (?:you|he|she|they|it|there|we|your|the|this|that))(?= )/;
// A statement offered for confirmation: closed by a tag ("you had asthma, correct?") or said as a statement ("you
// also have a history of diabetes?"), not the inverted "have you had".
const TAG = / (?:right|correct|is that (?:right|correct)|am i (?:right|correct)|isn t it|yes)$/;
const OFFERED = /^(?:(?:okay|ok|so|and|well|um|uh|now|alright|also) )*(?:you|your)(?: [a-z]+)? (?:also |still |already )?(?:have|had|were|are|was|is|ve|re|got|take|took|use|used)(?= )/;
// Taken for granted: by the cues the extractor records as taken for granted too (`takesForGranted`: "how long have you
// had", "where are you having", "which knee", "besides the Zoloft", "how much metformin", "is the lisinopril helping"),
// and, more leniently, after a preposition of purpose ("anything for the fever", "applying it to your rash"), after a
// question word of time, place or degree anywhere before it ("how bad is the cough", "when was the fever worst"), or
// after a determiner in a question about how the finding is rather than whether it is there ("how is your asthma",
// "has your acne improved", "are the bruises new"; but "or your heart is beating fast?" asks).
const GRANTED_AFTER = /(?:^| )(?:(?:for|since|back to|as for|regarding)(?: (?:your|this|that|the|these|those|his|her|their|my))?|(?:to|on) (?:your|this|that|the|these|those|his|her|their|my))(?: [a-z]+)?$/;
const GRANTED_BY_QUESTION = /(?:^| )(?:how long|since when|when did|when was|when does|how often|how bad|how severe|where is|where s|where does|where do)(?= )/;
// "did you notice the redness and swelling right away?" asks when, not whether.
const ASKS_WHEN = / (?:right away|straight away|immediately|at first)$/;
const DETERMINER_BEFORE = /(?:^| )(?:your|this|that|the|these|those|his|her|their|my)(?: [a-z]+)?$/;
const WH_BEFORE = /(?:^| )(?:how|what|when|where|which|why|tell me|describe)(?= )/;
const QUALIFIER = /(?:^| )(?:still|new|better|worse|improve|improved|improving|changed|progressing|progressed|since)(?= |$)/;
// A full stop after these abbreviations does not end the sentence ("Dr. Kumar", "e.g. ibuprofen").
const SENTENCE_END = /(?<!\b(?:dr|mr|mrs|ms|st|vs|e\.g|i\.e|etc|approx|no)\.)(?<=[.?!]["')\]]*)\s+/i;
const ENTRIES = new Map<string, LexiconEntry>([...MEDICINES, ...CONDITIONS, ...SYMPTOMS].map((entry) => [entry.name, entry]));

interface Sentence {
  /** As written in the original turn. */
  text: string;
  /** Offsets in the turn as shaped. */
  start: number;
  end: number;
  asks: boolean;
}

/**
 * The present symptoms, diagnoses and medicines the extractor recorded from a doctor's question. The finding's
 * evidence is found in the dialogue as shaped (one turn, or a question with the first sentence of its answer); the
 * term (the item's name, a lexicon synonym, or the medicine's words as matched) is then looked for in the sentences of
 * the original, punctuated turn that the evidence covers. A finding counts when the term is said only in a doctor's
 * question sentence (one ending in "?") that asks whether it is there and the next turn does not open with a yes, or
 * in a statement put for confirmation ("you had asthma, correct?") that the next turn answers no. A term said in a
 * statement, or that the question takes for granted ("how long have you had this cough?"), does not count. When the
 * term cannot be placed in any sentence of the evidence, the finding counts if one of them asks (strict rather than
 * generous).
 */
export function findQuestionFindings(dialogue: string, shape: InputShape, emr: EkaEmrTemplate): QuestionFinding[] {
  const turns = dialogueTurns(dialogue);
  const shaped = turns.map((turn) => shapeTurn(turn.text, shape));
  const sentences = turns.map((turn, index) => splitTurn(turn.text, shaped[index] as string, shape));
  const found: QuestionFinding[] = [];
  const items = [
    ...emr.symptoms.map((item) => ({ field: 'symptoms' as const, item, spoken: undefined })),
    ...emr.diagnoses.map((item) => ({ field: 'diagnoses' as const, item, spoken: undefined })),
    ...emr.medications.map((item) => ({ field: 'medications' as const, item, spoken: item.spoken_name })),
  ];
  for (const { field, item, spoken } of items) {
    const evidence = item.text.toLowerCase().replace(/[.!?]+$/, '').trim();
    if (!evidence) continue;
    const place = locate(evidence, shaped);
    if (!place) continue;
    const turn = turns[place.turn];
    if (!turn || turn.speaker !== 'doctor') continue;
    const covered = (sentences[place.turn] ?? []).filter(place.covers);
    const patterns = termPatterns(item.name, spoken);
    const holding = holdingTerm(covered, item.name, patterns);
    // Said in a statement of the evidence too: the statement says it, whatever the question asks.
    if (holding.some((sentence) => !sentence.asks)) continue;
    const asking = holding.length ? holding : covered.filter((sentence) => sentence.asks);
    const next = turns[place.turn + 1];
    const answer = next && next.speaker !== 'doctor' ? readAnswer(next.text) : 'none';
    // A term the question states or takes for granted is the doctor's: only a "no" to a statement offered for
    // confirmation says it is not the patient's. Where the term cannot be placed, the question asks (strict).
    const counted = asking.filter((sentence) => {
      const how = holding.length ? readAsking(sentence.text, patterns, field === 'medications' ? 'medicine' : 'finding') : 'asked';
      return how === 'asked' ? answer !== 'yes' : how === 'offered' && answer === 'no';
    });
    if (!counted.length) continue;
    found.push({ field, name: item.name, evidence: item.text, sentence: counted.map((sentence) => sentence.text).join(' '), answer: next ? next.text : null });
  }
  return found;
}

/** How an answer opens, after filler: with a yes, a no, or neither ("six days", "it has been better"). */
export function readAnswer(text: string): 'yes' | 'no' | 'neither' {
  const opening = text.toLowerCase().replace(/[’]/g, "'").trim().replace(FILLER, '');
  // "No, you are right": the no only declines the doubt the question offered ("or am I wrong?").
  if (AGREEING_NO.test(opening)) return 'yes';
  if (DENIES.test(opening)) return 'no';
  return AFFIRMS.test(opening) ? 'yes' : 'neither';
}

/**
 * How a question sentence holds a term: `stated` in a statement leading in to the question, `offered` in a statement
 * put for confirmation ("you had asthma, correct?"), `granted` by a question about it rather than about whether it is
 * there ("how long have you had this cough?", "anything for the fever?", for a medicine "is the lisinopril helping?"),
 * or `asked` ("any fever?", "do you get headaches?"). `kind` (default `finding`) says whether the term is a medicine.
 */
export function readAsking(sentence: string, patterns: readonly RegExp[], kind: PresupposedKind = 'finding'): 'stated' | 'offered' | 'granted' | 'asked' {
  const clauses = sentence.split(/\s*[,;:]\s+|\s+[-–—]+\s+/).map(loose);
  const at = clauses.findIndex((clause) => patterns.some((pattern) => pattern.test(clause)));
  if (at >= 0 && STATEMENT_CLAUSE.test(clauses[at] as string) && clauses.slice(at + 1).some((clause) => ASKING_CLAUSE.test(clause))) return 'stated';
  const words = loose(sentence);
  if (TAG.test(words) || OFFERED.test(words)) return 'offered';
  const term = patterns.map((pattern) => pattern.exec(words)).find((match) => match !== null);
  if (!term) return 'asked';
  const before = term.index;
  const lead = words.slice(0, before).trimEnd();
  if (takesForGranted(words, before, before + term[0].length, kind)) return 'granted';
  // A medicine after a determiner is granted only as `takesForGranted` says: "are you still taking the lisinopril?" and
  // "what about the lisinopril?" ask whether it is taken.
  const determined = kind === 'finding' && DETERMINER_BEFORE.test(lead) && (WH_BEFORE.test(lead) || QUALIFIER.test(words));
  if (GRANTED_AFTER.test(lead) || GRANTED_BY_QUESTION.test(lead) || ASKS_WHEN.test(words) || determined) return 'granted';
  return 'asked';
}

/** How many findings `findQuestionFindings` finds. */
export function countQuestionFindings(dialogue: string, shape: InputShape, emr: EkaEmrTemplate): number {
  return findQuestionFindings(dialogue, shape, emr).length;
}

// One turn as the extractor saw it in this shape, lower case.
function shapeTurn(text: string, shape: InputShape): string {
  return shapeDialogue(`doctor: ${text}`, shape).replace(/^doctor: /, '').toLowerCase();
}

// The original turn's sentences, each shaped the same way and placed in the shaped turn.
function splitTurn(text: string, shaped: string, shape: InputShape): Sentence[] {
  const sentences: Sentence[] = [];
  let cursor = 0;
  for (const part of text.split(SENTENCE_END).filter((piece) => piece.trim())) {
    const words = shapeTurn(part, shape);
    const start = words ? shaped.indexOf(words, cursor) : -1;
    if (start < 0) continue;
    sentences.push({ text: part.trim(), start, end: start + words.length, asks: /\?["')\]]*$/.test(part.trim()) });
    cursor = start + words.length;
  }
  return sentences;
}

/**
 * Which turn holds the evidence and which of its sentences the evidence covers. Evidence in one turn is a stretch
 * of it, or the asking sentences of a turn joined (a question nobody answered); evidence over two turns is a question
 * with the first sentence of its answer, and then the question's part is placed in the turn before the answer.
 */
function locate(evidence: string, shaped: readonly string[]): { turn: number; covers: (sentence: Sentence) => boolean } | undefined {
  const single = placeIn(evidence, shaped);
  if (single) return single;
  const spaces = [...evidence.matchAll(/ /g)].map((match) => match.index);
  for (let turn = 0; turn + 1 < shaped.length; turn += 1) {
    for (const at of spaces) {
      const [question, answer] = [evidence.slice(0, at).trim(), evidence.slice(at + 1).trim()];
      if (!answer || !(shaped[turn + 1] as string).startsWith(answer)) continue;
      const place = placeIn(question, [shaped[turn] as string]);
      if (place) return { ...place, turn };
    }
  }
  return undefined;
}

function placeIn(evidence: string, shaped: readonly string[]): { turn: number; covers: (sentence: Sentence) => boolean } | undefined {
  const contiguous = shaped.findIndex((line) => line.includes(evidence));
  if (contiguous >= 0) {
    const start = (shaped[contiguous] as string).indexOf(evidence);
    const end = start + evidence.length;
    return { turn: contiguous, covers: (sentence) => sentence.start < end && start < sentence.end };
  }
  // Asking sentences with statements between them: the sentences the evidence holds whole.
  const words = evidence.split(' ');
  const gapped = shaped.findIndex((line) => isSubsequence(words, line.split(' ')));
  if (gapped < 0) return undefined;
  const line = shaped[gapped] as string;
  return { turn: gapped, covers: (sentence) => evidence.includes(line.slice(sentence.start, sentence.end)) };
}

function isSubsequence(words: readonly string[], line: readonly string[]): boolean {
  let at = 0;
  for (const word of line) if (word === words[at]) at += 1;
  return at === words.length;
}

/** Patterns that find an item's term (its name, synonyms and, for a medicine, its spoken name) in loose text. */
// The term's phrases in the loose form (lower case, no punctuation), "the" standing for any determiner with a side,
// one word allowed between two of a phrase ("heart is beating very fast" for "heart beating fast"), or a word joined by
// "and"/"or" that shares the last one ("back and buttock pain" for "back pain"), and a plural.
export function termPatterns(name: string, spoken?: string): RegExp[] {
  const phrases = [name, ...(ENTRIES.get(name)?.synonyms ?? []), ...(spoken ? [spoken] : [])].map(loose).filter(Boolean);
  return [...new Set(phrases)].map((phrase) => {
    const words = phrase.split(' ').map((word) => (word === 'the' ? '[a-z]+(?: (?:left|right|lower|upper|both))?' : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    return new RegExp(`(?<=^| )${words.join('(?: [a-z]+| (?:and|or) [a-z]+)? ')}(?:s|es)?(?= |$)`);
  });
}

// The covered sentences that say the term; failing that, the ones that hold every word of its name or a synonym
// in any order ("type two diabetes" for "type 2 diabetes" does not, "pain in the chest" for "chest pain" does).
function holdingTerm(covered: readonly Sentence[], name: string, patterns: readonly RegExp[]): Sentence[] {
  const saying = covered.filter((sentence) => patterns.some((pattern) => pattern.test(loose(sentence.text))));
  if (saying.length) return saying;
  const phrases = [name, ...(ENTRIES.get(name)?.synonyms ?? [])].map((phrase) => loose(phrase).split(' ').filter((word) => word.length > 2 && word !== 'the'));
  return covered.filter((sentence) => {
    const words = new Set(loose(sentence.text).split(' '));
    return phrases.some((phrase) => phrase.length > 0 && phrase.every((word) => words.has(word) || words.has(`${word}s`)));
  });
}

function loose(text: string): string {
  return text.toLowerCase().replace(/[-'’]/g, ' ').replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}
