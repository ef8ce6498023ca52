import type { ClinicalMatch } from './clinical-matcher.js';
import { CONTEXT_TRIGGERS } from './context-triggers.js';

const RESOLVED = new RegExp(`(?<=^| )(?:${[...CONTEXT_TRIGGERS.resolved].sort((a, b) => b.length - a.length).join('|')})(?= |$)`, 'g');
// "it has not gone away", "never went away", "had not cleared up": the finding is still there.
const DENIED_BEFORE = /(?:^| )(?:not|never|nothing|hardly|barely)(?: [a-z]+)?\s*$/;
// "it went away but came back", "it cleared up and then started again": it is there again.
const RETURNED = /(?<=^| )(?:came back|comes back|come back|coming back|returned|started again|back again|recurred)(?= |$)/;
// Between two terms of one list ("the fever and the cough went away"): only joining words.
const LIST_GLUE = /^(?:\s|,|and|or|the|my|his|her|both|also|as well|too)*$/;

/**
 * The terms of a sentence said to have ended: those just before a resolution phrase ("the swelling went away", "i
 * had a fever last week but it is gone now"), with any terms listed with them ("the fever and the cough have
 * cleared up"). A term further back, past another finding, is not covered ("i have a cough, the fever went away").
 */
export function findResolved(normal: string, matches: readonly ClinicalMatch[]): Set<ClinicalMatch> {
  const resolved = new Set<ClinicalMatch>();
  for (const phrase of normal.matchAll(RESOLVED)) {
    if (DENIED_BEFORE.test(normal.slice(0, phrase.index)) || RETURNED.test(normal.slice(phrase.index))) continue;
    const before = matches.filter((match) => match.end <= phrase.index).sort((a, b) => a.start - b.start);
    let last = before.pop();
    while (last) {
      resolved.add(last);
      const earlier = before.pop();
      last = earlier && LIST_GLUE.test(normal.slice(earlier.end, last.start)) ? earlier : undefined;
    }
  }
  return resolved;
}
