/**
 * Streaming end to end on this machine: start a local @scribe/server, then stream the sample to it at real-time pace
 * with its development account (`--fast` streams as fast as the server allows; `--json` prints the raw result).
 */
import { printResult, runDemo } from 'example-demo-support';
import { SAMPLE_AUDIO, streamAndWait } from './index';

await runDemo((client) => streamAndWait(SAMPLE_AUDIO, process.argv.includes('--fast'), client), { print: printResult });
