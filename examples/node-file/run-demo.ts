/**
 * The seed's snippet end to end on this machine: start a local @scribe/server, then upload the bundled recording to
 * it with its development account. `--json` prints the raw result instead. Pass a path to use another recording.
 */
import { runDemo } from 'example-demo-support';
import { printResult, SAMPLE_RECORDING, uploadFileAndWait } from './index';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? SAMPLE_RECORDING;
await runDemo((client) => uploadFileAndWait(file, client), { print: printResult });
