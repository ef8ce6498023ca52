/**
 * The seed's snippet end to end on this machine: start a local @scribe/server, then upload the bundled recording to
 * it with its development account. `--json` prints the raw result instead. Pass a path to use another recording.
 */
import { startServer } from '@scribe/server';
import { printResult, SAMPLE_RECORDING, uploadFileAndWait } from './index';

const server = await startServer({ port: 0 });
console.log(`local scribe server on ${server.url}\n`);
try {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? SAMPLE_RECORDING;
  const result = await uploadFileAndWait(file, {
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
