import type { ClinicalMatch } from './clinical-matcher.js';

// Words that end a denied list: a new clause ("and i have", "and this jaw pain"), a contrast ("just", "only"), a verb.
const LIST_ENDS = new Set(['i', 'we', 'he', 'she', 'they', 'it', 'you', 'my', 'your', 'his', 'her', 'their', 'this', 'these', 'there', 'just', 'only', 'but', 'however', 'although', 'though', 'except', 'still', 'now', 'yet', 'have', 'has', 'had', 'am', 'is', 'are', 'was', 'were', 'get', 'got', 'gets', 'feel', 'feels', 'felt', 'do', 'does', 'did', 'because', 'since', 'when', 'if', 'which', 'that', ';', '?']);
// Unknown words a list may hold between two terms ("hemoptysis melena hematochezia bright red blood per rectum").
const MAX_GAP_WORDS = 3;

/**
 * The symptoms and conditions of a sentence that continue a denied list past the negation's word window, as a
 * recogniser writes "he denies fever or shortness of breath cough vomiting diarrhea hemoptysis melena polyuria night
 * sweats" without the commas that would keep the scope open: a term is denied when the term before it is, and only
 * a few words without a subject, verb or contrast lie between them.
 */
export function findDeniedList(normal: string, matches: readonly ClinicalMatch[], negated: (start: number) => boolean): Set<ClinicalMatch> {
  const denied = new Set<ClinicalMatch>();
  const findings = matches.filter((match) => match.kind === 'symptom' || match.kind === 'condition').sort((a, b) => a.start - b.start);
  for (const [index, match] of findings.entries()) {
    const previous = findings[index - 1];
    if (!previous || negated(match.start) || !(negated(previous.start) || denied.has(previous))) continue;
    const gap = normal.slice(previous.end, match.start).split(' ').filter((word) => word && word !== ',' && word !== 'or' && word !== 'and');
    if (gap.length <= MAX_GAP_WORDS && !gap.some((word) => LIST_ENDS.has(word))) denied.add(match);
  }
  return denied;
}

// A verb straight after a term makes the term its subject ("chills started yesterday", "the cough is worse").
const PREDICATE_AFTER = /^ (?:started|starts|start|began|begins|begin|came|comes|come|went|goes|got|gets|is|are|was|were|has|have|had|seems|seemed|appeared|appears|developed|develops|happened|happens|occurred|occurs|kicked|stopped|persisted|persists|continued|continues|lasted|lasts|hurts|hurt|woke|wakes|keeps|kept)(?= |$)/;

/**
 * The symptoms and conditions that follow a denied term without a comma, "or" or "and" and open a clause of their own
 * with a verb: "no fever chills started yesterday" is "no fever. chills started yesterday.", as a recogniser writes
 * two sentences in one breath, so the negation before stops short of the chills.
 */
export function findClauseSubjects(normal: string, matches: readonly ClinicalMatch[], negated: (start: number) => boolean): Set<ClinicalMatch> {
  const subjects = new Set<ClinicalMatch>();
  const findings = matches.filter((match) => match.kind === 'symptom' || match.kind === 'condition').sort((a, b) => a.start - b.start);
  for (const [index, match] of findings.entries()) {
    const previous = findings[index - 1];
    if (!previous || !negated(previous.start) || subjects.has(previous)) continue;
    const gap = normal.slice(previous.end, match.start).trim();
    if (gap === '' && PREDICATE_AFTER.test(normal.slice(match.end))) subjects.add(match);
  }
  return subjects;
}
