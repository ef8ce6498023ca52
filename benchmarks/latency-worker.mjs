// Time from the end of the input (the decoder's last block) to the end-session call, against the local server.
//   node latency-worker.mjs <server url> <file> <mode: pipelined | read-ahead-0 | collect-first>
// pipelined: uploadAudioFile as shipped (readAhead 2). read-ahead-0: uploadAudioFile with readAhead 0 (detection
// waits for each upload). collect-first: what the Python SDK does: detect over the whole file, keep every chunk, then
// upload them one by one and end.
import { benchClient } from './lib/bench-client.mjs';
import { core, node } from './lib/modules.mjs';

const [url, file, mode] = process.argv.slice(2);
let endCalledAt = 0;
const uploads = [];
const timedFetch = async (input, init) => {
  const target = String(input instanceof Request ? input.url : input);
  const startedAt = performance.now();
  if (target.endsWith('/end')) endCalledAt = startedAt;
  const response = await fetch(input, init);
  if (target.includes('/audio/')) uploads.push({ startedAt, endedAt: performance.now() });
  return response;
};
const client = benchClient(url, { fetch: timedFetch });
const session = await client.createSession();
let inputEndedAt = 0;
const onProgress = (event) => {
  if (event.type === 'audio-decoded') inputEndedAt = performance.now();
};
const started = performance.now();
let chunks;
if (mode === 'pipelined') ({ acknowledged: chunks } = await client.uploadAudioFile(session.sessionId, file, { onProgress }));
else if (mode === 'read-ahead-0') ({ acknowledged: chunks } = await client.uploadAudioFile(session.sessionId, file, { onProgress, readAhead: 0 }));
else if (mode === 'collect-first') {
  const model = await node.loadSileroModel();
  const detector = model.createDetector();
  const all = [];
  for await (const chunk of core.speechChunks(node.decodeAudio(file), { vad: detector, maxChunkSeconds: 20, onProgress })) all.push(chunk);
  await detector.dispose();
  await model.dispose();
  ({ acknowledged: chunks } = await client.uploadChunks(session.sessionId, all));
} else throw new Error(`unknown mode ${mode}`);
const total = (performance.now() - started) / 1000;
const uploadMs = uploads.map((upload) => upload.endedAt - upload.startedAt);
console.log(
  JSON.stringify({
    mode,
    chunks,
    totalSeconds: total,
    inputToEndMs: endCalledAt - inputEndedAt,
    meanUploadMs: uploadMs.reduce((sum, ms) => sum + ms, 0) / uploadMs.length,
    uploadsAfterInputEnd: uploads.filter((upload) => upload.endedAt > inputEndedAt).length,
  }),
);
await client.close();
