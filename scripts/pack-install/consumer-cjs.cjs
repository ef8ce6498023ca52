// The consumer program of the CommonJS JavaScript project (type-checked with checkJs), copied there by
// scripts/pack-install-check.mjs.
/* global require, console, process -- a CommonJS program for Node, which the repository's lint config does not assume */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- require() is what this consumer project checks
const { ScribeClient, loadSileroModel } = require('@scribe/node');

/** @param {string} sample */
async function main(sample) {
  const model = await loadSileroModel();
  /** @type {'direct' | 'session' | 'wasm'} */
  const inference = model.inference;
  await model.dispose();
  const client = new ScribeClient();
  try {
    /** @type {import('@scribe/node').SessionResult} */
    const result = await client.transcribe(sample);
    console.log(JSON.stringify({ inference, status: result.status, transcript: result.transcript ?? '' }));
  } finally {
    await client.close();
  }
}

// @ts-expect-error: proves the declarations are really read (loadSileroModel takes an options object).
void loadSileroModel(42).catch(() => undefined);

const sample = process.argv[2];
if (!sample) throw new Error('usage: node index.cjs SAMPLE.wav');
main(sample).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
