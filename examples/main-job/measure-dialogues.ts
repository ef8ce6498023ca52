/**
 * Measures the rule-based extractor on MTS-Dialog (CC BY 4.0): for each input shape (speaker labels, none, and the
 * recogniser's lower case without punctuation), precision and recall of complaints, denied findings, medications
 * and diagnoses against the clinician's note section, plus leaks and speed. Prints the Markdown table of
 * docs/benchmarks.md. Develop on training and validation; report the test split.
 *
 *   pnpm -F example-main-job quality:dialogues [test|validation|training]
 */
import { createRuleBasedExtractor } from '@scribe/server';
import { INPUT_SHAPES, loadDialogues, type DialogueSet } from './dialogue-dataset';
import { DIALOGUE_FIELDS, ratios, scoreDialogues } from './dialogue-score';

const set = (process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'test') as DialogueSet;
const dialogues = loadDialogues(set);
const extractor = createRuleBasedExtractor();
// Builds wink's model outside the timed runs.
await extractor.extract({ sessionId: 'warm', templateId: 'eka_emr_template', transcript: 'I have a cough.', language: 'en', model: 'lite', sessionMode: 'consultation' }, new AbortController().signal);
const fixed = (value: number) => value.toFixed(2);
console.log(`MTS-Dialog ${set} split, ${dialogues.length} dialogues\n`);
console.log(`| shape | scored | ${DIALOGUE_FIELDS.map((field) => `${field} P / R`).join(' | ')} | allergens as meds | relatives' conditions as patient's | findings the note contradicts | question findings | recall of concepts said (${DIALOGUE_FIELDS.join(' / ')}) | ms / dialogue |`);
console.log(`| --- | --- | ${DIALOGUE_FIELDS.map(() => '---').join(' | ')} | --- | --- | --- | --- | --- | --- |`);
for (const shape of INPUT_SHAPES) {
  const score = await scoreDialogues(extractor, dialogues, shape);
  const cells = DIALOGUE_FIELDS.map((field) => {
    const { precision, recall } = ratios(score.fields[field]);
    return `${fixed(precision)} / ${fixed(recall)} (${score.fields[field].expected})`;
  });
  const said = DIALOGUE_FIELDS.map((field) => `${fixed(ratios(score.fields[field]).recallOfSaid)} (${score.fields[field].said})`).join(' / ');
  console.log(
    `| ${shape} | ${score.dialogues} | ${cells.join(' | ')} | ${score.allergenLeaks.leaked} of ${score.allergenLeaks.allergens} | ${score.familyLeaks.leaked} of ${score.familyLeaks.conditions} | ${score.polarity.contradicted} of ${score.polarity.judged} | ${score.questionFindings} | ${said} | ${score.msPerDialogue.toFixed(1)} |`,
  );
}
