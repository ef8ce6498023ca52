/**
 * Chunked upload end to end on this machine: start a local @scribe/server, then run the node-chunks example against
 * it with its development account. `--json` prints the raw result instead.
 */
import { printResult, runDemo } from 'example-demo-support';
import { SAMPLE_CHUNKS, uploadChunksAndWait } from './index';

await runDemo((client) => uploadChunksAndWait(SAMPLE_CHUNKS, client), { print: printResult });
