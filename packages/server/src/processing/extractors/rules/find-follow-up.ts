import type { EmrFollowUp } from '@scribe/core/templates';
import { findInterval } from './find-durations.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import type { SentenceContext } from './sentence-context.js';

const FOLLOW_UP = /(?<=^| )(?:come back|come again|come and see me|follow up|followup|review|see you|see me|return|revisit|next visit|next appointment|check up|checkup|visit again)(?= |$)/;

/**
 * Finds a follow-up instruction in one sentence: "come back in 2 weeks", "follow up after 1 month with the report",
 * "review in 3 days if the fever does not go away". The text runs from the instruction to the end of the sentence,
 * so a condition is kept; the interval is null when none was said.
 */
export function findFollowUp(sentence: ClinicalSentence, context: SentenceContext): EmrFollowUp | null {
  if (context.question) return null;
  const match = FOLLOW_UP.exec(sentence.normal);
  if (!match) return null;
  const text = sentence.normal.slice(match.index);
  return { interval: findInterval(text), text };
}
