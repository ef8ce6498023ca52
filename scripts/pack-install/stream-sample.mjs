// Streams a 16 kHz mono 16-bit WAV sample to a scribe service with the workspace's built @scribe/node and prints the
// result as one JSON line. Run by server-install.mjs against @scribe/server installed from its tarball, so that the
// installed server must cut the stream into speech chunks with its own Silero VAD.
//
//   SCRIBE_BASE_URL=... SCRIBE_CLIENT_ID=... SCRIBE_CLIENT_SECRET=... node scripts/pack-install/stream-sample.mjs SAMPLE.wav
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const { ScribeClient } = await import(join(import.meta.dirname, '..', '..', 'packages', 'node', 'dist', 'index.js'));
const wav = new Uint8Array(await readFile(process.argv[2]));
// The samples are canonical 44-byte-header WAV files at the stream's own format: the rest is the PCM.
const rate = new DataView(wav.buffer, wav.byteOffset).getUint32(24, true);
if (rate !== 16000) throw new Error(`${process.argv[2]} is ${rate} Hz; the stream takes 16000 Hz`);
const client = new ScribeClient();
try {
  const stream = await client.openStream();
  await stream.sendPcm(wav.subarray(44), { pace: 'fast' });
  const stopped = await stream.stop();
  const result = await client.waitForResults(stream.sessionId);
  console.log(JSON.stringify({ chunks: stopped.end?.audioFilesReceived ?? 0, status: result.status, transcript: result.transcript ?? '' }));
} finally {
  await client.close();
}
