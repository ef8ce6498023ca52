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

const DETERMINER_WORDS = ['the', 'my', 'his', 'her', 'your', 'their', 'our', 'this', 'that'];
// Hedges, intensifiers and auxiliaries people put inside a phrase ("I can't *really* hear as well", "my heart *has
// been* beating *kinda* fast"): one allowed in each gap between two words of a term, never before its first or after
// its last word.
const INSERTABLE = "(?: (?:really|kinda|kind of|sort of|sorta|a bit|a little|very|so|pretty|quite|real|is|was|has been|had been|'s been|'s|been|keeps|kept))?";
// "pain in my left shoulder", "pain in this knee": a determiner, then perhaps a side.
const DETERMINERS = `(?:${DETERMINER_WORDS.join('|')})(?: (?:left|right|lower|upper|both))?`;

/**
 * Compiles lexicons into one matcher. Each term may be heard with a determiner in place of "the", perhaps with a
 * side ("pain in my left chest") and with its last word in the plural. Overlapping finds keep the longer one, so "viral fever" is a
 * condition rather than the symptom "fever", and "chest x ray" an investigation rather than "x ray".
 */
export function createPhraseMatcher<Kind extends string>(lexicons: Readonly<Record<Kind, readonly LexiconEntry[]>>): PhraseMatcher<Kind> {
  const patterns: { kind: Kind; entry: LexiconEntry; pattern: RegExp; firstWords: readonly string[] }[] = [];
  for (const kind of Object.keys(lexicons) as Kind[]) {
    for (const entry of lexicons[kind]) {
      const spoken = [entry.name, ...(entry.synonyms ?? [])];
      const phrases = spoken.map((phrase) => phraseSource(phrase));
      const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length);
      patterns.push({ kind, entry, pattern: new RegExp(`(?<=^| )(?:${unique.join('|')})(?= |$)`, 'g'), firstWords: spoken.flatMap(firstWordsOf) });
    }
  }
  return (normal) => {
    // Only entries whose phrases can start with a word of the sentence are tried: ~300 regular expressions per
    // sentence would otherwise dominate the extractor's time.
    const words = new Set(normal.split(' '));
    const found: PhraseMatch<Kind>[] = [];
    for (const { kind, entry, pattern, firstWords } of patterns) {
      if (!firstWords.some((word) => words.has(word))) continue;
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

// The words a phrase can start with in a normal sentence: its first word, any determiner for "the", and the plural
// of a one-word phrase.
function firstWordsOf(phrase: string): string[] {
  const words = termWords(phrase);
  const first = words[0] ?? '';
  if (first === 'the') return DETERMINER_WORDS;
  return words.length === 1 ? [first, `${first}s`, `${first}es`] : [first];
}

function phraseSource(phrase: string): string {
  const words = termWords(phrase);
  const sources = words.map((word, index) => {
    if (word === 'the') return DETERMINERS;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return index === words.length - 1 && /[a-z]$/.test(word) ? `${escaped}(?:s|es)?` : escaped;
  });
  // A hedge may sit between two content words, not next to a determiner or a possessive.
  const fixed = (word: string | undefined) => word === 'the' || word === "'s";
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
