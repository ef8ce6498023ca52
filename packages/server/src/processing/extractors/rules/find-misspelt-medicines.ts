import model from 'wink-eng-lite-web-model';
import type { LexiconEntry } from '../lexicon/lexicon-entry.js';
import type { PhraseMatch } from './phrase-matcher.js';
import { termWords } from './phrase-matcher.js';

/** Adds to a sentence's exact lexicon matches the medicines it names misspelt; returns all, in sentence order. */
export type MisspeltMedicineFinder<Kind extends string> = (normal: string, exact: readonly PhraseMatch<Kind>[]) => PhraseMatch<Kind>[];

/** Shortest word, heard and listed, read as a misspelt medicine: a short word is one letter away from too many others. */
export const MIN_MISSPELT_LENGTH = 6;

/**
 * Finds medicine names typed one letter off ("Detroal" for Detrol, "omeprazol", "metforimn"): one letter added,
 * dropped or changed, or two neighbours swapped. What keeps ordinary words out: both the word and the name have at
 * least `MIN_MISSPELT_LENGTH` letters and the same first letter; the word is not an English word nor an inflection of
 * one (wink's English lexicon, ~85,000 words, which also holds the common drug names, so "ability" is never Abilify,
 * "lyrics" never Lyrica, "inhaled" never an inhaler); it is no word of any lexicon term (`otherTerms`: conditions, symptoms, tests) and not matched exactly; and
 * exactly one medicine lies one letter away (two candidates are a guess, so neither). A recogniser writes only
 * dictionary words, so this reads typed transcripts.
 */
export function createMisspeltMedicineFinder<Kind extends string>(kind: Kind, medicines: readonly LexiconEntry[], otherTerms: readonly (readonly LexiconEntry[])[]): MisspeltMedicineFinder<Kind> {
  const lexiconWords = new Set<string>();
  for (const entry of [...medicines, ...otherTerms.flat()]) {
    for (const phrase of [entry.name, ...(entry.synonyms ?? [])]) for (const word of termWords(phrase)) lexiconWords.add(word);
  }
  // Single-word names and synonyms of medicines, by first letter and length. Classes ("inhaler", "steroid") are
  // ordinary words, so only named medicines are read misspelt.
  const targets = new Map<string, { word: string; entry: LexiconEntry }[]>();
  for (const entry of medicines) {
    if (entry.group === true) continue;
    for (const phrase of [entry.name, ...(entry.synonyms ?? [])]) {
      const words = termWords(phrase);
      const word = words[0] ?? '';
      if (words.length !== 1 || !/^[a-z]+$/.test(word) || word.length < MIN_MISSPELT_LENGTH) continue;
      const key = `${word[0] as string}${word.length}`;
      targets.set(key, [...(targets.get(key) ?? []), { word, entry }]);
    }
  }
  const candidatesOf = (word: string) => {
    const entries: LexiconEntry[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length += 1) {
      for (const target of targets.get(`${word[0] as string}${length}`) ?? []) {
        if (!entries.includes(target.entry) && oneEditApart(word, target.word)) entries.push(target.entry);
      }
    }
    return entries;
  };
  const english = englishWords();
  return (normal, exact) => {
    const found = [...exact];
    let offset = 0;
    for (const word of normal.split(' ')) {
      const [start, end] = [offset, offset + word.length];
      offset = end + 1;
      if (word.length < MIN_MISSPELT_LENGTH || !/^[a-z]+$/.test(word) || lexiconWords.has(word)) continue;
      if (exact.some((match) => start < match.end && match.start < end)) continue;
      const candidates = candidatesOf(word);
      if (candidates.length === 1 && !isEnglish(word, english)) found.push({ kind, entry: candidates[0] as LexiconEntry, start, end, text: word });
    }
    return found.length === exact.length ? found : found.sort((a, b) => a.start - b.start);
  };
}

const ENDINGS = ['s', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'est', 'ly'];

/** True when a word or the word it inflects is in `english` ("inhaled", "inhaling", "tablets", "happier"). */
export function isEnglish(word: string, english: ReadonlySet<string>): boolean {
  if (english.has(word)) return true;
  return ENDINGS.some((ending) => {
    if (!word.endsWith(ending)) return false;
    const stem = word.slice(0, -ending.length);
    const undoubled = stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : stem;
    const y = stem.endsWith('i') ? `${stem.slice(0, -1)}y` : stem;
    return [stem, `${stem}e`, undoubled, y].some((form) => form.length > 2 && english.has(form));
  });
}

/**
 * True when two different words are one edit apart: a letter added, dropped or changed, or two neighbouring letters
 * swapped (the optimal string alignment distance is 1).
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start += 1;
  let [endA, endB] = [a.length, b.length];
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  const [restA, restB] = [a.slice(start, endA), b.slice(start, endB)];
  if (restA.length + restB.length <= 2 && restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}

// The words of wink's English lexicon (the model's own list; wink-eng-lite-web-model, MIT), ~85,000.
function englishWords(): Set<string> {
  const core = (model.core as unknown as () => { features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } } })();
  const { hash, intrinsicSize } = core.features.lexeme;
  return new Set(Object.keys(hash).filter((word) => (hash[word] as number) < intrinsicSize && /^[a-z]+$/.test(word)));
}
