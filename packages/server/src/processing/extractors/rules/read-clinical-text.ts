import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { findQuestionBreaks, findTagBreaks } from './find-question.js';
import { mergeSpokenNumbers } from './merge-spoken-numbers.js';
import { RELATIVE_SPEAKING } from './relative-speaking.js';
import { splitSpeakerTurns } from './split-speaker-turns.js';

/** One sentence, as said and in the normal form the finders read. */
export interface ClinicalSentence {
  /** Index of the turn it belongs to. */
  turn: number;
  /** As labelled; for an unlabelled turn whose speaker says they are the patient's relative, `guest_family`. */
  speaker: string | null;
  /** The sentence as it appears in the transcript. */
  raw: string;
  /**
   * Lower-case words and kept marks (`,` `;` `?` `%` `°`) joined by single spaces, with spoken numbers as digits,
   * contractions expanded ("don't" → "do not"), letter-by-letter abbreviations joined ("e c g" → "ecg") and hyphens
   * between letters opened ("x-ray" → "x ray").
   */
  normal: string;
}

/** One turn: a line of the transcript (an utterance as the recogniser cut it, or a labelled line; see split-speaker-turns.ts). */
export interface ClinicalTurn {
  speaker: string | null;
  text: string;
  sentences: string[];
}

/** A transcript read into turns and sentences. */
export interface ClinicalText {
  turns: ClinicalTurn[];
  sentences: ClinicalSentence[];
}

/** Reads transcripts; holds the wink-nlp pipeline, which takes a moment to build, for the reader's lifetime. */
export type ClinicalTextReader = (transcript: string) => ClinicalText;

const KEPT_MARKS = new Set([',', ';', '?', '%', '°']);
const SINGLE_LETTER = /^[a-z]$/;

/** Creates a transcript reader over wink-nlp's English model (tokens, sentence breaks, contraction expansion). */
export function createClinicalTextReader(): ClinicalTextReader {
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (transcript) => {
    const turns: ClinicalTurn[] = [];
    const sentences: ClinicalSentence[] = [];
    for (const { speaker, text } of splitSpeakerTurns(transcript)) {
      const turn = turns.length;
      const raws: string[] = [];
      const found = nlp.readDoc(text).sentences();
      for (let index = 0; index < found.length(); index += 1) {
        const sentence = found.itemAt(index);
        const raw = sentence.out();
        const words = sentence.tokens().out(its.normal) as string[];
        const types = sentence.tokens().out(its.type) as string[];
        for (const part of splitAtTags(raw, normalizeWords(words, types).join(' ')).flatMap((tagged) => splitAtQuestions(tagged.raw, tagged.normal))) {
          raws.push(part.raw);
          if (part.normal) sentences.push({ turn, speaker, raw: part.raw, normal: part.normal });
        }
      }
      const own = sentences.filter((sentence) => sentence.turn === turn);
      if (speaker === null && own.some((sentence) => RELATIVE_SPEAKING.test(sentence.normal))) for (const sentence of own) sentence.speaker = 'guest_family';
      turns.push({ speaker, text, sentences: raws });
    }
    return { turns, sentences };
  };
}

/**
 * Splits a run-on sentence after each tag that closes a statement inside it (see `findTagBreaks`): without
 * punctuation "i see you took advair correct do you still take it" is a confirmation and a question, as typed.
 */
export function splitAtTags(raw: string, normal: string): { raw: string; normal: string }[] {
  const breaks = findTagBreaks(normal);
  if (breaks.length === 0) return [{ raw, normal }];
  const tagsInRaw = [...raw.matchAll(/\b(?:right|correct)\b/gi)].map((match) => match.index + match[0].length);
  const parts: { raw: string; normal: string }[] = [];
  let [rawFrom, normalFrom] = [0, 0];
  for (const at of breaks) {
    // The same occurrence of the tag word in the sentence as said: the normal form only changes its spelling.
    const occurrence = (normal.slice(0, at).match(/(?<=^| )(?:right|correct)(?= |$)/g) ?? []).length - 1;
    const rawAt = tagsInRaw[occurrence];
    if (rawAt === undefined) continue;
    parts.push({ raw: raw.slice(rawFrom, rawAt).trim(), normal: normal.slice(normalFrom, at).trim() });
    [rawFrom, normalFrom] = [rawAt, at];
  }
  parts.push({ raw: raw.slice(rawFrom).trim(), normal: normal.slice(normalFrom).trim() });
  return parts;
}

/**
 * Splits an unpunctuated run-on sentence where a question starts after a statement (see `findQuestionBreaks`):
 * "that sounds exciting back to your allergies now do you take any medication" is a statement and a question, as
 * typed, so what the statement says is not read as asked and what the question asks is judged on its own words.
 */
export function splitAtQuestions(raw: string, normal: string): { raw: string; normal: string }[] {
  if (/[,?]/.test(normal)) return [{ raw, normal }];
  const parts: { raw: string; normal: string }[] = [];
  let [rawFrom, normalFrom] = [0, 0];
  for (const at of findQuestionBreaks(normal)) {
    // The break's word in the sentence as said: the same occurrence of the same word, when the normal form kept the
    // count of that word (it changes spellings, contractions and numbers, not which words are where).
    const word = normal.slice(at).split(' ')[0] as string;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}'])${word}(?![\\p{L}\\p{N}'])`, 'giu');
    const inRaw = [...raw.matchAll(pattern)].map((match) => match.index);
    const inNormal = [...normal.matchAll(new RegExp(`(?<=^| )${word}(?= |$)`, 'g'))].map((match) => match.index);
    const rawAt = inRaw.length === inNormal.length ? inRaw[inNormal.indexOf(at)] : undefined;
    if (rawAt === undefined || rawAt <= rawFrom) continue;
    parts.push({ raw: raw.slice(rawFrom, rawAt).trim(), normal: normal.slice(normalFrom, at).trim() });
    [rawFrom, normalFrom] = [rawAt, at];
  }
  parts.push({ raw: raw.slice(rawFrom).trim(), normal: normal.slice(normalFrom).trim() });
  return parts;
}

/** Normalises one sentence's wink tokens (see `ClinicalSentence.normal`). */
export function normalizeWords(words: readonly string[], types: readonly string[]): string[] {
  const kept: string[] = [];
  words.forEach((word, index) => {
    const type = types[index];
    if (type === 'punctuation' || type === 'symbol') {
      if (KEPT_MARKS.has(word)) kept.push(word);
      return;
    }
    // wink expands "i've", "you're", "he's" but leaves "i'm" whole, so a clause "i'm going to" would not read as one.
    if (word === "i'm") return void kept.push('i', 'am');
    // wink splits a possessive off before a word ("parkinson 's disease") but not before a full stop, a comma or
    // "and" ("i have parkinson's."), so a term said with its "'s" ("parkinson's") would match only mid-sentence.
    if (/^[a-z0-9]+'s$/.test(word)) return void kept.push(word.slice(0, -2), "'s");
    if (/^([a-z]\.){2,}$/.test(word)) return void kept.push(word.replace(/\./g, ''));
    if (/^[a-z]+(-[a-z]+)+$/.test(word)) return void kept.push(...word.split('-'));
    const bare = word.replace(/\.$/, '');
    if (bare) kept.push(bare);
  });
  return mergeSpokenNumbers(joinSpelledLetters(kept));
}

// "e c g" → "ecg", "m r i" → "mri". "a" and "i" are words far more often than letters, so they may not start a run
// and may only end one already two letters long ("c t" but not "i a").
function joinSpelledLetters(words: readonly string[]): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] as string;
    if (!SINGLE_LETTER.test(word) || word === 'a' || word === 'i') {
      out.push(word);
      index += 1;
      continue;
    }
    let end = index;
    while (end < words.length && SINGLE_LETTER.test(words[end] as string)) {
      const letter = words[end] as string;
      if ((letter === 'a' || letter === 'i') && end - index < 2) break;
      end += 1;
    }
    if (end - index >= 2) out.push(words.slice(index, end).join(''));
    else out.push(...words.slice(index, end));
    index = Math.max(end, index + 1);
  }
  return out;
}
