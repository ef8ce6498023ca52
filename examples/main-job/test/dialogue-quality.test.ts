import { createRuleBasedExtractor } from '@scribe/server';
import { describe, expect, it } from 'vitest';
import { loadDialogues, type InputShape } from '../dialogue-dataset';
import { DIALOGUE_FIELDS, ratios, scoreDialogues, type DialogueField } from '../dialogue-score';

// Measured with `pnpm -F example-main-job quality:dialogues test` (docs/benchmarks.md, "Clinical extractor") and set
// three points below: the extractor is deterministic, so a drop means a change made it worse on real dialogue.
// [precision, recall] lower bounds in %; question findings, findings the note contradicts and relatives' conditions
// recorded as the patient's are upper bounds.
const BOUNDS: Record<'labelled' | 'recogniser', { fields: Record<DialogueField, [number, number]>; questionFindings: number; contradicted: number; familyLeaks: number }> = {
  labelled: { fields: { complaints: [71, 76], denied: [85, 72], medications: [91, 62], diagnoses: [91, 62] }, questionFindings: 6, contradicted: 10, familyLeaks: 4 },
  recogniser: { fields: { complaints: [66, 75], denied: [83, 67], medications: [91, 62], diagnoses: [91, 62] }, questionFindings: 11, contradicted: 16, familyLeaks: 4 },
};

describe('the rule-based extractor on the MTS-Dialog test split (text path), against the clinician notes', () => {
  const extractor = createRuleBasedExtractor();
  const dialogues = loadDialogues('test');

  it('reads all 200 test dialogues', () => {
    expect(dialogues).toHaveLength(200);
  });

  it.each(['labelled', 'recogniser'] as const)('%s: precision and recall of every field stay at the measured level', { timeout: 60_000 }, async (shape: InputShape & keyof typeof BOUNDS) => {
    const score = await scoreDialogues(extractor, dialogues, shape);
    const bounds = BOUNDS[shape];
    for (const field of DIALOGUE_FIELDS) {
      const { precision, recall } = ratios(score.fields[field]);
      const [minimumPrecision, minimumRecall] = bounds.fields[field];
      expect(precision * 100, `${field} precision`).toBeGreaterThanOrEqual(minimumPrecision);
      expect(recall * 100, `${field} recall`).toBeGreaterThanOrEqual(minimumRecall);
    }
    expect(score.questionFindings, 'question findings').toBeLessThanOrEqual(bounds.questionFindings);
    expect(score.polarity.contradicted, 'findings the note contradicts').toBeLessThanOrEqual(bounds.contradicted);
    expect(score.familyLeaks.leaked, "relatives' conditions recorded as the patient's").toBeLessThanOrEqual(bounds.familyLeaks);
    expect(score.allergenLeaks.leaked).toBe(0);
  });
});
