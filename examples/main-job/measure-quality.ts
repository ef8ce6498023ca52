/**
 * Measures the local engine on every sample: word error rate of the transcript against the script, and precision and
 * recall of the extracted medications, vitals, symptoms and diagnoses against the gold file, for the WAV and the MP3.
 * Prints a Markdown table (the one in docs/benchmarks.md).
 *
 *   pnpm -F example-main-job quality
 */
import { parseTemplateData } from '@scribe/core/templates';
import { selectEngine, startServer } from '@scribe/server';
import { scoreRun, SCORED_FIELDS, type PrecisionRecall } from './quality';
import { runMainJob } from './run-main-job';
import { listSamples } from './samples';

const { engine, description } = selectEngine();
const server = await startServer({ port: 0, engine });
console.log(`engine: ${description}\n`);
const percent = (value: number) => `${(value * 100).toFixed(1)}`;
const pair = (field: PrecisionRecall) => `${percent(field.precision)} / ${percent(field.recall)}`;
console.log(`| sample | file | WER % | ${SCORED_FIELDS.map((field) => `${field} P / R %`).join(' | ')} | all P / R % |`);
console.log(`| --- | --- | --- | ${SCORED_FIELDS.map(() => '---').join(' | ')} | --- |`);
try {
  for (const sample of listSamples()) {
    for (const [format, path] of [['wav', sample.wav], ['mp3', sample.mp3]] as const) {
      const result = await runMainJob(path, { baseUrl: server.url, templates: ['eka_emr_template'] });
      const entry = result.templatesById.eka_emr_template;
      const parsed = entry?.status === 'success' ? parseTemplateData('eka_emr_template', entry.data) : undefined;
      const reference = sample.gold.script.map((line) => line.text).join('\n');
      const score = scoreRun(reference, result.transcript ?? '', parsed?.success ? parsed.data : undefined, sample.gold.expected);
      console.log(`| ${sample.name} | ${format} | ${percent(score.wordErrorRate)} | ${SCORED_FIELDS.map((field) => pair(score.fields[field])).join(' | ')} | ${pair(score.overall)} |`);
    }
  }
} finally {
  await server.close();
}
