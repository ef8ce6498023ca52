/**
 * Dictation end to end on a machine without a sound card: start a local @scribe/server, define an ALSA device whose
 * "microphone" plays the bundled sample consultation (raw PCM through the ALSA `file` plugin, in a temporary
 * configuration; nothing global is touched), and dictate into the server with its development account. The server
 * transcribes with pocketsphinx when it is installed (`npm run demo` at the root installs it on Debian).
 */
import { selectEngine, startServer } from '@scribe/server';
import { dictate, printResult } from './index';
import { sampleMicrophone } from './sample-microphone';

const { engine, description } = selectEngine();
const server = await startServer({ port: 0, engine });
console.log(`local scribe server on ${server.url} (engine: ${description})\n`);
await using mic = await sampleMicrophone();
try {
  const result = await dictate(mic.input, {
    baseUrl: server.url,
    authBaseUrl: server.url,
    clientId: 'local-dev-client',
    clientSecret: 'local-dev-secret',
    defaultTemplates: ['clinical_notes_template', 'eka_emr_template'],
    dotEnv: false,
  });
  printResult(result);
} finally {
  await server.close();
}
