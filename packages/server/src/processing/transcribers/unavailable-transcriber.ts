import { EngineError } from '../engine.js';
import type { Transcriber } from './transcriber.js';

/** Why sessions fail when no recogniser is configured, with both ways to get one. */
export const NO_TRANSCRIBER_MESSAGE =
  'No speech recogniser is available on this server. Either install pocketsphinx and its US English model ' +
  '(Debian/Ubuntu: apt-get install pocketsphinx pocketsphinx-en-us), which is found automatically, or start the ' +
  'server with --transcriber openai-compatible --transcriber-url URL pointing at an OpenAI-compatible ' +
  '/v1/audio/transcriptions endpoint (a local whisper.cpp or faster-whisper server, for example).';

/** The transcriber of a server without one: every session fails with `NO_TRANSCRIBER_MESSAGE`. */
export function createUnavailableTranscriber(): Transcriber {
  return {
    name: 'none',
    async transcribe() {
      throw new EngineError('processing_failed', NO_TRANSCRIBER_MESSAGE);
    },
  };
}
