/**
 * One session as a controller: `client.session()` owns create → audio in → end → result, and its snapshot says what
 * is happening at every moment (the same snapshot a React screen renders).
 *
 *   SCRIBE_CLIENT_ID=... SCRIBE_CLIENT_SECRET=... pnpm start [visit.wav] [--stream]
 *
 * By default speech is found on this machine and uploaded in chunks; `--stream` sends the audio live over a WebSocket
 * instead. `run-demo.ts` runs it against a local @scribe/server.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScribeClient, type ScribeClientOptions, type SessionResult, type SessionState } from '@scribe/node';

/** The bundled sample recording: a 23-second synthesised consultation about chest pain (16 kHz WAV). */
export const SAMPLE_RECORDING = join(import.meta.dirname, '..', 'samples', 'chest-pain-consultation', 'chest-pain-consultation.wav');

/** One line describing a snapshot: what a status bar would show. */
export function describeSnapshot({ status, activity: a }: SessionState): string {
  const audio = `${a.audioSeconds.toFixed(1)} s audio, ${a.speechSeconds.toFixed(1)} s speech`;
  const chunks = `chunks ${a.chunksAcknowledged}/${a.chunksCut} uploaded${a.chunksFailed ? `, ${a.chunksFailed} failed` : ''}`;
  const socket = a.connection === 'idle' ? '' : `, socket ${a.connection}, ${(a.bytesAcknowledged / 32000).toFixed(1)} s stored`;
  return `${status.padEnd(10)} ${audio}, ${chunks}${socket}`;
}

/** Runs one session on `path`, printing a line whenever the status or a counter changes; resolves with the result. */
export async function runSession(path: string, options: ScribeClientOptions = {}, transport: 'chunks' | 'stream' = 'chunks'): Promise<SessionResult> {
  await using client = new ScribeClient(options);
  const session = client.session({ audio: { file: path }, transport });
  let last = '';
  const unsubscribe = session.subscribe(() => {
    const line = describeSnapshot(session.getSnapshot());
    if (line !== last) console.log((last = line));
  });
  try {
    await session.start();
    return await session.result();
  } finally {
    unsubscribe();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? SAMPLE_RECORDING;
  const result = await runSession(path, {}, process.argv.includes('--stream') ? 'stream' : 'chunks');
  console.log(`\n${result.status}: ${result.transcript ?? '(no transcript)'}`);
}
