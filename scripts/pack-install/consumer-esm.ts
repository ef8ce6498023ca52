// The consumer program of the ESM TypeScript project (module: nodenext), copied there by scripts/pack-install-check.mjs.
import { ScribeClient, loadSileroModel, type SessionResult, type SileroRuntime } from '@scribe/node';

// @ts-expect-error: proves the declarations are really read (an unknown runtime name must not type-check).
const wrong: SileroRuntime = 'gpu';
void wrong;

const sample = process.argv[2];
if (!sample) throw new Error('usage: node dist/index.js SAMPLE.wav');
const model = await loadSileroModel();
const inference: 'direct' | 'session' | 'wasm' = model.inference;
await model.dispose();
const client = new ScribeClient();
try {
  const result: SessionResult = await client.transcribe(sample);
  console.log(JSON.stringify({ inference, status: result.status, transcript: result.transcript ?? '' }));
} finally {
  await client.close();
}
