/**
 * Why the recogniser fails on espeak-ng speech (issue 13): word error rate of today's pocketsphinx transcriber on the
 * first five of measure-asr.ts's validation dialogues spoken with different espeak-ng settings (voice, variant,
 * rate, pitch, amplitude, resampler), and of pocketsphinx settings on espeak-ng, flite and the five samples.
 * Prints two Markdown tables. Needs Debian's pocketsphinx, espeak-ng and ffmpeg; synthesized turns are cached.
 *
 *   pnpm -F example-main-job quality:espeak [synthesis|recogniser]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPocketsphinxTranscriber, findPocketsphinx, type Transcriber } from '@scribe/server';
import { dialogueItems, sampleItems, type AsrItem } from './asr-sets';
import { normalizeForWer, wordErrorRate } from './quality';
import type { EspeakSettings } from './speak-dialogue';

const DIALOGUES = 5;
const TODAY = ['-remove_noise', 'no'];

const SYNTHESIS: Record<string, EspeakSettings> = {
  'today: en-us doctor, en-gb others, 175 wpm': {},
  'en-us for everyone': { otherVoice: 'en-us' },
  'en-gb for everyone': { doctorVoice: 'en-gb' },
  'rate 130 wpm': { rate: 130 },
  'rate 220 wpm': { rate: 220 },
  'pitch 30': { pitch: 30 },
  'pitch 70': { pitch: 70 },
  'amplitude 40': { amplitude: 40 },
  'amplitude 180': { amplitude: 180 },
  'soxr resampler': { resampler: 'soxr' },
  'variant m3 (en-us+m3, en-gb+m3)': { doctorVoice: 'en-us+m3', otherVoice: 'en-gb+m3' },
  'variant f2 (en-us+f2, en-gb+f2)': { doctorVoice: 'en-us+f2', otherVoice: 'en-gb+f2' },
  'Klatt synthesis (en-us+klatt, en-gb+klatt)': { doctorVoice: 'en-us+klatt', otherVoice: 'en-gb+klatt' },
  'Klatt synthesis, en-us for everyone': { doctorVoice: 'en-us+klatt', otherVoice: 'en-us+klatt' },
};

// Each replaces the transcriber's extra arguments (today `-remove_noise no`); all deterministic (dither has a seed).
const RECOGNISER: Record<string, string[]> = {
  today: TODAY,
  'noise removal on (-remove_noise yes)': ['-remove_noise', 'yes'],
  'dither (-dither yes -seed 1)': [...TODAY, '-dither', 'yes', '-seed', '1'],
  'language weight 10 (-lw 10)': [...TODAY, '-lw', '10'],
  'language weight 4 (-lw 4)': [...TODAY, '-lw', '4'],
  'wider beams (-beam 1e-60 -pbeam 1e-60 -wbeam 1e-40)': [...TODAY, '-beam', '1e-60', '-pbeam', '1e-60', '-wbeam', '1e-40'],
  'fewer fillers (-fillprob 1e-20)': [...TODAY, '-fillprob', '1e-20'],
};

const installation = findPocketsphinx();
if (!installation) throw new Error('pocketsphinx is not installed (apt-get install pocketsphinx pocketsphinx-en-us)');
const work = mkdtempSync(join(tmpdir(), 'scribe-espeak-'));

async function measure(transcriber: Transcriber, items: readonly AsrItem[]): Promise<string> {
  let errors = 0;
  let words = 0;
  let written = 0;
  for (const item of items) {
    const { text } = await transcriber.transcribe({ sessionId: item.name, pcm: item.pcm, languageHints: [], workDir: work }, new AbortController().signal);
    const referenceWords = normalizeForWer(item.reference).length;
    errors += wordErrorRate(item.reference, text) * referenceWords;
    words += referenceWords;
    written += normalizeForWer(text).length;
  }
  return `${((errors / words) * 100).toFixed(1)} | ${written} / ${words}`;
}

const part = process.argv[2];
try {
  if (part !== 'recogniser') {
    const today = createPocketsphinxTranscriber(installation);
    console.log(`espeak-ng settings, first ${DIALOGUES} validation dialogues, today's transcriber\n`);
    console.log('| espeak-ng | WER % | words written / said |');
    console.log('| --- | --- | --- |');
    for (const [name, espeak] of Object.entries(SYNTHESIS)) console.log(`| ${name} | ${await measure(today, dialogueItems('espeak', { espeak }).slice(0, DIALOGUES))} |`);
  }
  if (part !== 'synthesis') {
    const sets: Record<string, AsrItem[]> = { 'mts-dialog espeak': dialogueItems('espeak').slice(0, DIALOGUES), 'mts-dialog flite': dialogueItems('flite').slice(0, DIALOGUES), samples: sampleItems() };
    console.log(`\npocketsphinx settings (with the medical vocabulary), first ${DIALOGUES} validation dialogues and the five samples\n`);
    console.log(`| pocketsphinx | ${Object.keys(sets).map((set) => `${set} WER % | written / said`).join(' | ')} |`);
    console.log(`| --- | ${Object.keys(sets).map(() => '--- | ---').join(' | ')} |`);
    for (const [name, extraArgs] of Object.entries(RECOGNISER)) {
      const transcriber = createPocketsphinxTranscriber(installation, { extraArgs });
      const cells: string[] = [];
      for (const items of Object.values(sets)) cells.push(await measure(transcriber, items));
      console.log(`| ${name} | ${cells.join(' | ')} |`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
