/**
 * The seed's snippet in TypeScript: one recording in, structured notes out.
 *
 *   SCRIBE_CLIENT_ID=... SCRIBE_CLIENT_SECRET=... SCRIBE_DEFAULT_TEMPLATES=clinical_notes_template pnpm start [visit.wav]
 *
 * `uploadAudioFile` decodes the file on this machine (WAV, MP3, Ogg Opus/Vorbis, WebM, FLAC; M4A/AAC with a system
 * ffmpeg), finds the speech with Silero VAD, and uploads only speech, in chunks cut at pauses, while it is still
 * reading the file; then it ends the session. Configuration comes from .env, SCRIBE_* variables or
 * scribe.config.json, like any ScribeClient. `run-demo.ts` runs it against a local @scribe/server instead.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScribeClient, type ScribeClientOptions, type SessionResult } from '@scribe/node';

/** The bundled sample recording: a 23-second synthesised consultation about chest pain (16 kHz WAV). */
export const SAMPLE_RECORDING = join(import.meta.dirname, '..', 'samples', 'chest-pain-consultation', 'chest-pain-consultation.wav');

/** The snippet, with progress printed along the way. */
export async function uploadFileAndWait(path: string, options: ScribeClientOptions = {}): Promise<SessionResult> {
  await using client = new ScribeClient(options);
  const s = await client.createSession();
  console.log(`session ${s.sessionId} created; reading ${path}`);
  const { acknowledged: chunks } = await client.uploadAudioFile(s.sessionId, path, {
    onProgress: (event) => {
      if (event.type === 'chunk-ready') console.log(`  speech ${event.startSeconds.toFixed(1)}–${event.endSeconds.toFixed(1)} s → chunk of ${event.durationSeconds.toFixed(1)} s`);
      if (event.type === 'chunk-uploaded') console.log(`  uploaded ${event.fileName}`);
      if (event.type === 'chunk-retried') console.log(`  retrying ${event.fileName}`);
    },
  });
  console.log(`${chunks} chunk(s) of speech uploaded; session ended, waiting for the notes...`);
  const result = await client.waitForResults(s.sessionId);
  return result;
}

/** Prints what the seed prints (`result.templates`), after the status and transcript. */
export function printResult(result: SessionResult): void {
  console.log(`\nstatus: ${result.status}`);
  if (result.error) console.log(`error: ${result.error.code}: ${result.error.message}`);
  console.log(`transcript: ${result.transcript ?? '(none)'}\n`);
  console.log(JSON.stringify(result.templates, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResult(await uploadFileAndWait(process.argv[2] ?? SAMPLE_RECORDING));
}
