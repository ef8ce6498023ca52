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
  const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  if (first === 'the') return DETERMINER_WORDS;
  return words.length === 1 ? [first, `${first}s`, `${first}es`] : [first];
}

function phraseSource(phrase: string): string {
  const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  return words
    .map((word, index) => {
      if (word === 'the') return DETERMINERS;
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return index === words.length - 1 && /[a-z]$/.test(word) ? `${escaped}(?:s|es)?` : escaped;
    })
    .join(' ');
}
