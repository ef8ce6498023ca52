/**
 * Streaming end to end on this machine: start a local @scribe/server, then stream the sample to it at real-time pace
 * with its development account (`--fast` streams as fast as the server allows; `--json` prints the raw result).
 */
import { startServer } from '@scribe/server';
import { printResult, SAMPLE_AUDIO, streamAndWait } from './index';

const server = await startServer({ port: 0 });
console.log(`local scribe server on ${server.url}\n`);
try {
  const result = await streamAndWait(SAMPLE_AUDIO, process.argv.includes('--fast'), {
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
