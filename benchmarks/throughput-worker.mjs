// One format, one length: times each stage of decode → resample → frame → detect → chunk, in this process (run it
// pinned to one core). Prints one JSON line: { stages: { name: { seconds, rtf, chunks } }, audioSeconds, maxRssMb }.
// Wall and CPU time are both recorded (best of the repetitions for each).
//   node throughput-worker.mjs <file> <audioSeconds> <stages,comma,separated> <repetitions> [warmup file]
import { core, node } from './lib/modules.mjs';
import { energyDetector, maxRssMb, measure, silentDetector } from './lib/common.mjs';

const [file, audioSecondsText, stagesText, repetitionsText, warmup] = process.argv.slice(2);
const audioSeconds = Number(audioSecondsText);
const stages = stagesText.split(',');
const repetitions = Number(repetitionsText);
const model = await node.loadSileroModel();

async function decodeOnly(path) {
  let samples = 0;
  for await (const block of node.decodeAudio(path)) samples += block.channels[0].length;
  return { samples };
}

async function decodeAndResample(path, resamplerOptions = {}) {
  let resampler;
  let rate = 0;
  let samples = 0;
  for await (const block of node.decodeAudio(path)) {
    if (block.sampleRate !== rate) {
      rate = block.sampleRate;
      resampler = core.createResampler({ ...resamplerOptions, inputRate: rate, outputRate: 16000 });
    }
    samples += resampler.process(core.downmixToMono(block.channels)).length;
  }
  samples += resampler.flush().length;
  return { samples };
}

async function pipeline(path, vad, resampler = undefined) {
  let chunks = 0;
  let bytes = 0;
  for await (const chunk of core.speechChunks(node.decodeAudio(path), { vad, maxChunkSeconds: 20, resampler })) {
    chunks += 1;
    bytes += chunk.bytes.length;
  }
  return { chunks, bytes };
}

const STAGES = {
  decode: (path) => decodeOnly(path),
  resample: (path) => decodeAndResample(path),
  silent: (path) => pipeline(path, silentDetector(core)),
  energy: (path) => pipeline(path, energyDetector(core)),
  silero: (path) => sileroPipeline(path),
};

async function sileroPipeline(path, resampler = undefined) {
  const detector = model.createDetector();
  try {
    return await pipeline(path, detector, resampler);
  } finally {
    await detector.dispose();
  }
}

// `stage@N`: the same stage with the resampler's zeroCrossings set to N (default 16), for resample and silero.
function stageFunction(stage) {
  const [name, crossings] = stage.split('@');
  if (crossings === undefined) return STAGES[name];
  const resampler = { zeroCrossings: Number(crossings) };
  if (name === 'resample') return (path) => decodeAndResample(path, resampler);
  if (name === 'silero') return (path) => sileroPipeline(path, resampler);
  throw new Error(`no resampler variant of stage ${name}`);
}

if (warmup) for (const stage of stages) await stageFunction(stage)(warmup);
const results = {};
for (const stage of stages) {
  let best;
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const { wall, cpu, outcome } = await measure(() => stageFunction(stage)(file));
    best = best
      ? { ...best, seconds: Math.min(best.seconds, wall), cpuSeconds: Math.min(best.cpuSeconds, cpu) }
      : { seconds: wall, cpuSeconds: cpu, ...outcome };
  }
  results[stage] = { ...best, rtf: audioSeconds / best.seconds, cpuRtf: audioSeconds / best.cpuSeconds };
}
await model.dispose();
console.log(JSON.stringify({ audioSeconds, stages: results, maxRssMb: maxRssMb() }));
