import type { ClinicalDuration } from '@scribe/core/templates';

/** A duration found in a normal sentence. */
export interface FoundDuration {
  start: number;
  end: number;
  duration: ClinicalDuration;
}

type Unit = ClinicalDuration['unit'];

const UNIT = '(minute|hour|day|week|month|year)s?';
const AMOUNT = '(\\d+(?:\\.\\d+)?|a couple of|a couple|couple of|a|an|one)';
// "for about a day", "for the past week or so": approximations said between the preposition and the amount.
const ABOUT = '(?: (?:about|around|approximately|nearly|almost|roughly|maybe|like|over|just|only|at least))?';
// "for 3 days", "since 2 weeks", "for the last 2 weeks", "x 5 days"; "a"/"an" count as one only right before a unit,
// so "for a few days" is not a duration.
const SPAN = new RegExp(`(?<=^| )(?:for|since|from|x|over|past|last|in the last|in the past)(?: the)?(?: (?:last|past|previous|next|coming))?${ABOUT} ${AMOUNT} ${UNIT}(?= |$)`, 'g');
// An answer that is only an amount and a unit ("six days", "uh about a week or so").
const BARE = new RegExp(`^(?:(?:um|uh|oh|well|so|i think|i would say|probably|it has been|it is been|been|,) )*(?:about |around |maybe |like |almost |nearly |over |just |only |roughly )?${AMOUNT} ${UNIT}(?= |$)`);
const SPAN_WITHOUT_NUMBER = new RegExp(`(?<=^| )(?:for|since|over) the (?:last|past) ${UNIT}(?= |$)`, 'g');
const AGO = new RegExp(`(?<=^| )${AMOUNT} ${UNIT} ago(?= |$)`, 'g');
const SINCE_LAST = /(?<=^| )since (yesterday|last night|last (week|month|year))(?= |$)/g;
const INTERVAL = new RegExp(`(?<=^| )(?:in|after|within)(?: the next)?(?: about| around)? ${AMOUNT} ${UNIT}(?= |$)|(?<=^| )next (week|month|year)(?= |$)`);

// "since Monday", "since the weekend", "since this morning", "it started on Tuesday": a point in time, not a length.
// Not "from Monday" or "start on Monday": those are how a plan is said ("take it from Monday").
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december';
const POINT = `(?:last |this (?:past )?)?(?:${WEEKDAY})(?: (?:morning|afternoon|evening|night))?|the weekend|last weekend|this (?:morning|afternoon|evening)|(?:early |late |last )?(?:${MONTH})|christmas|new year|the new year|easter|diwali`;
const ONSET = new RegExp(`(?<=^| )(?:since|started|began|begun)(?: on| in| around| about| over)? (${POINT})(?= |$)`);
// An answer that is only a point in time ("monday", "uh on tuesday morning", "it was last weekend").
const BARE_ONSET = new RegExp(`^(?:(?:um|uh|oh|well|so|i think|it was|it started|probably|,) )*(?:on |in |around |about )?(${POINT})(?= |$)`);
// Words of a point in time written with a capital (the normal sentence is lower case); "year" only occurs in "new year".
const PROPER = new RegExp(`(?<=^| )(?:${WEEKDAY}|${MONTH}|christmas|easter|diwali|new|year)(?= |$)`, 'g');

/** Makes a duration with its readable text ("3 days", "1 week"). */
export function makeDuration(value: number, unit: Unit): ClinicalDuration {
  return { value, unit, text: `${value} ${unit}${value === 1 ? '' : 's'}` };
}

function amount(word: string): number {
  if (word.includes('couple')) return 2;
  return word === 'a' || word === 'an' || word === 'one' ? 1 : Number(word);
}

/** Reads an answer that is only a duration ("six days", "um about a week") in a normal sentence. */
export function findBareDuration(normal: string): ClinicalDuration | null {
  const match = BARE.exec(normal);
  return match ? makeDuration(amount(match[1] as string), match[2] as Unit) : null;
}

/** Finds how-long phrases ("for 3 days", "since yesterday", "2 weeks ago") in a normal sentence, in order. */
export function findDurations(normal: string): FoundDuration[] {
  const found: FoundDuration[] = [];
  const add = (match: RegExpMatchArray, duration: ClinicalDuration) =>
    found.push({ start: match.index as number, end: (match.index as number) + match[0].length, duration });
  for (const match of normal.matchAll(SPAN)) add(match, makeDuration(amount(match[1] as string), match[2] as Unit));
  for (const match of normal.matchAll(SPAN_WITHOUT_NUMBER)) add(match, makeDuration(1, match[1] as Unit));
  for (const match of normal.matchAll(AGO)) add(match, makeDuration(amount(match[1] as string), match[2] as Unit));
  for (const match of normal.matchAll(SINCE_LAST)) add(match, makeDuration(1, match[1] === 'yesterday' || match[1] === 'last night' ? 'day' : (match[2] as Unit)));
  return found.sort((a, b) => a.start - b.start);
}

/** Finds a when-next interval ("in 2 weeks", "after 1 month", "next week") in a normal fragment. */
export function findInterval(fragment: string): ClinicalDuration | null {
  const match = INTERVAL.exec(fragment);
  if (!match) return null;
  if (match[3]) return makeDuration(1, match[3] as Unit);
  return makeDuration(amount(match[1] as string), match[2] as Unit);
}

/**
 * Reads when something began as said ("since Monday" → `since Monday`, "it started on Tuesday morning" → `since
 * Tuesday morning`), for the times that are a point rather than a length; `since yesterday` and `since last week`
 * are durations (`findDurations`) instead.
 */
export function findOnset(normal: string): string | null {
  const match = ONSET.exec(normal);
  return match ? onsetText(match[1] as string) : null;
}

/** Reads an answer that is only a point in time ("uh on Monday" → `since Monday`), for a since-when question. */
export function findBareOnset(normal: string): string | null {
  const match = BARE_ONSET.exec(normal);
  return match ? onsetText(match[1] as string) : null;
}

function onsetText(point: string): string {
  return `since ${point.replace(PROPER, (word) => word.charAt(0).toUpperCase() + word.slice(1))}`;
}
