import { createRuleBasedExtractor } from '@scribe/server';
import { describe, expect, it } from 'vitest';
import { loadDialogues, type InputShape } from '../dialogue-dataset';
import { DIALOGUE_FIELDS, ratios, scoreDialogues, type DialogueField } from '../dialogue-score';

// Measured with `pnpm -F example-main-job quality:dialogues test` (docs/benchmarks.md, "Clinical extractor") and set
// three points below: the extractor is deterministic, so a drop means a change made it worse on real dialogue.
// [precision, recall] lower bounds in %; question findings is an upper bound.
const BOUNDS: Record<'labelled' | 'recogniser', { fields: Record<DialogueField, [number, number]>; questionFindings: number }> = {
  labelled: { fields: { complaints: [62, 75], denied: [82, 64], medications: [89, 62], diagnoses: [77, 59] }, questionFindings: 6 },
  recogniser: { fields: { complaints: [51, 73], denied: [80, 57], medications: [89, 68], diagnoses: [71, 62] }, questionFindings: 26 },
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
    expect(score.questionFindings).toBeLessThanOrEqual(bounds.questionFindings);
    expect(score.allergenLeaks.leaked).toBe(0);
  });
});
