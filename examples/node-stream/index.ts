/**
 * Streams a recording to a scribe service over a WebSocket at real-time pace, as a live consultation would arrive,
 * then prints the structured result.
 *
 *   SCRIBE_CLIENT_ID=... SCRIBE_CLIENT_SECRET=... SCRIBE_DEFAULT_TEMPLATES=clinical_notes_template pnpm start [audio-file] [--fast]
 *
 * Any format the SDK decodes (WAV, MP3, Ogg, WebM, FLAC...) is decoded and resampled to 16 kHz mono PCM locally.
 * `run-demo.ts` runs it against a local @scribe/server instead of EkaScribe.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createResampler, downmixToMono, floatToInt16 } from '@scribe/core/internal';
import { decodeAudio, ScribeClient, type ScribeClientOptions, type SessionResult } from '@scribe/node';
import { printResult } from 'example-demo-support';

/** The bundled sample: a synthesised chest-pain consultation (23 s). */
export const SAMPLE_AUDIO = join(import.meta.dirname, '..', 'samples', 'chest-pain-consultation', 'chest-pain-consultation.wav');

/** Decodes any audio file to 16 kHz mono 16-bit PCM pieces, one decoded block at a time. */
async function* pcm16k(path: string): AsyncGenerator<Uint8Array> {
  let resampler: ReturnType<typeof createResampler> | undefined;
  const toBytes = (samples: Float32Array) => new Uint8Array(floatToInt16(samples).buffer);
  for await (const block of decodeAudio(path)) {
    resampler ??= createResampler({ inputRate: block.sampleRate, outputRate: 16000 });
    yield toBytes(resampler.process(downmixToMono(block.channels)));
  }
  if (resampler) yield toBytes(resampler.flush());
}

/** Creates a stream session, streams the file (real time unless `fast`), stops (which ends the session), waits. */
export async function streamAndWait(path: string, fast: boolean, options: ScribeClientOptions = {}): Promise<SessionResult> {
  await using client = new ScribeClient(options);
  // Leaving the scope stops the stream and ends the session even if sending fails.
  await using stream = await client.openStream();
  console.log(`session ${stream.sessionId}: streaming ${path} ${fast ? 'as fast as allowed' : 'at real-time pace'} (resume ${stream.resume ? 'on' : 'off'})`);
  let connection = stream.connection;
  stream.subscribe((snapshot) => {
    if (snapshot.connection !== connection) console.log(`  connection: ${(connection = snapshot.connection)}`);
  });
  const sent = await stream.sendPcm(pcm16k(path), { pace: fast ? 'fast' : 'realtime' });
  const stopped = await stream.stop();
  console.log(`${sent.seconds.toFixed(1)} s streamed; ${stopped.end?.audioFilesReceived ?? 0} speech chunks stored; waiting for the notes...`);
  return await client.waitForResults(stream.sessionId, { onUpdate: (update) => console.log(`  status: ${update.status}`) });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const result = await streamAndWait(args.find((arg) => !arg.startsWith('--')) ?? SAMPLE_AUDIO, args.includes('--fast'));
  printResult(result);
}
