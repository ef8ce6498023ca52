/* global process */
// A Node process recording into a session with an on-disk queue, killed by the test with SIGKILL.
// Usage: node queue-crash-child.mjs <service URL> <queue dir> <wav file>. Prints one JSON line per snapshot.
import { DEV_ACCOUNT } from '@scribe/server';
import { ScribeClient } from '@scribe/node';

const [url, queueDir, file] = process.argv.slice(2);
const client = new ScribeClient({
  cwd: queueDir,
  processEnv: {},
  baseUrl: url,
  authBaseUrl: url,
  clientId: DEV_ACCOUNT.clientId,
  clientSecret: DEV_ACCOUNT.clientSecret,
  defaultTemplates: ['clinical_notes_template'],
  maxRetries: 0,
  queueDir,
});
const session = client.session({
  audio: { file },
  speech: { chunking: { preferredChunkSeconds: 4, maxChunkSeconds: 8 } },
  queue: { retry: { initialDelayMs: 50, maxDelayMs: 200 } },
});
session.subscribe(() => {
  const snapshot = session.getSnapshot();
  const { chunksCut, chunksPending, chunksAcknowledged, connection } = snapshot.activity;
  process.stdout.write(`${JSON.stringify({ status: snapshot.status, sessionId: session.sessionId, chunksCut, chunksPending, chunksAcknowledged, connection })}\n`);
});
await session.start();
await session.result();
