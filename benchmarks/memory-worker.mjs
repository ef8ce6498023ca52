// uploadAudioFile on one file against the local server, in a fresh process; reports this process's peak resident
// memory (and, for formats decoded by ffmpeg, the peak of its ffmpeg child, which is a separate process).
//   node memory-worker.mjs <server url> <file> <audioSeconds>
import { execFileSync } from 'node:child_process';
import { benchClient } from './lib/bench-client.mjs';
import { cpuSeconds, maxRssMb } from './lib/common.mjs';

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
let highWater = 0;
let decoded = 0;
// Where the peak happens: RSS sampled every 20 ms with the last progress event seen.
let phase = 'before the first event';
let peak = { rssMb: 0, phase, decodedSeconds: 0 };
const sampler = setInterval(() => {
  const rssMb = process.memoryUsage.rss() / 1048576;
  if (rssMb > peak.rssMb) peak = { rssMb, phase, decodedSeconds: decoded };
}, 20);
const started = performance.now();
const cpuStarted = cpuSeconds();
const chunks = await client.uploadAudioFile(session.sessionId, file, {
  onProgress: (event) => {
    phase = event.type;
    if (event.type === 'audio-decoded') decoded = event.seconds;
    highWater = Math.max(highWater, process.memoryUsage.rss() / 1048576);
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = cpuSeconds() - cpuStarted;
clearInterval(poll);
clearInterval(sampler);
console.log(JSON.stringify({ chunks, seconds, rtf: audioSeconds / seconds, cpuSeconds: cpu, cpuRtf: audioSeconds / cpu, decodedSeconds: decoded, maxRssMb: maxRssMb(), sampledRssMb: highWater, peak, ffmpegPeakMb: childPeakMb }));
await client.close();
