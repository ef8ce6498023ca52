// Silero alone, side by side: the SDK's adapter against other ways of driving the same model on the same frames.
// Prints one JSON line: { frames, audioSeconds, variants: [{ name, seconds, usPerFrame, rtf, checksum }] }.
//   node silero-worker.mjs <16 kHz mono wav> <repetitions>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { core, node, ROOT } from './lib/modules.mjs';
import { measure } from './lib/common.mjs';

const [file, repetitionsText] = process.argv.slice(2);
const repetitions = Number(repetitionsText);
const require = createRequire(`${ROOT}packages/node/package.json`);
const ort = require('onnxruntime-node');
const { binding, initOrt } = require('onnxruntime-node/dist/binding.js');
// The model @scribe/node ships (models/, beside its package.json), the same file the SDK adapter loads.
const modelPath = `${ROOT}packages/node/models/silero_vad_v5.onnx`;

const decoded = core.decodeWav(readFileSync(file));
if (decoded.sampleRate !== 16000 || decoded.channels.length !== 1) throw new Error(`${file} must be 16 kHz mono`);
const samples = decoded.channels[0];
const frameCount = Math.floor(samples.length / 512);
const frames = Array.from({ length: frameCount }, (_, index) => samples.subarray(index * 512, index * 512 + 512));
const audioSeconds = (frameCount * 512) / 16000;

const BASE_OPTIONS = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };

/** Preallocated tensors for a hand-written loop: 64 samples of context + 512, and two state tensors used in turn. */
function tensors() {
  const window = new Float32Array(576);
  return {
    window,
    input: new ort.Tensor('float32', window, [1, 576]),
    sr: new ort.Tensor('int64', BigInt64Array.of(16000n), []),
    states: [new ort.Tensor('float32', new Float32Array(256), [2, 1, 128]), new ort.Tensor('float32', new Float32Array(256), [2, 1, 128])],
    output: new ort.Tensor('float32', new Float32Array(1), [1, 1]),
  };
}

function load(t, frame) {
  t.window.copyWithin(0, 512);
  t.window.set(frame, 64);
}

/**
 * The hand-written frame loop of the preallocated variants; only the call differs. `sync` calls are not awaited, so
 * the synchronous native variant measures no promise at all.
 */
function preallocatedRun(t, call, { sync = false } = {}) {
  return async () => {
    let sum = 0;
    let current = 0;
    t.window.fill(0);
    t.states[0].data.fill(0);
    for (const frame of frames) {
      load(t, frame);
      const feeds = { input: t.input, state: t.states[current], sr: t.sr };
      const fetches = { output: t.output, stateN: t.states[1 - current] };
      if (sync) call(feeds, fetches);
      else await call(feeds, fetches);
      current = 1 - current;
      sum += t.output.data[0];
    }
    return sum;
  };
}

const variants = {
  'SDK adapter (detector.process, as shipped)': async () => {
    const model = await node.loadSileroModel();
    const detector = model.createDetector();
    return {
      run: async () => {
        let sum = 0;
        detector.reset();
        for (const frame of frames) sum += await detector.process(frame);
        return sum;
      },
      close: async () => {
        await detector.dispose();
        await model.dispose();
      },
    };
  },
  // The fallback for installs without onnxruntime-node (docs/install.md): the same adapter on onnxruntime-web's wasm.
  'SDK adapter on the WebAssembly fallback (runtime: wasm, onnxruntime-web)': async () => {
    const model = await node.loadSileroModel({ runtime: 'wasm' });
    const detector = model.createDetector();
    return {
      run: async () => {
        let sum = 0;
        detector.reset();
        for (const frame of frames) sum += await detector.process(frame);
        return sum;
      },
      close: async () => {
        await detector.dispose();
        await model.dispose();
      },
    };
  },
  'new tensors and outputs every frame (naive)': async () => {
    const session = await ort.InferenceSession.create(modelPath, BASE_OPTIONS);
    const sr = new ort.Tensor('int64', BigInt64Array.of(16000n), []);
    return {
      run: async () => {
        let sum = 0;
        let state = new ort.Tensor('float32', new Float32Array(256), [2, 1, 128]);
        let context = new Float32Array(64);
        for (const frame of frames) {
          const window = new Float32Array(576);
          window.set(context);
          window.set(frame, 64);
          context = frame.slice(448);
          const result = await session.run({ input: new ort.Tensor('float32', window, [1, 576]), state, sr });
          state = result.stateN;
          sum += result.output.data[0];
        }
        return sum;
      },
      close: () => session.release(),
    };
  },
  ...Object.fromEntries(
    [
      ['graph optimisation all (the SDK\'s setting)', {}],
      ['graph optimisation extended', { graphOptimizationLevel: 'extended' }],
      ['graph optimisation basic', { graphOptimizationLevel: 'basic' }],
      ['graph optimisation disabled', { graphOptimizationLevel: 'disabled' }],
      ['execution mode parallel', { executionMode: 'parallel' }],
      ['CPU memory arena and pattern off', { enableCpuMemArena: false, enableMemPattern: false }],
    ].map(([name, options]) => [
      `preallocated, session.run: ${name}`,
      async () => {
        const session = await ort.InferenceSession.create(modelPath, { ...BASE_OPTIONS, ...options });
        const t = tensors();
        return {
          run: preallocatedRun(t, (feeds, fetches) => session.run(feeds, fetches)),
          close: () => session.release(),
        };
      },
    ]),
  ),
  'preallocated, session.handler.run (skips argument checks; still one setImmediate per frame)': async () => {
    const session = await ort.InferenceSession.create(modelPath, BASE_OPTIONS);
    const t = tensors();
    return {
      run: preallocatedRun(t, (feeds, fetches) => session.handler.run(feeds, fetches, {})),
      close: () => session.release(),
    };
  },
  'preallocated, native binding called synchronously (no promise, no setImmediate)': async () => {
    initOrt();
    const session = new binding.InferenceSession();
    session.loadModel(modelPath, BASE_OPTIONS);
    const t = tensors();
    return {
      run: preallocatedRun(t, (feeds, fetches) => session.run(feeds, fetches, {}), { sync: true }),
      close: async () => session.dispose(),
    };
  },
};

// Interleaved rounds: every variant runs once per round, in turn, so load from elsewhere on the machine falls on all of
// them alike; each variant's best round counts. Before the rounds, each warms up on the first 30 s.
const prepared = [];
for (const [name, make] of Object.entries(variants)) {
  const variant = await make();
  const all = frames.slice();
  frames.length = Math.min(frames.length, 940);
  await variant.run();
  frames.length = 0;
  frames.push(...all);
  prepared.push({ name, variant, best: Infinity, bestCpu: Infinity, checksum: 0 });
}
for (let round = 0; round < repetitions; round += 1) {
  // Each round starts with a different variant, so no variant always runs first or after the same neighbour.
  const order = prepared.map((_, index) => prepared[(index + round) % prepared.length]);
  for (const entry of order) {
    const { wall, cpu, outcome } = await measure(() => entry.variant.run());
    entry.checksum = outcome;
    entry.best = Math.min(entry.best, wall);
    entry.bestCpu = Math.min(entry.bestCpu, cpu);
  }
  console.error(`  silero: round ${round + 1} of ${repetitions} done`);
}
const results = [];
for (const { name, variant, best, bestCpu, checksum } of prepared) {
  await variant.close();
  results.push({
    name,
    seconds: best,
    cpuSeconds: bestCpu,
    usPerFrame: (best / frameCount) * 1e6,
    cpuUsPerFrame: (bestCpu / frameCount) * 1e6,
    rtf: audioSeconds / best,
    cpuRtf: audioSeconds / bestCpu,
    checksum,
  });
}
console.log(JSON.stringify({ frames: frameCount, audioSeconds, rounds: repetitions, variants: results }));
