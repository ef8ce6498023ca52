// The resampler's two backends side by side, in the same run: JavaScript ('js') against WebAssembly SIMD ('wasm').
// Prints markdown tables to stdout and writes nothing (docs/benchmarks.md stays the job of run.mjs).
//
//   node benchmarks/resampler-speed.mjs [--minutes 10] [--formats wav-44k-stereo,mp3-44k-stereo] [--repetitions 3]
//   node benchmarks/resampler-speed.mjs --micro-only
//
// 1. In memory (no decoding): 10 min of 44.1 kHz and 48 kHz stereo noise through `process` after `downmixToMono`
//    (the old pipeline) and through `processChannels` (mixing into the resampler's history), 4096-frame blocks.
// 2. From files: decode + resample, the pipeline with a silent detector, and the full Silero pipeline, each with
//    `resampler: { backend }`. Both run in a child pinned to core 0 (taskset), repetitions interleaved, best CPU time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SPEECH_WAV, ffmpeg, measure, runWorker } from './lib/common.mjs';

const FORMATS = {
  'wav-44k-stereo': { label: 'WAV 44.1 kHz stereo', ext: 'wav', args: ['-ar', '44100', '-ac', '2', '-c:a', 'pcm_s16le'] },
  'mp3-44k-stereo': { label: 'MP3 44.1 kHz stereo 128 kbit/s', ext: 'mp3', args: ['-ar', '44100', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k'] },
  'wav-48k-stereo': { label: 'WAV 48 kHz stereo', ext: 'wav', args: ['-ar', '48000', '-ac', '2', '-c:a', 'pcm_s16le'] },
};
const BACKENDS = ['js', 'wasm'];

const { values, positionals } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    formats: { type: 'string', default: 'wav-44k-stereo,mp3-44k-stereo' },
    repetitions: { type: 'string', default: '3' },
    'micro-only': { type: 'boolean', default: false },
    worker: { type: 'string' },
  },
  allowPositionals: true,
});

if (values.worker === 'micro') await microWorker(Number(values.minutes), Number(values.repetitions));
else if (values.worker === 'pipeline') await pipelineWorker(...positionals);
else await main();

async function main() {
  const minutes = Number(values.minutes);
  const repetitions = Number(values.repetitions);
  const micro = await runWorker('resampler-speed.mjs', ['--worker', 'micro', '--minutes', minutes, '--repetitions', repetitions]);
  const lines = [`### Resampler backends, ${minutes} min of audio, CPU seconds (best of ${repetitions}, one core)`, ''];
  lines.push('| input | path | js | wasm | js / wasm |', '| --- | --- | --- | --- | --- |');
  for (const row of micro.rows) lines.push(`| ${row.input} | ${row.path} | ${row.js.toFixed(3)} | ${row.wasm.toFixed(3)} | ${(row.js / row.wasm).toFixed(1)}× |`);
  console.log(lines.join('\n'));
  if (values['micro-only']) return;

  const work = mkdtempSync(join(tmpdir(), 'scribe-resampler-bench-'));
  try {
    const master = join(work, 'master.wav');
    ffmpeg('-stream_loop', '-1', '-i', SPEECH_WAV, '-t', String(minutes * 60), '-c:a', 'pcm_s16le', master);
    const table = [
      '',
      `### Pipeline on ${minutes} min files: CPU seconds and real-time factor (best of ${repetitions}, one core)`,
      '',
      '| format | stage | js s | wasm s | js RTF | wasm RTF |',
      '| --- | --- | --- | --- | --- | --- |',
    ];
    for (const id of values.formats.split(',')) {
      const format = FORMATS[id];
      if (!format) throw new Error(`--formats takes ${Object.keys(FORMATS).join(', ')}`);
      const path = join(work, `speech-${id}.${format.ext}`);
      const short = join(work, `short-${id}.${format.ext}`);
      ffmpeg('-i', master, ...format.args, path);
      ffmpeg('-i', SPEECH_WAV, ...format.args, short);
      console.error(`[resampler-speed] pipeline ${id}`);
      const outcome = await runWorker('resampler-speed.mjs', ['--worker', 'pipeline', path, minutes * 60, repetitions, short]);
      for (const [stage, times] of Object.entries(outcome.stages)) {
        const rtf = (seconds) => `${(outcome.audioSeconds / seconds).toFixed(0)}×`;
        table.push(`| ${format.label} | ${stage} | ${times.js.toFixed(2)} | ${times.wasm.toFixed(2)} | ${rtf(times.js)} | ${rtf(times.wasm)} |`);
      }
    }
    console.log(table.join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function cpuOf(job) {
  const start = process.cpuUsage();
  job();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function microWorker(minutes, repetitions) {
  const { core } = await import('./lib/modules.mjs');
  const rows = [];
  for (const rate of [44100, 48000]) {
    const left = new Float32Array(rate * minutes * 60);
    const right = new Float32Array(left.length);
    let state = 1;
    for (let i = 0; i < left.length; i += 1) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      left[i] = (state / 2 ** 32 - 0.5) * 0.6;
      right[i] = 0.5 * left[i] + 0.2 * Math.sin(i * 0.01);
    }
    const blocks = [];
    for (let at = 0; at < left.length; at += 4096) blocks.push([left.subarray(at, at + 4096), right.subarray(at, at + 4096)]);
    const paths = {
      'downmixToMono + process': (resampler) => blocks.forEach((channels) => resampler.process(core.downmixToMono(channels))),
      processChannels: (resampler) => blocks.forEach((channels) => resampler.processChannels(channels)),
    };
    for (const [path, job] of Object.entries(paths)) {
      const best = { js: Infinity, wasm: Infinity };
      for (let repetition = 0; repetition < repetitions; repetition += 1) {
        for (const backend of BACKENDS) {
          const resampler = core.createResampler({ inputRate: rate, backend });
          best[backend] = Math.min(best[backend], cpuOf(() => (job(resampler), resampler.flush())));
        }
      }
      rows.push({ input: `${rate / 1000} kHz stereo noise`, path, ...best });
    }
  }
  console.log(JSON.stringify({ rows }));
}

async function pipelineWorker(file, audioSecondsText, repetitionsText, warmup) {
  const { core, node } = await import('./lib/modules.mjs');
  const { silentDetector } = await import('./lib/common.mjs');
  const model = await node.loadSileroModel();
  const decodeAndResample = async (path, backend) => {
    let resampler;
    for await (const block of node.decodeAudio(path)) {
      if (block.sampleRate !== resampler?.inputRate) resampler = core.createResampler({ inputRate: block.sampleRate, backend });
      resampler.processChannels(block.channels);
    }
    resampler.flush();
  };
  const pipeline = async (path, backend, vad) => {
    for await (const chunk of core.speechChunks(node.decodeAudio(path), { vad, maxChunkSeconds: 20, resampler: { backend } })) void chunk;
  };
  const silero = async (path, backend) => {
    const detector = model.createDetector();
    try {
      await pipeline(path, backend, detector);
    } finally {
      await detector.dispose();
    }
  };
  const STAGES = {
    decode: async (path) => {
      for await (const block of node.decodeAudio(path)) void block;
    },
    'decode + resample': decodeAndResample,
    'pipeline, silent detector': (path, backend) => pipeline(path, backend, silentDetector(core)),
    'pipeline, Silero': silero,
  };
  for (const job of Object.values(STAGES)) for (const backend of BACKENDS) await job(warmup, backend);
  const stages = {};
  for (const [name, job] of Object.entries(STAGES)) {
    const best = { js: Infinity, wasm: Infinity };
    for (let repetition = 0; repetition < Number(repetitionsText); repetition += 1) {
      for (const backend of BACKENDS) best[backend] = Math.min(best[backend], (await measure(() => job(file, backend))).cpu);
    }
    stages[name] = best;
  }
  await model.dispose();
  console.log(JSON.stringify({ audioSeconds: Number(audioSecondsText), stages }));
}
