/**
 * Measures the recogniser alone, with and without its medical vocabulary (issue 13): word error rate and drug-name
 * recall on the five samples and on ten MTS-Dialog validation dialogues (IDs below) re-spoken by flite and by espeak-ng.
 * Prints Markdown tables (the ones in docs/benchmarks.md). Needs Debian's pocketsphinx, espeak-ng and ffmpeg.
 *
 *   pnpm -F example-main-job quality:asr
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPocketsphinxTranscriber, findPocketsphinx } from '@scribe/server';
import { MEDICINES } from '../../packages/server/src/processing/extractors/lexicon/medicines';
import { normalizeForWer, wordErrorRate } from './quality';
import { listSamples } from './samples';

const DATASET = process.env.MTS_DIALOG_DIR ?? join(import.meta.dirname, 'data', 'mts-dialog');
const ROOT = join(import.meta.dirname, '..', '..');
const GAP = new Float32Array(Math.round(0.7 * 16000));

// Words of a medicine's name that are not themselves a drug name ("birth control pill", "baby aspirin").
const NOT_DRUG_NAMES = new Set(['acid', 'baby', 'birth', 'combined', 'control', 'inhibitor', 'injection', 'iron', 'multi', 'oral', 'pack', 'patch', 'pill', 'salts', 'solution', 'systemic', 'tablet', 'tablets', 'with', 'rehydration', 'calcium', 'sodium', 'potassium', 'chloride', 'oxide', 'bromide', 'glycol', 'sulfate', 'sulphate', 'magnesium', 'carbonate', 'peroxide', 'vitamin', 'ferrous', 'folic', 'polyethylene']);

// Drug words: every other word of the lexicon's medicine names and synonyms, and the classes the issue names.
const DRUG_WORDS = new Set(
  ['antibiotic', 'antibiotics', 'antihistamine', 'antihistamines', ...MEDICINES.flatMap((entry) => [entry.name, ...(entry.synonyms ?? [])]).flatMap((term) => normalizeForWer(term))].filter(
    (word) => word.length > 3 && !NOT_DRUG_NAMES.has(word),
  ),
);

interface Item { name: string; reference: string; pcm: Float32Array }

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === '\n') {
      row.push(field);
      field = '';
      if (char === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (char !== '\r') field += char;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function pcmOfWav(buffer: Buffer): Float32Array {
  let offset = 12;
  while (buffer.toString('ascii', offset, offset + 4) !== 'data') offset += 8 + buffer.readUInt32LE(offset + 4);
  const samples = buffer.readUInt32LE(offset + 4) / 2;
  const pcm = new Float32Array(samples);
  for (let index = 0; index < samples; index += 1) pcm[index] = buffer.readInt16LE(offset + 8 + index * 2) / 32768;
  return pcm;
}

function join16k(parts: Float32Array[]): Float32Array {
  const all = [GAP, ...parts.flatMap((part) => [part, GAP])];
  const out = new Float32Array(all.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of all) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function speak(voice: 'flite' | 'espeak', speaker: string, text: string, dir: string): Float32Array {
  const out = join(dir, 'u.wav');
  if (voice === 'flite') {
    const result = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'scripts', 'generate-samples.mjs'), '--utterance', speaker === 'Doctor' ? 'rms' : 'slt', text, out]);
    if (result.status !== 0) throw new Error(`flite failed on ${JSON.stringify(text)}`);
  } else {
    const raw = join(dir, 'e.wav');
    if (spawnSync('espeak-ng', ['-v', speaker === 'Doctor' ? 'en-us' : 'en-gb', '-w', raw, text]).status !== 0) throw new Error('espeak-ng failed (apt-get install espeak-ng)');
    if (spawnSync('ffmpeg', ['-y', '-loglevel', 'error', '-i', raw, '-ar', '16000', '-ac', '1', '-c:a', 'pcm_s16le', out]).status !== 0) throw new Error('ffmpeg failed');
  }
  return pcmOfWav(readFileSync(out));
}

// Pinned so a lexicon change cannot change the subset: the first ten validation dialogues (file order) of at most 250
// words that named a drug word of the lexicon of 2026-12-06.
const DIALOGUE_IDS = ['3', '8', '18', '19', '22', '23', '33', '44', '46', '47'];

function dialogues(): { id: string; turns: { speaker: string; text: string }[] }[] {
  const [, ...rows] = parseCsv(readFileSync(join(DATASET, 'MTS-Dialog-ValidationSet.csv'), 'utf8'));
  return DIALOGUE_IDS.map((id) => {
    const dialogue = rows.find((row) => row[0] === id)?.[3];
    if (!dialogue) throw new Error(`MTS-Dialog validation dialogue ${id} not found in ${DATASET}`);
    const turns = dialogue
      .split(/\n/)
      .map((line) => /^(\w+):\s*(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null && match[2]!.trim() !== '')
      .map((match) => ({ speaker: match[1]!, text: match[2]! }));
    return { id, turns };
  });
}

function drugRecall(reference: string, hypothesis: string): [found: number, said: number] {
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

const installation = findPocketsphinx();
if (!installation) throw new Error('pocketsphinx is not installed (apt-get install pocketsphinx pocketsphinx-en-us)');
const configs = { before: createPocketsphinxTranscriber(installation, { vocabulary: false }), after: createPocketsphinxTranscriber(installation) };
const work = mkdtempSync(join(tmpdir(), 'scribe-asr-'));
try {
  const sets: Record<string, Item[]> = { samples: listSamples().map((sample) => ({ name: sample.name, reference: sample.gold.script.map((line) => line.text).join('\n'), pcm: pcmOfWav(readFileSync(sample.wav)) })) };
  const subset = dialogues();
  console.log(`MTS-Dialog validation IDs: ${subset.map((dialogue) => dialogue.id).join(', ')}\n`);
  for (const voice of ['flite', 'espeak'] as const) {
    sets[`mts-dialog ${voice}`] = subset.map((dialogue) => ({ name: dialogue.id, reference: dialogue.turns.map((turn) => turn.text).join('\n'), pcm: join16k(dialogue.turns.map((turn) => speak(voice, turn.speaker, turn.text, work))) }));
  }
  console.log('| set | vocabulary | WER % | drug words heard / said | drug-name recall % | "oklahoma" |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [set, items] of Object.entries(sets)) {
    for (const [config, transcriber] of Object.entries(configs)) {
      let errors = 0;
      let words = 0;
      let found = 0;
      let said = 0;
      let oklahoma = 0;
      for (const item of items) {
        const { text } = await transcriber.transcribe({ sessionId: item.name, pcm: item.pcm, languageHints: [], workDir: work }, new AbortController().signal);
        const refWords = normalizeForWer(item.reference).length;
        errors += wordErrorRate(item.reference, text) * refWords;
        words += refWords;
        const [f, s] = drugRecall(item.reference, text);
        found += f;
        said += s;
        oklahoma += text.match(/\boklahoma\b/g)?.length ?? 0;
        if (process.env.ASR_VERBOSE) console.error(`${set} ${item.name} ${config}: ${text.replace(/\n/g, ' / ')}`);
      }
      console.log(`| ${set} | ${config} | ${((errors / words) * 100).toFixed(1)} | ${found} / ${said} | ${said ? ((found / said) * 100).toFixed(0) : '-'} | ${oklahoma} |`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
