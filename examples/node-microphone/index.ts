/**
 * Dictation from the microphone: talk, press Ctrl-C (or wait for `--seconds`), get the notes.
 *
 *   SCRIBE_CLIENT_ID=... SCRIBE_CLIENT_SECRET=... SCRIBE_DEFAULT_TEMPLATES=clinical_notes_template pnpm start [--device hw:1,0] [--seconds 60]
 *
 * `openMicrophone` captures 16 kHz mono PCM with arecord (Debian `alsa-utils`) or sox. `uploadPcm` runs Silero on
 * the frames as they arrive and uploads each speech chunk as soon as a pause closes it, so when you stop talking only
 * the last chunk is left to send; then it ends the session. `run-demo.ts` runs it without a sound card, against a
 * local @scribe/server, with an ALSA device that plays the bundled sample consultation.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openMicrophone, ScribeClient, type MicrophoneOptions, type ScribeClientOptions, type SessionResult } from '@scribe/node';
import { printResult } from 'example-demo-support';

/** What to record from: the capture options of `openMicrophone` (device, maxSeconds, env...). */
export type DictationInput = MicrophoneOptions;

/** Records until Ctrl-C or `maxSeconds`, uploading speech chunks during the recording, then waits for the notes. */
export async function dictate(input: DictationInput, options: ScribeClientOptions = {}): Promise<SessionResult> {
  await using client = new ScribeClient(options);
  const session = await client.createSession({ sessionMode: 'dictation' });
  await using mic = openMicrophone(input);
  // Ctrl-C ends the recording, not the program: what was said is still uploaded and processed.
  const stopRecording = () => void mic.stop();
  process.once('SIGINT', stopRecording);
  console.log(`session ${session.sessionId}: recording${input.maxSeconds ? ` for up to ${input.maxSeconds} s` : ''}, Ctrl-C to finish`);
  try {
    const { acknowledged: chunks } = await client.uploadPcm(session.sessionId, mic, {
      sampleRate: 16000,
      onProgress: (event) => {
        if (event.type === 'chunk-ready') console.log(`  speech ${event.startSeconds.toFixed(1)}–${event.endSeconds.toFixed(1)} s`);
        if (event.type === 'chunk-uploaded') console.log(`  uploaded ${event.fileName}`);
      },
    });
    console.log(`${chunks} chunk(s) of speech uploaded; session ended, waiting for the notes...`);
  } finally {
    process.off('SIGINT', stopRecording);
  }
  return await client.waitForResults(session.sessionId);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { device: { type: 'string' }, seconds: { type: 'string' } } });
  printResult(await dictate({ device: values.device, maxSeconds: values.seconds ? Number(values.seconds) : undefined }));
}
