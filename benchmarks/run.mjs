// pnpm bench: throughput (decode + Silero VAD + chunking, one core), where the time goes, Silero variants side by
// side, peak memory, and the delay from the end of the input to the end-session call. Writes docs/benchmarks.md.
//
//   node benchmarks/run.mjs [--quick] [--minutes 10,60] [--formats wav,mp3,...] [--out docs/benchmarks.md] [--no-write]
//   node benchmarks/run.mjs --from-results benchmarks/results.json   (re-render the section from saved numbers)
//   node benchmarks/run.mjs --only memory,latency   (measure only those parts; the rest comes from benchmarks/results.json)
//
// Inputs are generated into a temporary directory with ffmpeg from the speech fixture (8.155 s: three sentences
// with their pauses), looped to the wanted length. Workers run in child processes pinned to core 0 with taskset when
// it exists; this process (and the local server) moves to core 1 so it does not compete.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HAS_TASKSET, ROOT, SPEECH_SECONDS, SPEECH_WAV, ffmpeg, ffmpegVersion, runWorker } from './lib/common.mjs';
import { mergeIntoDocument, renderReport } from './lib/report.mjs';

const FORMATS = [
  { id: 'wav', label: 'WAV 16 kHz mono 16-bit', ext: 'wav', args: ['-c:a', 'pcm_s16le'] },
  { id: 'wav-44k-stereo', label: 'WAV 44.1 kHz stereo 16-bit', ext: 'wav', args: ['-ar', '44100', '-ac', '2', '-c:a', 'pcm_s16le'] },
  { id: 'mp3', label: 'MP3 16 kHz mono 32 kbit/s', ext: 'mp3', args: ['-c:a', 'libmp3lame', '-b:a', '32k'] },
  { id: 'mp3-44k-stereo', label: 'MP3 44.1 kHz stereo 128 kbit/s', ext: 'mp3', args: ['-ar', '44100', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k'] },
  { id: 'opus-ogg', label: 'Ogg Opus 24 kbit/s', ext: 'ogg', args: ['-c:a', 'libopus', '-b:a', '24k'] },
  { id: 'vorbis-ogg', label: 'Ogg Vorbis q0', ext: 'ogg', args: ['-c:a', 'libvorbis', '-q:a', '0'] },
  { id: 'opus-webm', label: 'WebM Opus 24 kbit/s', ext: 'webm', args: ['-c:a', 'libopus', '-b:a', '24k'] },
  { id: 'flac', label: 'FLAC 16 kHz mono', ext: 'flac', args: ['-c:a', 'flac'] },
  { id: 'aac-m4a', label: 'M4A AAC 32 kbit/s (system ffmpeg)', ext: 'm4a', args: ['-c:a', 'aac', '-b:a', '32k'] },
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    minutes: { type: 'string' },
    formats: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'docs', 'benchmarks.md') },
    'no-write': { type: 'boolean', default: false },
    'from-results': { type: 'string' },
    only: { type: 'string' },
  },
});
const minutesList = (values.minutes ?? (values.quick ? '10' : '10,60')).split(',').map(Number);
const formats = values.formats ? FORMATS.filter((format) => values.formats.split(',').includes(format.id)) : values.quick ? FORMATS.filter((format) => ['wav', 'mp3'].includes(format.id)) : FORMATS;
const log = (...args) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

const RESULTS = join(ROOT, 'benchmarks', 'results.json');
if (values['from-results']) {
  // Re-render the report from a previous run's numbers (no measuring).
  writeReport(JSON.parse(readFileSync(values['from-results'], 'utf8')));
  process.exit(0);
}

if (HAS_TASKSET && cpus().length > 1) {
  // Every thread of this process (the orchestrator and the local server) onto core 1; workers get core 0.
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
}

const work = mkdtempSync(join(tmpdir(), 'scribe-bench-'));
// The numbers so far, after every measurement: a failure late in the run keeps them (re-render with --from-results).
const save = () => {
  if (!values['no-write']) writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
};
const PARTS = ['throughput', 'silero', 'memory', 'latency'];
const only = values.only ? values.only.split(',') : PARTS;
if (only.some((part) => !PARTS.includes(part))) throw new Error(`--only takes ${PARTS.join(', ')}`);
const previous = values.only ? JSON.parse(readFileSync(RESULTS, 'utf8')) : undefined;
const results = {
  date: new Date().toISOString(),
  command: `node benchmarks/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    kernel: release(),
    node: process.version,
    onnxruntime: readVersion('packages/node/node_modules/onnxruntime-node/package.json'),
    ffmpeg: ffmpegVersion(),
    pinned: HAS_TASKSET,
  },
  formats: formats.map(({ id, label }) => ({ id, label })),
  minutes: minutesList,
  throughput: {},
  silero: undefined,
  memory: {},
  latency: [],
  measuredAt: {},
};
if (previous) {
  // Parts not measured this time keep their numbers (and their dates) from the previous run.
  const command = results.command;
  Object.assign(results, previous, { date: results.date, machine: results.machine, command });
  results.measuredAt = { ...previous.measuredAt };
  results.commandFor = { ...previous.commandFor };
  for (const part of only) results[part] = part === 'latency' ? [] : part === 'silero' ? undefined : {};
}
results.commandFor ??= {};
for (const part of only) {
  results.measuredAt[part] = results.date;
  results.commandFor[part] = results.command;
}

try {
  // Inputs: a 16 kHz mono master per length (the fixture looped, pauses kept), then each format from it.
  const inputs = {};
  for (const minutes of [...minutesList, 'short']) {
    const master = join(work, `speech-${minutes}.wav`);
    if (minutes === 'short') ffmpeg('-i', SPEECH_WAV, '-c:a', 'pcm_s16le', master);
    else ffmpeg('-stream_loop', '-1', '-i', SPEECH_WAV, '-t', String(minutes * 60), '-c:a', 'pcm_s16le', master);
    for (const format of formats) {
      const path = join(work, `speech-${minutes}-${format.id}.${format.ext}`);
      log(`generating ${path}`);
      ffmpeg('-i', master, ...format.args, path);
      inputs[`${format.id}/${minutes}`] = { path, bytes: statSync(path).size };
    }
    inputs[`master/${minutes}`] = { path: master };
  }
  const seconds = (minutes) => (minutes === 'short' ? SPEECH_SECONDS : minutes * 60);

  // 1. Throughput and where the time goes.
  for (const minutes of only.includes('throughput') ? minutesList : []) {
    for (const format of formats) {
      // At 44.1 kHz the resampler is the biggest cost after Silero: also time it with shorter filters (@N = zeroCrossings).
      const resamplerVariants = format.id.includes('44k') && minutes === Math.min(...minutesList) ? ',resample@8,resample@4,silero@8' : '';
      const stages = minutes <= 10 ? `decode,resample,silent,energy,silero${resamplerVariants}` : 'decode,energy,silero';
      const repetitions = minutes <= 10 ? 3 : 1;
      log(`throughput ${format.id} ${minutes} min (${stages}, best of ${repetitions})`);
      const outcome = await runWorker('throughput-worker.mjs', [inputs[`${format.id}/${minutes}`].path, seconds(minutes), stages, repetitions, inputs[`${format.id}/short`].path]);
      results.throughput[`${format.id}/${minutes}`] = { ...outcome, bytes: inputs[`${format.id}/${minutes}`].bytes };
      log(`  silero pipeline ${outcome.stages.silero.cpuRtf.toFixed(0)}x real time (CPU), ${outcome.stages.silero.rtf.toFixed(0)}x (wall)`);
      save();
    }
  }

  // The resampler's response for those filter lengths (no timing: a quality table to go with the costs).
  if (only.includes('throughput')) results.resamplerQuality = await runWorker('resampler-quality.mjs', ['16,8,4'], { pin: false });

  // 2. Silero alone, side by side.
  const sileroMinutes = Math.min(...minutesList);
  log(`silero variants on ${sileroMinutes} min`);
  save();
  if (only.includes('silero')) results.silero = await runWorker('silero-worker.mjs', [inputs[`master/${sileroMinutes}`].path, values.quick ? 1 : 3]);

  // 3 and 4 against the local server (in this process, on core 1).
  const { startServer } = await import('../packages/server/dist/index.js');
  const dataDir = join(work, 'server-data');
  mkdirSync(dataDir);
  const server = await startServer({ port: 0, dataDir, testKnobs: true });
  try {
    if (only.includes('memory')) {
      log('memory: baseline (the 8 s fixture)');
      results.memory.baseline = await runWorker('memory-worker.mjs', [server.url, SPEECH_WAV, SPEECH_SECONDS]);
    }
    for (const minutes of only.includes('memory') ? minutesList : []) {
      for (const format of formats) {
        log(`memory + upload ${format.id} ${minutes} min`);
        results.memory[`${format.id}/${minutes}`] = await runWorker('memory-worker.mjs', [server.url, inputs[`${format.id}/${minutes}`].path, seconds(minutes)]);
        save();
        server.clearRequests();
      }
    }

    const latencyFormat = formats.find((format) => format.id === 'wav') ?? formats[0];
    const latencyRuns = [
      ...[0, 100].flatMap((delayMs) => ['pipelined', 'read-ahead-0', 'collect-first'].map((mode) => ({ minutes: sileroMinutes, delayMs, mode }))),
      ...(minutesList.includes(60) ? ['pipelined', 'collect-first'].map((mode) => ({ minutes: 60, delayMs: 100, mode })) : []),
    ];
    for (const run of only.includes('latency') ? latencyRuns : []) {
      log(`latency ${latencyFormat.id} ${run.minutes} min, uploads +${run.delayMs} ms, ${run.mode}`);
      server.faults.clear();
      if (run.delayMs > 0) server.faults.add({ method: 'POST', path: '/audio/', kind: 'delay', ms: run.delayMs, times: 1_000_000 });
      const outcome = await runWorker('latency-worker.mjs', [server.url, inputs[`${latencyFormat.id}/${run.minutes}`].path, run.mode]);
      results.latency.push({ ...run, format: latencyFormat.id, ...outcome });
      server.clearRequests();
    }
    server.faults.clear();
  } finally {
    await server.close();
  }

  save();
  writeReport(results);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function writeReport(results) {
  const report = renderReport(results);
  if (!values['no-write']) {
    // Only this section is rewritten; others (the "Streaming capacity" of benchmarks/stream-capacity.mjs) stay.
    let existing;
    try {
      existing = readFileSync(values.out, 'utf8');
    } catch {
      existing = undefined;
    }
    writeFileSync(values.out, mergeIntoDocument(existing, report));
    log(`wrote ${values.out} and ${RESULTS}`);
  } else {
    process.stdout.write(report);
  }
}

function readVersion(relative) {
  try {
    return JSON.parse(readFileSync(join(ROOT, relative), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
