/**
 * Measures the whole main job on re-spoken MTS-Dialog (issue 13): twenty test-split dialogues (IDs below) are spoken
 * turn by turn by flite and by espeak-ng, each recording goes through the local server exactly as the main job sends
 * it (@scribe/node: decode, Silero speech chunks, upload; the server's pocketsphinx and rule-based extractor), and
 * the EMR is scored against the clinician's note like the text path (dialogue-score.ts), whose scores on the same
 * dialogues are printed beside it. Prints the Markdown table of docs/benchmarks.md. A benchmark, not a test: needs
 * Debian's pocketsphinx, espeak-ng and ffmpeg; synthesized turns are cached (speak-dialogue.ts).
 *
 *   pnpm -F example-main-job quality:dialogues:audio
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '@scribe/core/internal';
import { emptyEkaEmr, parseTemplateData } from '@scribe/core/templates';
import { createRuleBasedExtractor, selectEngine, startServer } from '@scribe/server';
import { dialogueTurns, loadDialogues } from './dialogue-dataset';
import { SECTION_FIELDS } from './dialogue-gold';
import { addDialogueScore, DIALOGUE_FIELDS, emptyDialogueScore, ratios, scoreDialogues, type DialogueScore } from './dialogue-score';
import { normalizeForWer, wordErrorRate } from './quality';
import { runMainJob } from './run-main-job';
import { speakDialogue } from './speak-dialogue';

// Pinned, chosen by rule and not by outcome: the first twenty test-split dialogues (file order) whose note section is
// scored for precision and recall (CC, GENHX, ROS, MEDICATIONS, ASSESSMENT, DIAGNOSIS, PASTMEDICALHX), 2,617 words.
const DIALOGUE_IDS = ['0', '2', '6', '10', '11', '13', '14', '15', '18', '19', '20', '21', '26', '27', '29', '31', '34', '36', '38', '40'];

const all = loadDialogues('test');
const subset = DIALOGUE_IDS.map((id) => {
  const dialogue = all.find((candidate) => candidate.id === id);
  if (!dialogue || !SECTION_FIELDS[dialogue.section]) throw new Error(`MTS-Dialog test dialogue ${id} is missing or not scored`);
  return dialogue;
});

const notes = { flite: 0, espeak: 0 };
const rows: { path: string; score: DialogueScore; wer?: number; empty?: number }[] = [];
const extractor = createRuleBasedExtractor();
for (const shape of ['labelled', 'recogniser'] as const) rows.push({ path: `text, ${shape}`, score: await scoreDialogues(extractor, subset, shape) });

const { engine, description } = selectEngine();
const server = await startServer({ port: 0, engine, log: () => {} });
const work = mkdtempSync(join(tmpdir(), 'scribe-dialogue-audio-'));
try {
  for (const voice of ['flite', 'espeak'] as const) {
    // Question findings are looked for in the recogniser's shape: the transcript has no labels or punctuation.
    const score = emptyDialogueScore('recogniser');
    let errors = 0;
    let words = 0;
    for (const dialogue of subset) {
      const turns = dialogueTurns(dialogue.dialogue);
      const wav = join(work, `${voice}-${dialogue.id}.wav`);
      writeFileSync(wav, encodeWav(speakDialogue(voice, turns), { sampleRate: 16000 }));
      const result = await runMainJob(wav, { baseUrl: server.url, templates: ['eka_emr_template'] });
      const entry = result.templatesById.eka_emr_template;
      const parsed = entry?.status === 'success' ? parseTemplateData('eka_emr_template', entry.data) : undefined;
      // A transcript with no clinical content gets no note (extraction_failed): scored as an empty EMR.
      const empty = entry?.status === 'failed' && entry.error?.code === 'extraction_failed';
      if (!parsed?.success && !empty) throw new Error(`dialogue ${dialogue.id} (${voice}): no EMR (${JSON.stringify(entry ?? 'missing').slice(0, 300)})`);
      if (empty) notes[voice] += 1;
      addDialogueScore(score, dialogue, parsed?.success ? parsed.data : emptyEkaEmr());
      const reference = turns.map((turn) => turn.text).join('\n');
      const referenceWords = normalizeForWer(reference).length;
      errors += wordErrorRate(reference, result.transcript ?? '') * referenceWords;
      words += referenceWords;
      if (process.env.AUDIO_VERBOSE) console.error(`${voice} ${dialogue.id}: ${(result.transcript ?? '').replace(/\n/g, ' / ')}`);
    }
    rows.push({ path: `audio, ${voice}`, score, wer: errors / words, empty: notes[voice] });
  }
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(`engine: ${description}`);
console.log(`MTS-Dialog test IDs: ${DIALOGUE_IDS.join(', ')}\n`);
const cell = (score: DialogueScore, field: (typeof DIALOGUE_FIELDS)[number]) => {
  const { precision, recall } = ratios(score.fields[field]);
  return `${precision.toFixed(2)} / ${recall.toFixed(2)} (${score.fields[field].expected})`;
};
console.log(`| path | WER % | ${DIALOGUE_FIELDS.map((field) => `${field} P / R (gold)`).join(' | ')} | findings the note contradicts | question findings | no note |`);
console.log(`| --- | --- | ${DIALOGUE_FIELDS.map(() => '---').join(' | ')} | --- | --- | --- |`);
for (const { path, score, wer, empty } of rows) {
  console.log(`| ${path} | ${wer === undefined ? '-' : (wer * 100).toFixed(1)} | ${DIALOGUE_FIELDS.map((field) => cell(score, field)).join(' | ')} | ${score.polarity.contradicted} of ${score.polarity.judged} | ${score.questionFindings} | ${empty ?? '-'} |`);
}
