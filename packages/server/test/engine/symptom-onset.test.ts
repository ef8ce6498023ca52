import { describe, expect, it } from 'vitest';
import { findBareOnset, findOnset } from '../../src/processing/extractors/rules/find-durations.js';
import { writeSoapNote } from '../../src/processing/extractors/rules/write-soap-note.js';
import { emrOf, shapes } from './extractor-test-support.js';

// Issue 13: "yes, since Monday" is present with its onset. A weekday is a point in time, not a length: which date it
// names depends on when and where the consultation happened, so it is kept as said.
describe('when a symptom began, as said', () => {
  it.each([
    ['i have had a cough since monday', 'since Monday'],
    ['it started on tuesday morning', 'since Tuesday morning'],
    ['the rash began over the weekend', 'since the weekend'],
    ['the rash began on the weekend', 'since the weekend'],
    ['ever since the weekend it has hurt', 'since the weekend'],
    ['since last friday', 'since last Friday'],
    ['since this morning', 'since this morning'],
    ['it has been there since christmas', 'since Christmas'],
    ['since early january', 'since early January'],
    ['since the new year', 'since the New Year'],
    // A plan, not an onset; and lengths of time are durations, not onsets.
    ['take the tablets from monday', null],
    ['start on monday', null],
    ['since yesterday', null],
    ['for three days', null],
  ])('"%s" → %s', (normal, onset) => {
    expect(findOnset(normal)).toBe(onset);
  });

  it.each([
    ['monday', 'since Monday'],
    ['uh on tuesday', 'since Tuesday'],
    ['it was last weekend', 'since last weekend'],
    ['i do not know', null],
  ])('bare answer "%s" → %s', (normal, onset) => {
    expect(findBareOnset(normal)).toBe(onset);
  });

  it.each(shapes([['Doctor', 'Have you had any fever?'], ['Patient', 'Yes, since Monday.']]))('%s: "yes, since Monday" is present with its onset', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.symptoms.map((symptom) => [symptom.name, symptom.duration, symptom.onset])).toEqual([['fever', null, 'since Monday']]);
  });

  it.each(shapes([['Doctor', 'When did the headache start?'], ['Patient', 'Uh, on Tuesday.']]))('%s: a since-when question answered with a day', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.symptoms.map((symptom) => [symptom.name, symptom.onset])).toEqual([['headache', 'since Tuesday']]);
  });

  it('a length said with it wins, and the note says the onset only when there is no length', async () => {
    const withLength = await emrOf('Patient: I have had a cough for three days, since Monday.');
    expect(withLength.symptoms.map((symptom) => [symptom.duration?.text, symptom.onset])).toEqual([['3 days', undefined]]);
    const withOnset = await emrOf('Patient: I have had a sore throat since this morning.');
    expect(writeSoapNote(withOnset).chief_complaint).toBe('Sore throat since this morning');
  });

  it('"take it from Monday" in a plan gives no onset to the symptom of the same sentence', async () => {
    const emr = await emrOf('Doctor: For the cough, take the syrup from Monday.');
    expect(emr.symptoms.map((symptom) => symptom.onset)).not.toContain('since Monday');
  });
});
