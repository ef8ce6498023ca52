/**
 * Lists, dialogue by dialogue, what the extractor records differently when the same dialogue comes in another input
 * shape (by default labelled against recogniser-shaped): every such difference is caused by the missing speaker
 * labels, case or punctuation, not by the words. A tool for developing the extractor on the training and validation
 * splits (report on the test split only); `--dialogue` also prints the dialogue in the second shape.
 *
 *   pnpm -F example-main-job quality:dialogues:shape-diff [training|validation] [labelled|unlabelled] [recogniser|unlabelled]
 */
import type { EkaEmrTemplate } from '@scribe/core/templates';
import { createRuleBasedExtractor } from '@scribe/server';
import { INPUT_SHAPES, loadDialogues, shapeDialogue, type DialogueSet, type InputShape } from './dialogue-dataset';
import { goldOf, SECTION_FIELDS } from './dialogue-gold';
import { countQuestionFindings } from './count-question-findings';
import { extractEmr } from './dialogue-score';

const [set = 'validation', baseArg = 'labelled', otherArg = 'recogniser'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const asShape = (arg: string, fallback: InputShape) => ((INPUT_SHAPES as readonly string[]).includes(arg) ? (arg as InputShape) : fallback);
const [base, other] = [asShape(baseArg, 'labelled'), asShape(otherArg, 'recogniser')];
const extractor = createRuleBasedExtractor();
const FIELDS = ['symptoms', 'absent_symptoms', 'medications', 'diagnoses'] as const;


// Names with their evidence, so that a difference shows the sentence it came from.
function itemsOf(emr: EkaEmrTemplate, field: (typeof FIELDS)[number]): Map<string, string> {
  return new Map((emr[field] as readonly { name: string; text?: string }[]).map((item) => [item.name, item.text ?? '']));
}

let differing = 0;
for (const dialogue of loadDialogues(set as DialogueSet)) {
  if (!SECTION_FIELDS[dialogue.section]) continue;
  const [first, second] = [await extractEmr(extractor, shapeDialogue(dialogue.dialogue, base)), await extractEmr(extractor, shapeDialogue(dialogue.dialogue, other))];
  const gold = goldOf(dialogue.section, dialogue.sectionText);
  const inNote = new Set([...gold.complaints, ...gold.denied, ...gold.medications, ...gold.diagnoses]);
  const mark = (name: string) => (inNote.has(name) ? `${name} [in note]` : name);
  const lines: string[] = [];
  for (const field of FIELDS) {
    const [a, b] = [itemsOf(first, field), itemsOf(second, field)];
    for (const [name, text] of b) if (!a.has(name)) lines.push(`  + ${field} ${mark(name)}  <- "${text}"`);
    for (const [name, text] of a) if (!b.has(name)) lines.push(`  - ${field} ${mark(name)}  <- "${text}"`);
  }
  const questions = [countQuestionFindings(dialogue.dialogue, base, first), countQuestionFindings(dialogue.dialogue, other, second)];
  if (questions[0] !== questions[1]) lines.push(`  question findings: ${questions[0]} -> ${questions[1]}`);
  if (!lines.length) continue;
  differing += 1;
  console.log(`## ${dialogue.id} ${dialogue.section} (+ only ${other}, - only ${base})`);
  console.log(lines.join('\n'));
  if (process.argv.includes('--dialogue')) console.log(dialogue.dialogue.split('\n').map((line) => `    | ${line.trim()}`).join('\n'));
}
console.log(`\n${differing} dialogues differ between ${base} and ${other} on ${set}`);
