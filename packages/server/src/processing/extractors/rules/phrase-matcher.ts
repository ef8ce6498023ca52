import type { LexiconEntry } from '../lexicon/lexicon-entry.js';

/** Where a lexicon term was found in a normal sentence (character offsets). */
export interface PhraseMatch<Kind extends string> {
  kind: Kind;
  entry: LexiconEntry;
  start: number;
  end: number;
  /** The words matched. */
  text: string;
}

/** Finds terms of several lexicons in a normal sentence, longest first, without overlaps. */
export type PhraseMatcher<Kind extends string> = (normal: string) => PhraseMatch<Kind>[];

// "which knee hurts?" asks after the knee that hurts: "which" stands where "the" is.
const DETERMINER_WORDS = ['the', 'which', 'my', 'his', 'her', 'your', 'their', 'our', 'this', 'that', 'these', 'those', 'both'];
// Hedges, intensifiers, auxiliaries and adverbs people put inside a phrase ("I can't *really* hear as well", "my heart
// *has been* beating *kinda* fast", "my left ankle *also* hurts"): one allowed in each gap between two words of a
// term, never before its first or after its last word.
const INSERTABLE = "(?: (?:really|kinda|kind of|sort of|sorta|a bit|a little|very|so|pretty|quite|real|is|was|has been|had been|'s been|'s|been|keeps|kept|also|still|always|sometimes|just))?";
// "pain in my left shoulder", "pain in this knee": a determiner, then perhaps a side.
const DETERMINERS = `(?:${DETERMINER_WORDS.join('|')})(?: (?:left|right|lower|upper|both))?`;

/**
 * Compiles lexicons into one matcher. Each term may be heard with a determiner in place of "the", perhaps with a
 * side ("pain in my left chest") and with its last word in the plural. Overlapping finds keep the longer one, so "viral fever" is a
 * condition rather than the symptom "fever", and "chest x ray" an investigation rather than "x ray".
 */
export function createPhraseMatcher<Kind extends string>(lexicons: Readonly<Record<Kind, readonly LexiconEntry[]>>): PhraseMatcher<Kind> {
  const patterns: { kind: Kind; entry: LexiconEntry; pattern: RegExp }[] = [];
  // Which phrases a word of the sentence can hold: ~700 entries with ~5,000 phrases are too many to try or even to
  // pre-check one by one on every sentence. An entry's phrases are compiled in groups by the word that indexes them,
  // so a sentence with "pain" tries each part's "pain in the ..." and not its thirty other ways of saying the pain.
  const byWord = new Map<string, number[]>();
  for (const kind of Object.keys(lexicons) as Kind[]) {
    for (const entry of lexicons[kind]) {
      const groups = new Map<string, { words: string[]; sources: Set<string> }>();
      for (const phrase of [entry.name, ...(entry.synonyms ?? [])]) {
        const words = firstWordsOf(phrase);
        const group = groups.get(words.join(' ')) ?? { words, sources: new Set<string>() };
        group.sources.add(phraseSource(phrase));
        groups.set(words.join(' '), group);
      }
      for (const { words, sources } of groups.values()) {
        const unique = [...sources].sort((a, b) => b.length - a.length);
        const index = patterns.push({ kind, entry, pattern: new RegExp(`(?<=^| )(?:${unique.join('|')})(?= |$)`, 'g') }) - 1;
        for (const word of words) byWord.set(word, [...(byWord.get(word) ?? []), index]);
      }
    }
  }
  return (normal) => {
    const candidates = new Set<number>();
    for (const word of new Set(normal.split(' '))) for (const index of byWord.get(word) ?? []) candidates.add(index);
    const found: PhraseMatch<Kind>[] = [];
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const { kind, entry, pattern } = patterns[index] as (typeof patterns)[number];
      for (const match of normal.matchAll(pattern)) {
        found.push({ kind, entry, start: match.index, end: match.index + match[0].length, text: match[0] });
      }
    }
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: PhraseMatch<Kind>[] = [];
    for (const match of found) {
      if (!kept.some((other) => match.start < other.end && other.start < match.end)) kept.push(match);
    }
    return kept.sort((a, b) => a.start - b.start);
  };
}

// Words too common to index a phrase by: "the" stands for any determiner, and a phrase led by "have", "not" or "feel"
// ("have the runs", "not able to sleep", "feel faint") would be tried on most sentences.
const UNINDEXED = new Set(['the', 'a', 'an', 'i', 'is', 'was', 'are', 'have', 'has', 'had', 'having', 'got', 'going', 'feel', 'feeling', 'felt', 'not', 'no', 'bad', 'always', 'very', 'in', 'of', 'to', 'and']);

// A word a sentence must hold for the phrase to be in it: its first word that is not too common (every word but a
// determiner is literal in the phrase), with the plurals when it is the last word.
function firstWordsOf(phrase: string): string[] {
  const words = termWords(phrase);
  const rare = words.findIndex((word) => !UNINDEXED.has(word));
  const index = rare >= 0 ? rare : Math.max(0, words.findIndex((word) => word !== 'the'));
  const word = words[index] ?? '';
  return index === words.length - 1 ? [word, `${word}s`, `${word}es`] : [word];
}

function phraseSource(phrase: string): string {
  const words = termWords(phrase);
  const sources = words.map((word, index) => {
    if (word === 'the') return DETERMINERS;
    // A lexicon's "parkinson s" (a recogniser's spelling) is also said "parkinson's", which the sentence holds as "parkinson 's".
    if (word === 's' && index > 0) return "'?s";
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return index === words.length - 1 && /[a-z]$/.test(word) ? `${escaped}(?:s|es)?` : escaped;
  });
  // A hedge may sit between two content words, not next to a determiner or a possessive.
  const fixed = (word: string | undefined) => word === 'the' || word === "'s" || word === 's';
  return sources.map((source, index) => (index > 0 && !fixed(words[index - 1]) && !fixed(words[index]) ? `${INSERTABLE} ${source}` : index > 0 ? ` ${source}` : source)).join('');
}

/**
 * A lexicon term's words as they appear in a normal sentence, which wink has tokenised: contractions opened ("can't",
 * "cannot" → "can not"), a possessive split off ("bell's" → "bell 's"), hyphens as spaces.
 */
export function termWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/-/g, ' ')
    .replace(/\b(can't|cannot)\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter(Boolean);
}
