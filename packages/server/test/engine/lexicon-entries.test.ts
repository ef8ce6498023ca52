import { describe, expect, it } from 'vitest';
import { CONDITIONS } from '../../src/processing/extractors/lexicon/conditions.js';
import { INVESTIGATIONS } from '../../src/processing/extractors/lexicon/investigations.js';
import type { LexiconEntry } from '../../src/processing/extractors/lexicon/lexicon-entry.js';
import { MEDICINE_CLASSES } from '../../src/processing/extractors/lexicon/medicine-classes.js';
import { MEDICINES } from '../../src/processing/extractors/lexicon/medicines.js';

const LISTS: [string, readonly LexiconEntry[]][] = [
  ['medicines', MEDICINES],
  ['medicine classes', MEDICINE_CLASSES],
  ['conditions', CONDITIONS],
  ['investigations', INVESTIGATIONS],
];

// A phrase written twice in one entry, or an entry's name repeated among its synonyms, is an editing slip: harmless
// to the matcher, but it hides which phrases an entry really has. The symptoms are left out: their body-part wordings
// are generated (painIn, swollenPart) and overlap the phrases written beside them by design.
describe('lexicon entries', () => {
  it.each(LISTS)('no %s entry lists a phrase twice or its own name as a synonym', (_list, entries) => {
    const slips = entries.flatMap((entry) => {
      const phrases = entry.synonyms ?? [];
      const repeated = phrases.filter((phrase, index) => phrases.indexOf(phrase) !== index);
      const ownName = phrases.filter((phrase) => phrase === entry.name);
      return [...repeated, ...ownName].map((phrase) => `${entry.name}: ${phrase}`);
    });
    expect(slips).toEqual([]);
  });
});
