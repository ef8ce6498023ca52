/**
 * The main job, end to end on this machine (the README's first command): start the local @scribe/server with its
 * real engine (pocketsphinx when installed, the rule-based clinical extractor), upload a sample consultation with
 * @scribe/node, and print the transcript and the notes.
 *
 *   npm run demo                                  # the default sample
 *   npm run demo -- --sample asthma-wheezing      # another one (see examples/samples/)
 *   npm run demo -- --file my-recording.mp3       # your own recording (English)
 *   npm run demo -- --json                        # the raw result as JSON
 */
import { parseArgs } from 'node:util';
import { selectEngine, startServer } from '@scribe/server';
import { printResult } from './print-result';
import { runMainJob } from './run-main-job';
import { DEFAULT_SAMPLE, loadSample } from './samples';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { sample: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' }, mp3: { type: 'boolean' } },
});
const json = values.json ?? false;
const say = (line: string) => (json ? console.error(line) : console.log(line));
const sample = values.file ? undefined : loadSample(values.sample ?? DEFAULT_SAMPLE);
const audioPath = values.file ?? (values.mp3 ? sample!.mp3 : sample!.wav);

const { engine, description } = selectEngine();
const server = await startServer({ port: 0, engine });
say(`local scribe server on ${server.url}\nengine: ${description}\naudio: ${audioPath}\n`);
try {
  const result = await runMainJob(audioPath, { baseUrl: server.url, log: say });
  if (json) console.log(JSON.stringify({ ...result.raw }, null, 2));
  else printResult(result);
  if (sample && !json) console.log(`\n(the sample's script is in ${sample.name}/transcript.txt, its expected fields in ${sample.name}/gold.json)`);
  process.exitCode = result.status === 'completed' || result.status === 'partial' ? 0 : 1;
} finally {
  await server.close();
}
