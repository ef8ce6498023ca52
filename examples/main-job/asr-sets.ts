import { readFileSync } from 'node:fs';
import { MEDICINES } from '../../packages/server/src/processing/extractors/lexicon/medicines';
import { loadDialogues } from './dialogue-dataset';
import { normalizeForWer } from './quality';
import { listSamples } from './samples';
import { pcmOfWav, speakDialogue, type SpeakOptions, type SpeechVoice } from './speak-dialogue';

// Words of a medicine's name that are not themselves a drug name ("birth control pill", "baby aspirin").
const NOT_DRUG_NAMES = new Set(['acid', 'baby', 'birth', 'combined', 'control', 'inhibitor', 'injection', 'iron', 'multi', 'oral', 'pack', 'patch', 'pill', 'salts', 'solution', 'systemic', 'tablet', 'tablets', 'with', 'rehydration', 'calcium', 'sodium', 'potassium', 'chloride', 'oxide', 'bromide', 'glycol', 'sulfate', 'sulphate', 'magnesium', 'carbonate', 'peroxide', 'vitamin', 'ferrous', 'folic', 'polyethylene']);

/** Drug words: every other word (over three letters) of the lexicon's medicine names and synonyms, and the classes the issue names. */
export const DRUG_WORDS: ReadonlySet<string> = new Set(
  ['antibiotic', 'antibiotics', 'antihistamine', 'antihistamines', ...MEDICINES.flatMap((entry) => [entry.name, ...(entry.synonyms ?? [])]).flatMap((term) => normalizeForWer(term))].filter(
    (word) => word.length > 3 && !NOT_DRUG_NAMES.has(word),
  ),
);

/** One recording with the text that was said. */
export interface AsrItem {
  name: string;
  reference: string;
  pcm: Float32Array;
}

// Pinned so a lexicon change cannot change the subset: the first ten validation dialogues (file order) of at most 250
// words that named a drug word of the lexicon of 2026-12-06.
const DIALOGUE_IDS = ['3', '8', '18', '19', '22', '23', '33', '44', '46', '47'];

/** The turns of the ten pinned MTS-Dialog validation dialogues (speaker as written: `Doctor`, `Patient`, ...). */
export function asrDialogues(): { id: string; turns: { speaker: string; text: string }[] }[] {
  const rows = loadDialogues('validation');
  return DIALOGUE_IDS.map((id) => {
    const dialogue = rows.find((row) => row.id === id)?.dialogue;
    if (!dialogue) throw new Error(`MTS-Dialog validation dialogue ${id} not found`);
    const turns = dialogue
      .split(/\n/)
      .map((line) => /^(\w+):\s*(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null && match[2]!.trim() !== '')
      .map((match) => ({ speaker: match[1]!, text: match[2]! }));
    return { id, turns };
  });
}

/** The five committed samples (flite rms, slt and awb voices) with their scripts. */
export function sampleItems(): AsrItem[] {
  return listSamples().map((sample) => ({ name: sample.name, reference: sample.gold.script.map((line) => line.text).join('\n'), pcm: pcmOfWav(readFileSync(sample.wav)) }));
}

/** The ten pinned validation dialogues spoken by one voice pair, turn by turn; the reference is the turns' text. */
export function dialogueItems(voice: SpeechVoice, options: SpeakOptions = {}): AsrItem[] {
  return asrDialogues().map((dialogue) => ({ name: dialogue.id, reference: dialogue.turns.map((turn) => turn.text).join('\n'), pcm: speakDialogue(voice, dialogue.turns, options) }));
}

/** Drug words of the reference that the hypothesis holds, each occurrence matched once: [found, said]. */
export function drugRecall(reference: string, hypothesis: string): [found: number, said: number] {
  const heard = new Map<string, number>();
  for (const word of normalizeForWer(hypothesis)) heard.set(word, (heard.get(word) ?? 0) + 1);
  let found = 0;
  let said = 0;
  for (const word of normalizeForWer(reference)) {
    if (!DRUG_WORDS.has(word)) continue;
    said += 1;
    const left = heard.get(word) ?? 0;
    if (left > 0) {
      found += 1;
      heard.set(word, left - 1);
    }
  }
  return [found, said];
}
