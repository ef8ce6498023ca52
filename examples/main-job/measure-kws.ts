/**
 * Measures a keyword-spotting second pass (`pocketsphinx_continuous -kws`) against the one-pass medical vocabulary
 * (dictionary + class language model) that the transcriber runs (issue 13: choose by measurement). On the sets of
 * measure-asr.ts (five samples; ten validation dialogues spoken by flite and by espeak-ng): drug-name recall, false
 * alarms per minute of audio and CPU seconds, for the first pass alone, the keyword pass alone at several thresholds,
 * and both together (a drug word counts when either pass heard it). Prints a Markdown table.
 *
 *   pnpm -F example-main-job quality:kws
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '@scribe/core/internal';
import { findPocketsphinx } from '@scribe/server';
import { writeRecogniserVocabulary } from '../../packages/server/src/processing/vocabulary/write-recogniser-vocabulary';
import { dialogueItems, DRUG_WORDS, sampleItems, type AsrItem } from './asr-sets';
import { normalizeForWer } from './quality';

// Threshold exponent per phone of the keyphrase: a keyphrase of n phones fires above 1e(k*n). A fixed threshold for
// every length either floods short words ("pain" at 1e-30 fired 19 times in one sample) or misses long ones; the
// first sweep, 1e-1 to 1e-4 per phone (1e-8 to 1e-32 for eight phones), fired 7 to 70 false alarms a minute on the
// samples, hence stricter (positive) exponents.
const PER_PHONE = [3, 2, 1, 0, -1];
const label = (k: number) => `kws 1e${k >= 0 ? '+' : ''}${k}/phone`;

const installation = findPocketsphinx();
if (!installation?.modelDir || installation.variant !== 'continuous') throw new Error('needs Debian pocketsphinx_continuous with the en-us model (apt-get install pocketsphinx pocketsphinx-en-us)');
const vocabularyArgs = await writeRecogniserVocabulary(installation.modelDir);
if (!vocabularyArgs) throw new Error('no recogniser vocabulary for this model directory');
const dictPath = vocabularyArgs[vocabularyArgs.indexOf('-dict') + 1] as string;
const hmm = join(installation.modelDir, 'en-us');

// Every pronunciation of every drug word the dictionary has: the keyword search uses only the first pronunciation of
// a word, so variants are listed as `word(2)` keyphrases and mapped back.
const phones = new Map<string, number>();
for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
  const [entry, ...rest] = line.trim().split(/\s+/);
  if (entry && DRUG_WORDS.has(entry.replace(/\(\d+\)$/, ''))) phones.set(entry, rest.length);
}

interface Tally { found: number; said: number; falseAlarms: number; cpu: number; seconds: number }
const blank = (): Tally => ({ found: 0, said: 0, falseAlarms: 0, cpu: 0, seconds: 0 });

/** Runs pocketsphinx under /usr/bin/time: the drug words it wrote (base forms) and its CPU seconds. */
function decode(args: string[], wav: string): { words: string[]; cpu: number } {
  const result = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', installation!.command, ...args, '-remove_noise', 'no', '-infile', wav], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const cpu = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  if (result.status !== 0 || !cpu) throw new Error(`pocketsphinx failed: ${result.stderr.slice(-300)}`);
  const words = result.stdout.split(/\s+/).map((word) => word.replace(/\(\d+\)$/, '')).filter((word) => DRUG_WORDS.has(word));
  return { words, cpu: Number(cpu[1]) + Number(cpu[2]) };
}

// Hits matched one to one with the reference's drug words; the rest are false alarms.
function add(tally: Tally, reference: string, heard: readonly string[]): void {
  const said = normalizeForWer(reference).filter((word) => DRUG_WORDS.has(word));
  const left = [...heard];
  for (const word of said) {
    const at = left.indexOf(word);
    if (at >= 0) {
      left.splice(at, 1);
      tally.found += 1;
    }
  }
  tally.said += said.length;
  tally.falseAlarms += left.length;
}

const work = mkdtempSync(join(tmpdir(), 'scribe-kws-'));
try {
  const keywordFiles = PER_PHONE.map((k) => {
    const path = join(work, `kws${k}.txt`);
    writeFileSync(path, [...phones].map(([entry, count]) => `${entry} /1e${k >= 0 ? '+' : ''}${k * count}/`).join('\n') + '\n');
    return { k, path };
  });
  const sets: Record<string, AsrItem[]> = { samples: sampleItems(), 'mts-dialog flite': dialogueItems('flite'), 'mts-dialog espeak': dialogueItems('espeak') };
  console.log(`${phones.size} keyphrases (${DRUG_WORDS.size} drug words with their pronunciations)\n`);
  console.log('| set | pass | drug words heard / said | recall % | false alarms | per minute | CPU s | CPU × real time |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [set, items] of Object.entries(sets)) {
    const tallies = new Map<string, Tally>();
    const tally = (name: string) => tallies.get(name) ?? tallies.set(name, blank()).get(name)!;
    for (const item of items) {
      const wav = join(work, 'item.wav');
      writeFileSync(wav, encodeWav(item.pcm, { sampleRate: 16000 }));
      const seconds = item.pcm.length / 16000;
      const first = decode(vocabularyArgs, wav);
      add(tally('class LM (today)'), item.reference, first.words);
      for (const { k, path } of keywordFiles) {
        const kws = decode(['-hmm', hmm, '-dict', dictPath, '-kws', path], wav);
        add(tally(label(k)), item.reference, kws.words);
        // Together: each drug word as often as the pass that heard it more often wrote it.
        const union = [...first.words];
        for (const word of new Set(kws.words)) {
          const extra = kws.words.filter((hit) => hit === word).length - union.filter((hit) => hit === word).length;
          for (let index = 0; index < extra; index += 1) union.push(word);
        }
        add(tally(`class LM + ${label(k)}`), item.reference, union);
        for (const [name, cpu] of [[label(k), kws.cpu], [`class LM + ${label(k)}`, first.cpu + kws.cpu]] as const) {
          tally(name).cpu += cpu;
          tally(name).seconds += seconds;
        }
      }
      tally('class LM (today)').cpu += first.cpu;
      tally('class LM (today)').seconds += seconds;
      if (process.env.KWS_VERBOSE) console.error(`${set} ${item.name}: first ${first.words.join(' ')}`);
    }
    for (const [name, t] of tallies) {
      const minutes = t.seconds / 60;
      console.log(`| ${set} | ${name} | ${t.found} / ${t.said} | ${t.said ? ((t.found / t.said) * 100).toFixed(0) : '-'} | ${t.falseAlarms} | ${(t.falseAlarms / minutes).toFixed(2)} | ${t.cpu.toFixed(1)} | ${(t.cpu / t.seconds).toFixed(3)} |`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
