/**
 * Lists the extractor's errors on one MTS-Dialog split, dialogue by dialogue: for each scored field the concepts it
 * missed and the ones the note does not state, every relative's condition recorded as the patient's (`family`), and
 * every finding recorded from a doctor's question (exactly what the benchmark's "question findings" counts, with the
 * asking sentence and its answer). A tool for
 * developing the extractor on the training and validation splits (report on the test split only).
 *
 *   pnpm -F example-main-job quality:dialogues:errors [training|validation|test] [labelled|unlabelled|recogniser] [field|family|questions] [--dialogue]
 */
import { createRuleBasedExtractor } from '@scribe/server';
import { dialogueTurns, INPUT_SHAPES, loadDialogues, shapeDialogue, type DialogueSet, type InputShape } from './dialogue-dataset';
import { goldOf, readNoteConcepts, SECTION_FIELDS } from './dialogue-gold';
import { findQuestionFindings } from './count-question-findings';
import { DIALOGUE_FIELDS, extractEmr, leakedFamilyConditions, names, type DialogueField } from './dialogue-score';

const [set = 'validation', shapeArg = 'labelled', only] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const shape = (INPUT_SHAPES as readonly string[]).includes(shapeArg) ? (shapeArg as InputShape) : 'labelled';
const extractor = createRuleBasedExtractor();
for (const dialogue of loadDialogues(set as DialogueSet)) {
  const fields = SECTION_FIELDS[dialogue.section];
  if (!fields) continue;
  const transcript = shapeDialogue(dialogue.dialogue, shape);
  const emr = await extractEmr(extractor, transcript);
  const gold = goldOf(dialogue.section, dialogue.sectionText);
  const extracted: Record<DialogueField, string[]> = { complaints: names(emr.symptoms), denied: names(emr.absent_symptoms), medications: names(emr.medications), diagnoses: names(emr.diagnoses) };
  const lines: string[] = [];
  // A missed concept the dialogue never says in the lexicon's words is marked "(never said)".
  const spoken = new Set(readNoteConcepts(dialogueTurns(dialogue.dialogue).map((turn) => turn.text).join('\n')).map((concept) => concept.name));
  for (const field of DIALOGUE_FIELDS) {
    if (only && field !== only) continue;
    if (!fields.includes(field)) continue;
    const missed = gold[field].filter((name) => !extracted[field].includes(name) && !(field === 'complaints' && extracted.diagnoses.includes(name)));
    const wrong = dialogue.section === 'CC' && field === 'complaints' ? [] : extracted[field].filter((name) => !gold[field].includes(name));
    if (missed.length) lines.push(`  ${field} missed: ${missed.map((name) => (spoken.has(name) ? name : `${name} (never said)`)).join(', ')}`);
    for (const name of wrong) {
      const item = [...emr.symptoms, ...emr.absent_symptoms, ...emr.medications, ...emr.diagnoses].find((entry) => entry.name === name);
      lines.push(`  ${field} not in note: ${name}  <- "${'text' in (item ?? {}) ? (item as { text: string }).text : ''}"`);
    }
  }
  // A relative's condition recorded as the patient's, with the extractor's evidence and the dialogue lines naming it.
  if (!only || only === 'family') {
    for (const name of leakedFamilyConditions(dialogue.sectionText, gold, emr)) {
      const item = [...emr.symptoms, ...emr.diagnoses].find((entry) => entry.name === name);
      const said = dialogueTurns(dialogue.dialogue).filter((turn) => readNoteConcepts(turn.text).some((concept) => concept.name === name));
      lines.push(`  family: ${name}  <- "${item?.text ?? ''}"`, ...said.map((turn) => `      ${turn.speaker}: ${turn.text}`));
    }
  }
  // Exactly what the benchmark counts, each with the doctor's sentence and the answer, so each can be audited.
  if (!only || only === 'questions') {
    for (const finding of findQuestionFindings(dialogue.dialogue, shape, emr)) {
      lines.push(`  question finding: ${finding.field} ${finding.name}  <- asked "${finding.sentence}" / answered "${finding.answer ?? '(nothing)'}"  (evidence "${finding.evidence}")`);
    }
  }
  if (!lines.length) continue;
  console.log(`## ${dialogue.id} ${dialogue.section}: ${dialogue.sectionText.replace(/\s+/g, ' ').slice(0, 300)}`);
  console.log(lines.join('\n'));
  if (process.argv.includes('--dialogue')) console.log(transcript.split('\n').map((line) => `    | ${line}`).join('\n'));
}
