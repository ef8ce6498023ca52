/**
 * The main job, end to end on this machine: start a local @scribe/server, then run the node-chunks example against
 * it with its development account. `--json` prints the raw result instead.
 */
import { startServer } from '@scribe/server';
import { printResult, SAMPLE_CHUNKS, uploadChunksAndWait } from './index';

const server = await startServer({ port: 0 });
console.log(`local scribe server on ${server.url}\n`);
try {
  const result = await uploadChunksAndWait(SAMPLE_CHUNKS, {
    baseUrl: server.url,
    authBaseUrl: server.url,
    clientId: 'local-dev-client',
    clientSecret: 'local-dev-secret',
    defaultTemplates: ['clinical_notes_template', 'eka_emr_template'],
    dotEnv: false,
  });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printResult(result);
} finally {
  await server.close();
}
