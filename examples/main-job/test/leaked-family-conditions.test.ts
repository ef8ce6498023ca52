import { emptyEkaEmr, type EkaEmrTemplate } from '@scribe/core/templates';
import { describe, expect, it } from 'vitest';
import { goldOf } from '../dialogue-gold';
import { addDialogueScore, emptyDialogueScore, leakedFamilyConditions, patientConditions } from '../dialogue-score';

// Issue 13: a relative's condition recorded as the patient's is a leak, unless the note gives the patient it too.
const emr = (diagnoses: string[]): EkaEmrTemplate =>
  ({ ...emptyEkaEmr(), diagnoses: diagnoses.map((name) => ({ name, icd10: null, certainty: 'stated', text: '' })) }) as unknown as EkaEmrTemplate;

describe('leakedFamilyConditions', () => {
  it('counts a relative’s condition recorded as the patient’s', () => {
    const section = 'Mother with diabetes and hypertension. Father died of an MI.';
    const gold = goldOf('FAM/SOCHX', section);
    expect(leakedFamilyConditions(section, gold, emr(['diabetes mellitus', 'asthma']))).toEqual(['diabetes mellitus']);
  });

  it('does not count a condition the note also gives the patient, by name or by pronoun', () => {
    const section = 'Mother has diabetes. The patient has diabetes as well. She was recently treated for sinusitis.';
    const gold = goldOf('FAM/SOCHX', section);
    expect(gold.familyConditions).toEqual(expect.arrayContaining(['diabetes mellitus', 'acute sinusitis']));
    expect([...patientConditions(section)].sort()).toEqual(['acute sinusitis', 'diabetes mellitus']);
    expect(leakedFamilyConditions(section, gold, emr(['diabetes mellitus', 'acute sinusitis']))).toEqual([]);
  });

  it('reads "he" right after a sentence naming a relative as that relative', () => {
    const section = 'His father died from breast cancer. He also had diabetes.';
    expect(patientConditions(section).size).toBe(0);
    expect(leakedFamilyConditions(section, goldOf('FAM/SOCHX', section), emr(['diabetes mellitus']))).toEqual(['diabetes mellitus']);
  });

  it('leaves the patient’s own conditions out of the count’s total', () => {
    const dialogue = { id: 'x', section: 'FAM/SOCHX', sectionText: 'Father with hypertension. The patient has a history of depression.', dialogue: 'Doctor: Any family history?\nPatient: My father has high blood pressure.' };
    const score = emptyDialogueScore('labelled');
    addDialogueScore(score, dialogue, emr(['depression', 'hypertension']));
    expect(score.familyLeaks).toEqual({ leaked: 1, conditions: 1 });
  });
});
