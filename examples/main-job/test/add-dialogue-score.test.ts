import type { EkaEmrTemplate } from '@scribe/core/templates';
import { describe, expect, it } from 'vitest';
import { loadDialogues } from '../dialogue-dataset';
import { goldOf } from '../dialogue-gold';
import { addDialogueScore, emptyDialogueScore, ratios } from '../dialogue-score';

// The audio benchmark (measure-dialogue-audio.ts) scores EMRs that the main job made, not the extractor in process:
// addDialogueScore must count an EMR against the note the same way whatever produced it.
const dialogue = loadDialogues('validation').find((candidate) => {
  const gold = goldOf(candidate.section, candidate.sectionText);
  // One whose note states no concept both ways, so polarity is unambiguous.
  return candidate.section === 'GENHX' && gold.complaints.length > 0 && gold.denied.length > 0 && !gold.complaints.some((name) => gold.denied.includes(name));
});
const emr = (symptoms: string[], absent: string[]): EkaEmrTemplate =>
  ({
    symptoms: symptoms.map((name) => ({ name, duration: null, severity: null, icd10: null, text: '' })),
    absent_symptoms: absent.map((name) => ({ name, text: '' })),
    medications: [],
    vitals: [],
    diagnoses: [],
    investigations: [],
    advice: [],
    follow_up: null,
  }) as unknown as EkaEmrTemplate;

describe('addDialogueScore', () => {
  it('counts an empty EMR as every gold concept missed and nothing claimed', () => {
    expect(dialogue).toBeDefined();
    const gold = goldOf(dialogue!.section, dialogue!.sectionText);
    const score = emptyDialogueScore('recogniser');
    addDialogueScore(score, dialogue!, emr([], []));
    expect(score.dialogues).toBe(1);
    expect(score.fields.complaints).toMatchObject({ correct: 0, extracted: 0, found: 0, expected: gold.complaints.length, foundSaid: 0 });
    expect(score.fields.denied).toMatchObject({ correct: 0, extracted: 0, found: 0, expected: gold.denied.length, foundSaid: 0 });
    expect(score.questionFindings).toBe(0);
  });

  it('counts the note itself as full precision and recall, and a reversed polarity as contradicted', () => {
    const gold = goldOf(dialogue!.section, dialogue!.sectionText);
    const right = emptyDialogueScore('labelled');
    addDialogueScore(right, dialogue!, emr(gold.complaints, gold.denied));
    expect([ratios(right.fields.complaints), ratios(right.fields.denied)]).toEqual([{ precision: 1, recall: 1, recallOfSaid: 1 }, { precision: 1, recall: 1, recallOfSaid: 1 }]);
    expect(right.polarity).toEqual({ contradicted: 0, judged: gold.complaints.length + gold.denied.length });
    const reversed = emptyDialogueScore('labelled');
    addDialogueScore(reversed, dialogue!, emr(gold.denied, gold.complaints));
    expect(reversed.polarity.contradicted).toBe(gold.complaints.length + gold.denied.length);
    expect(ratios(reversed.fields.denied).recall).toBe(0);
  });

  it('counts as said the gold concepts whose words the dialogue holds, and only those', () => {
    const note = { id: 'x', section: 'ROS', sectionText: 'Reports cough. Denies fever. Positive for fatigue.' };
    const score = emptyDialogueScore('labelled');
    addDialogueScore(score, { ...note, dialogue: 'Doctor: Any fever?\nPatient: No. But I have a bad cough.' }, emr(['cough'], []));
    // cough and fever are said (fever only asked, still said); fatigue is the clinician's and never said.
    expect(score.fields.complaints).toMatchObject({ expected: 2, said: 1, found: 1, foundSaid: 1 });
    expect(score.fields.denied).toMatchObject({ expected: 1, said: 1, found: 0, foundSaid: 0 });
    expect(ratios(score.fields.complaints).recallOfSaid).toBe(1);
  });

  it('adds nothing for a section that is not scored', () => {
    const score = emptyDialogueScore('labelled');
    addDialogueScore(score, { ...dialogue!, section: 'PLAN' }, emr(['cough'], []));
    expect(score).toEqual(emptyDialogueScore('labelled'));
  });
});
