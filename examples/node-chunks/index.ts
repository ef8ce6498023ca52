/**
 * Uploads WAV speech chunks to a scribe service and prints the structured result.
 *
 *   SCRIBE_CLIENT_ID=... SCRIBE_CLIENT_SECRET=... SCRIBE_DEFAULT_TEMPLATES=clinical_notes_template pnpm start [chunks-dir]
 *
 * Configuration comes from .env, SCRIBE_* variables or scribe.config.json, like any ScribeClient. `run-demo.ts`
 * runs it against a local @scribe/server instead of EkaScribe.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScribeClient, type ScribeClientOptions, type SessionResult } from '@scribe/node';
import { printResult } from 'example-demo-support';

/** The bundled sample: one utterance of a synthesised consultation per chunk. */
export const SAMPLE_CHUNKS = join(import.meta.dirname, '..', 'samples', 'chest-pain-consultation', 'chunks');

/** Yields the chunk files of a directory in index order (`chunk_2.wav` before `chunk_10.wav`). */
async function* readChunks(directory: string): AsyncGenerator<Uint8Array> {
  const index = (name: string) => Number(/_(\d+)\.wav$/i.exec(name)?.[1] ?? Number.NaN);
  const names = (await readdir(directory)).filter((name) => Number.isFinite(index(name))).sort((a, b) => index(a) - index(b));
  if (names.length === 0) throw new Error(`No chunk_<n>.wav files in ${directory}`);
  for (const name of names) yield await readFile(join(directory, name));
}

/** Runs the round trip: create a session, upload the chunks (which ends the session), wait for the result. */
export async function uploadChunksAndWait(directory: string, options: ScribeClientOptions = {}): Promise<SessionResult> {
  await using client = new ScribeClient(options);
  const session = await client.createSession();
  console.log(`session ${session.sessionId} created (${session.status})`);
  const { acknowledged: sent } = await client.uploadChunks(session.sessionId, readChunks(directory), {
    onProgress: (event) => {
      if (event.type === 'chunk-uploaded') console.log(`  uploaded ${event.fileName}`);
      if (event.type === 'chunk-retried') console.log(`  retrying ${event.fileName}`);
    },
  });
  console.log(`${sent} chunks uploaded; session ended, waiting for the notes...`);
  return await client.waitForResults(session.sessionId, { onUpdate: (update) => console.log(`  status: ${update.status}`) });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await uploadChunksAndWait(process.argv[2] ?? SAMPLE_CHUNKS);
  printResult(result);
}
