import type { TranscriptTemplate } from '@scribe/core/templates';
import type { ClinicalText } from './read-clinical-text.js';

/**
 * Writes `transcript_template`: the transcript as recognised plus its turns, each split into sentences that are
 * capitalised and closed with a full stop when the recogniser gave no punctuation. No word is added or changed.
 */
export function structureTranscript(transcript: string, text: ClinicalText): TranscriptTemplate {
  const speakers = [...new Set(text.turns.map((turn) => turn.speaker).filter((speaker): speaker is string => speaker !== null))];
  return {
    transcript,
    turns: text.turns.map((turn) => ({ speaker: turn.speaker, text: turn.text, sentences: turn.sentences.map(tidySentence).filter(Boolean) })),
    speakers,
    word_count: transcript.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word) && !/^\w+:$/.test(word)).length,
  };
}

function tidySentence(sentence: string): string {
  const trimmed = sentence.trim();
  if (!trimmed) return '';
  const capitalised = (trimmed.charAt(0).toUpperCase() + trimmed.slice(1)).replace(/(^|\s)i(?=\s|'|$)/g, '$1I');
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
