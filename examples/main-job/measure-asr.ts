/**
 * Measures the recogniser alone, with and without its medical vocabulary (issue 13): word error rate and drug-name
 * recall on the five samples and on ten MTS-Dialog validation dialogues (IDs below) re-spoken by flite and by espeak-ng.
 * Prints Markdown tables (the ones in docs/benchmarks.md). Needs Debian's pocketsphinx, espeak-ng and ffmpeg; the
 * synthesized turns are cached (speak-dialogue.ts).
 *
 *   pnpm -F example-main-job quality:asr
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPocketsphinxTranscriber, findPocketsphinx } from '@scribe/server';
import { asrDialogues, dialogueItems, drugRecall, sampleItems, type AsrItem } from './asr-sets';
import { normalizeForWer, wordErrorRate } from './quality';

const installation = findPocketsphinx();
if (!installation) throw new Error('pocketsphinx is not installed (apt-get install pocketsphinx pocketsphinx-en-us)');
const configs = { before: createPocketsphinxTranscriber(installation, { vocabulary: false }), after: createPocketsphinxTranscriber(installation) };
const work = mkdtempSync(join(tmpdir(), 'scribe-asr-'));
try {
  const sets: Record<string, AsrItem[]> = { samples: sampleItems() };
  console.log(`MTS-Dialog validation IDs: ${asrDialogues().map((dialogue) => dialogue.id).join(', ')}\n`);
  for (const voice of ['flite', 'espeak'] as const) sets[`mts-dialog ${voice}`] = dialogueItems(voice);
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
