/**
 * The controller end to end on this machine: a local @scribe/server, the bundled recording, its development account.
 * `--stream` streams instead of uploading chunks; `--json` prints the raw result.
 */
import { printResult, runDemo } from 'example-demo-support';
import { runSession, SAMPLE_RECORDING } from './index';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? SAMPLE_RECORDING;
await runDemo((client) => runSession(file, client, process.argv.includes('--stream') ? 'stream' : 'chunks'), { print: printResult });
