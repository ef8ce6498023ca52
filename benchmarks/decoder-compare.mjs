// Issue 12: the SDK's own FLAC, Ogg Vorbis and Ogg Opus decoding against the wasm-audio-decoders libraries that could
// replace it, side by side in one run: CPU seconds, real-time factor, peak RSS and live JS memory, each decode in a
// fresh process pinned to one core (best of the repetitions); then whether each library gives the SDK's samples on the
// committed fixtures (sample counts and the largest difference). Inputs as in run.mjs: the speech fixture looped with
// ffmpeg to the wanted length. The libraries are installed with npm into a cache directory outside the workspace, so
// the SDK does not depend on them to measure them.
//
//   node benchmarks/decoder-compare.mjs [--minutes 10,60] [--repetitions 3]
//
// Environment: SCRIBE_DECODER_COMPARE_DIR, where the libraries are installed (default: scribe-decoder-compare under
// the system temp directory, kept between runs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, SPEECH_SECONDS, SPEECH_WAV, ffmpeg, runWorker } from './lib/common.mjs';

/** The candidates, at the versions measured (docs/architecture.md). */
const LIBRARIES = { '@wasm-audio-decoders/flac': '0.2.11', '@wasm-audio-decoders/ogg-vorbis': '0.1.20', 'ogg-opus-decoder': '1.7.5' };
const FIXTURES = join(ROOT, 'packages', 'node', 'test', 'fixtures', 'audio');
const EXACTNESS = [
  ['flac', 'speech.flac'],
  ['flac', 'speech-flac.ogg'],
  ['vorbis', 'speech-vorbis.ogg'],
  ['opus', 'speech-opus.ogg'],
];
const CODECS = [
  { codec: 'flac', label: 'FLAC 16 kHz mono', ext: 'flac', args: ['-c:a', 'flac'] },
  { codec: 'vorbis', label: 'Ogg Vorbis q0', ext: 'ogg', args: ['-c:a', 'libvorbis', '-q:a', '0'] },
  { codec: 'opus', label: 'Ogg Opus 24 kbit/s', ext: 'ogg', args: ['-c:a', 'libopus', '-b:a', '24k'] },
];

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10,60' }, repetitions: { type: 'string', default: '3' } } });
const minutesList = values.minutes.split(',').map(Number);
const repetitions = Number(values.repetitions);
const libraries = process.env.SCRIBE_DECODER_COMPARE_DIR ?? join(tmpdir(), 'scribe-decoder-compare');

function installLibraries() {
  mkdirSync(libraries, { recursive: true });
  writeFileSync(join(libraries, 'package.json'), `${JSON.stringify({ private: true, dependencies: LIBRARIES }, null, 2)}\n`);
  if (Object.keys(LIBRARIES).every((name) => existsSync(join(libraries, 'node_modules', name, 'package.json')))) return;
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: libraries, stdio: ['ignore', 'ignore', 'inherit'] });
}

// The fastest of the timed runs (no forced GC, which would cost CPU), the highest peak RSS of them, and the live JS
// memory of one more run with --expose-gc.
async function best(variant, codec, file) {
  const args = [variant, codec, file, libraries];
  let winner;
  let peak = 0;
  for (let run = 0; run < repetitions; run += 1) {
    const result = await runWorker('decoder-compare-worker.mjs', args);
    peak = Math.max(peak, result.maxRssMb);
    if (!winner || result.cpu < winner.cpu) winner = result;
  }
  const { liveMb } = await runWorker('decoder-compare-worker.mjs', args, { nodeFlags: ['--expose-gc'] });
  return { ...winner, maxRssMb: peak, liveMb };
}

installLibraries();
const work = mkdtempSync(join(tmpdir(), 'scribe-decoder-compare-'));
const rows = [];
try {
  for (const minutes of minutesList) {
    const loops = Math.ceil((minutes * 60) / SPEECH_SECONDS);
    for (const { codec, label, ext, args } of CODECS) {
      const file = join(work, `${codec}-${minutes}.${ext}`);
      ffmpeg('-stream_loop', String(loops - 1), '-i', SPEECH_WAV, '-t', String(minutes * 60), ...args, file);
      const [scribe, library] = [await best('scribe', codec, file), await best('library', codec, file)];
      rows.push({ minutes, label, scribe, library });
      console.error(`[decoder-compare] ${label}, ${minutes} min: scribe ${scribe.cpu.toFixed(2)} s, library ${library.cpu.toFixed(2)} s`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const rtf = (row, result) => `${Math.round((row.minutes * 60) / result.cpu)}×`;
console.log('| input | SDK CPU | library CPU | library / SDK | SDK RTF | library RTF | SDK peak RSS | library peak RSS | SDK live JS | library live JS | samples SDK / library |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) {
  const { scribe, library } = row;
  console.log(
    `| ${row.label}, ${row.minutes} min | ${scribe.cpu.toFixed(2)} s | ${library.cpu.toFixed(2)} s | ${(library.cpu / scribe.cpu).toFixed(2)} | ${rtf(row, scribe)} | ${rtf(row, library)} | ` +
      `${Math.round(scribe.maxRssMb)} MB | ${Math.round(library.maxRssMb)} MB | ${Math.round(scribe.liveMb)} MB | ${Math.round(library.liveMb)} MB | ${scribe.samples} @ ${scribe.sampleRate} / ${library.samples} @ ${library.sampleRate}${library.errors ? ` (${library.errors} errors)` : ''} |`,
  );
}

console.log('');
console.log('| fixture | samples, SDK | samples, library | largest difference |');
console.log('| --- | ---: | ---: | ---: |');
for (const [codec, fixture] of EXACTNESS) {
  const { samples, maxDifference } = await runWorker('decoder-compare-worker.mjs', ['exact', codec, join(FIXTURES, fixture), libraries]);
  console.log(`| ${fixture} | ${samples[0]} | ${samples[1]} | ${maxDifference === 0 ? '0 (identical)' : maxDifference.toExponential(2)} |`);
}
