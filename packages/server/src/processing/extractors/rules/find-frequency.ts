import type { EmrFrequency } from '@scribe/core/templates';

// A frequency before the as-needed flag is known.
interface FrequencyCore {
  text: string;
  times_per_day: number | null;
  pattern: string | null;
}

interface FrequencyRule {
  pattern: RegExp;
  read(match: RegExpExecArray): FrequencyCore;
}

const b = (source: string) => new RegExp(`(?<=^| )(?:${source})(?= |$)`);
const fixed = (text: string, timesPerDay: number | null, pattern: string | null = null) => () => ({ text, times_per_day: timesPerDay, pattern });

// Spoken forms and prescription abbreviations (OD, BD/BID, TDS/TID, QID/QDS, HS, SOS/PRN) with their meaning.
const RULES: readonly FrequencyRule[] = [
  { pattern: b('([01])-([01])-([01])(?:-([01]))?|([01]) (?:dash )?([01]) (?:dash )?([01])'), read: readPattern },
  { pattern: b('every (\\d+) hours?|(\\d+) hourly|q ?(\\d+) ?h'), read: (match) => everyHours(Number(match[1] ?? match[2] ?? match[3])) },
  { pattern: b('(?:4|four) times (?:a|per|in a|every) day|(?:4|four) times daily|qid|qds|q i d'), read: fixed('four times daily', 4) },
  { pattern: b('(?:thrice|(?:3|three) times) (?:a|per|in a|every) day|thrice daily|(?:3|three) times daily|tds|tid|t d s|t i d'), read: fixed('three times daily', 3) },
  { pattern: b('twice (?:a|per|in a|every) day|twice daily|(?:2|two) times (?:a|per|in a|every) day|(?:2|two) times daily|bd|bid|b d|b i d'), read: fixed('twice daily', 2) },
  { pattern: b('once (?:a|per|in a|every) week|once weekly|weekly|every week'), read: fixed('once weekly', null) },
  { pattern: b('once (?:a|per|in a|every) day|once daily|(?:1|one) time (?:a|per) day|daily|every day|od|o d|qd'), read: fixed('once daily', 1) },
  { pattern: b('(?:at|every) night|at bedtime|before (?:bed|sleep|sleeping)|nightly|hs'), read: fixed('at night', 1, '0-0-1') },
  { pattern: b('(?:in the|every) morning'), read: fixed('in the morning', 1, '1-0-0') },
];
const AS_NEEDED = b('(?:when|as|if) (?:needed|required|necessary)|sos|prn|when there is pain|if there is pain');

/**
 * Reads how often a medicine is taken from a normal fragment: "twice a day", "BD", "1-0-1", "every 6 hours", "at
 * night", "when needed". The earliest wording in the fragment wins; "when needed" may come with one ("every 6 hours
 * when needed"). Null when the fragment says nothing about frequency.
 */
export function findFrequency(fragment: string): EmrFrequency | null {
  let best: { index: number; value: FrequencyCore } | undefined;
  for (const rule of RULES) {
    const match = rule.pattern.exec(fragment);
    if (match && (best === undefined || match.index < best.index)) best = { index: match.index, value: rule.read(match) };
  }
  const asNeeded = AS_NEEDED.test(fragment);
  if (best) return { ...best.value, as_needed: asNeeded };
  return asNeeded ? { text: 'as needed', times_per_day: null, pattern: null, as_needed: true } : null;
}

function readPattern(match: RegExpExecArray): FrequencyCore {
  const slots = (match[1] !== undefined ? [match[1], match[2], match[3], match[4]] : [match[5], match[6], match[7]]).filter((slot) => slot !== undefined);
  const pattern = slots.join('-');
  const times = slots.reduce((sum, slot) => sum + Number(slot), 0);
  return { text: pattern, times_per_day: times, pattern };
}

function everyHours(hours: number): FrequencyCore {
  const perDay = hours > 0 && 24 % hours === 0 ? 24 / hours : null;
  return { text: `every ${hours} hour${hours === 1 ? '' : 's'}`, times_per_day: perDay, pattern: null };
}
