// The consumer program of the TypeScript project with moduleResolution: bundler, copied there by
// scripts/pack-install-check.mjs.
import { ScribeClient, loadSileroModel, type SessionResult, type SileroModelOptions } from '@scribe/node';

// @ts-expect-error: proves the declarations are really read (directSession is a boolean).
const wrong: SileroModelOptions = { directSession: 'yes' };
void wrong;

async function main(sample: string): Promise<void> {
  const model = await loadSileroModel({ runtime: 'auto' });
  const inference: 'direct' | 'session' | 'wasm' = model.inference;
  await model.dispose();
  const client = new ScribeClient();
  try {
    const result: SessionResult = await client.transcribe(sample);
    console.log(JSON.stringify({ inference, status: result.status, transcript: result.transcript ?? '' }));
  } finally {
    await client.close();
  }
}

const sample = process.argv[2];
if (!sample) throw new Error('usage: node dist/index.js SAMPLE.wav');
await main(sample);
