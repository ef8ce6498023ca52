import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of the MTS-Dialog copy (CC BY 4.0; see its README.md for the citation). */
export const MTS_DIALOG_DIR = join(import.meta.dirname, 'data', 'mts-dialog');

/** The three MTS-Dialog splits: develop on training and validation, report on test. */
export const DIALOGUE_SETS = {
  training: 'MTS-Dialog-TrainingSet.csv',
  validation: 'MTS-Dialog-ValidationSet.csv',
  test: 'MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv',
} as const;

/** One split's name. */
export type DialogueSet = keyof typeof DIALOGUE_SETS;

/** One dialogue with the note section a clinician wrote from it. */
export interface NoteDialogue {
  id: string;
  /** `CC`, `GENHX`, `ROS`, `MEDICATIONS`, `ALLERGY`, `ASSESSMENT`, `FAM/SOCHX`, ... */
  section: string;
  sectionText: string;
  /** `Doctor:` / `Patient:` lines. */
  dialogue: string;
}

/** The input shapes the extractor is measured on. */
export const INPUT_SHAPES = ['labelled', 'unlabelled', 'recogniser'] as const;

/** One input shape. */
export type InputShape = (typeof INPUT_SHAPES)[number];

// "Guest_family_2:" as well: a numbered label left in the text would read as words in the unlabelled shapes.
const LABEL = /^\s*(?:doctor|patient|gu?est_(?:family|clinic?ian)(?:_\d+)?)\s*:\s*/i;

/** Reads one split (default folder: the repository's copy). */
export function loadDialogues(set: DialogueSet, dir = MTS_DIALOG_DIR): NoteDialogue[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, DIALOGUE_SETS[set]), 'utf8'));
  const column = (name: string) => (header ?? []).indexOf(name);
  const [id, section, text, dialogue] = [column('ID'), column('section_header'), column('section_text'), column('dialogue')];
  return rows
    .filter((row) => row.length > dialogue)
    .map((row) => ({ id: row[id] as string, section: (row[section] as string).toUpperCase(), sectionText: row[text] as string, dialogue: row[dialogue] as string }));
}

/**
 * The dialogue in one input shape: as written (speaker labels), with the labels dropped, or as a recogniser writes
 * it (no labels, lower case, no punctuation but apostrophes). One line per turn in every shape.
 */
export function shapeDialogue(dialogue: string, shape: InputShape): string {
  const lines = dialogue.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (shape === 'labelled') return lines.join('\n');
  const bare = lines.map((line) => line.replace(LABEL, ''));
  if (shape === 'unlabelled') return bare.join('\n');
  return bare.map((line) => line.toLowerCase().replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** The turns of a labelled dialogue with their speaker (`doctor`, `patient` or another label, lower case). */
export function dialogueTurns(dialogue: string): { speaker: string; text: string }[] {
  return dialogue
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const label = LABEL.exec(line);
      return { speaker: label ? label[0].replace(/[:\s]/g, '').toLowerCase() : 'unknown', text: label ? line.slice(label[0].length) : line };
    });
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim()));
}
