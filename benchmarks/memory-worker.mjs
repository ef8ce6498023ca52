// uploadAudioFile on one file against the local server, in a fresh process; reports this process's peak resident
// memory (and, for formats decoded by ffmpeg, the peak of its ffmpeg child, which is a separate process).
//   node memory-worker.mjs <server url> <file> <audioSeconds>
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpuSeconds, maxRssMb } from './lib/common.mjs';

// Linux counts the pages of the process that forked this one into getrusage's maxRSS (fork copies its page counts
// and exec keeps their high-water mark), so a worker spawned by run.mjs, whose in-process server grows with every
// upload, reported the orchestrator's size whenever that was above its own peak (215 MB for FLAC and AAC while
// their own VmHWM was 180 MB). The measuring process is therefore started from here, while this one is still small
// (about 45 MB, below any upload's peak); what it measures, and how, is unchanged.
if (!process.env.SCRIBE_MEMORY_WORKER_MEASURING) {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, SCRIBE_MEMORY_WORKER_MEASURING: '1' },
  });
  process.exit(child.status ?? 1);
}
const { benchClient } = await import('./lib/bench-client.mjs');

const [url, file, audioSecondsText] = process.argv.slice(2);
const audioSeconds = Number(audioSecondsText);

let childPeakMb = 0;
const poll = setInterval(() => {
  try {
    const lines = execFileSync('ps', ['-o', 'rss=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
    for (const line of lines) if (line.includes('ffmpeg')) childPeakMb = Math.max(childPeakMb, Number(line.trim().split(/\s+/)[0]) / 1024);
  } catch {
    // no children
  }
}, 100);

const client = benchClient(url);
const session = await client.createSession();
// Live memory (JS heap in use + ArrayBuffers) after a full GC at each quarter of the file: what the upload really
// holds, free of the allocator's and the GC's timing (which move RSS by tens of MB from run to run).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const live = [];
let nextQuarter = 0.25;
let highWater = 0;
let decoded = 0;
// Where the peak happens: RSS sampled every 20 ms with the last progress event seen.
let phase = 'before the first event';
let peak = { rssMb: 0, phase, decodedSeconds: 0 };
// The kernel's high-water mark (VmHWM, what maxRSS reports) is read too: a jump in it that the RSS samples never show
// is a spike shorter than the sampling interval, and `hwmJumps` says when it happened.
const hwmJumps = [];
let lastHwm = 0;
const started0 = performance.now();
const sampler = setInterval(() => {
  const rssMb = process.memoryUsage.rss() / 1048576;
  if (rssMb > peak.rssMb) peak = { rssMb, phase, decodedSeconds: decoded };
  const hwm = vmHwmMb();
  if (hwm - lastHwm > 10 && lastHwm > 0) hwmJumps.push({ fromMb: lastHwm, toMb: hwm, rssMb, phase, decodedSeconds: decoded, ms: Math.round(performance.now() - started0) });
  lastHwm = hwm;
}, 20);

function vmHwmMb() {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
const started = performance.now();
const cpuStarted = cpuSeconds();
const { acknowledged: chunks } = await client.uploadAudioFile(session.sessionId, file, {
  onProgress: (event) => {
    phase = event.type;
    if (event.type === 'audio-decoded') decoded = event.seconds;
    if (event.type === 'audio-decoded' && decoded >= nextQuarter * audioSeconds - 1e-6) {
      gc();
      const usage = process.memoryUsage();
      live.push({ at: nextQuarter, liveMb: (usage.heapUsed + usage.arrayBuffers) / 1048576 });
      nextQuarter += 0.25;
    }
    highWater = Math.max(highWater, process.memoryUsage.rss() / 1048576);
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = cpuSeconds() - cpuStarted;
clearInterval(poll);
clearInterval(sampler);
console.log(JSON.stringify({ chunks, seconds, rtf: audioSeconds / seconds, cpuSeconds: cpu, cpuRtf: audioSeconds / cpu, decodedSeconds: decoded, maxRssMb: maxRssMb(), vmHwmMb: vmHwmMb(), sampledRssMb: highWater, peak, hwmJumps, live, ffmpegPeakMb: childPeakMb }));
await client.close();
