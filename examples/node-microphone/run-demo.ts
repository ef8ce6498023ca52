/**
 * Dictation end to end on a machine without a sound card: start a local @scribe/server, define an ALSA device whose
 * "microphone" plays the bundled sample consultation (raw PCM through the ALSA `file` plugin, in a temporary
 * configuration; nothing global is touched), and dictate into the server with its development account. The server
 * transcribes with pocketsphinx when it is installed (`npm run demo` at the root installs it on Debian).
 */
import { printResult, runDemo } from 'example-demo-support';
import { dictate } from './index';
import { sampleMicrophone } from './sample-microphone';

await using mic = await sampleMicrophone();
await runDemo((client) => dictate(mic.input, client), { print: printResult });
