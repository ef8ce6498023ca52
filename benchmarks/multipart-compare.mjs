// Issue 12: the server's multipart handling (scan the spooled body for delimiters, then copy the file part's range)
// against @fastify/busboy parsing the spooled body as a stream and piping the file part to disk. CPU seconds, wall
// seconds and peak RSS for one body, each run in a fresh process pinned to one core (best of the repetitions).
//
//   node benchmarks/multipart-compare.mjs [--megabytes 100] [--repetitions 3]
//
// The body: a small form field, then a `file` part of pseudo-random bytes (they contain CR, LF and dashes, as audio
// does), then the closing delimiter. The server's two source files are bundled with esbuild (tsup's) to run them here;
// busboy is installed with npm into SCRIBE_MULTIPART_COMPARE_DIR (default: scribe-multipart-compare under the system
// temp directory), outside the workspace.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, runWorker } from './lib/common.mjs';

const BUSBOY = '3.2.6';
const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '100' }, repetitions: { type: 'string', default: '3' } } });
const megabytes = Number(values.megabytes);
const repetitions = Number(values.repetitions);
const busboyDir = process.env.SCRIBE_MULTIPART_COMPARE_DIR ?? join(tmpdir(), 'scribe-multipart-compare');

function installBusboy() {
  mkdirSync(busboyDir, { recursive: true });
  writeFileSync(join(busboyDir, 'package.json'), `${JSON.stringify({ private: true, dependencies: { '@fastify/busboy': BUSBOY } }, null, 2)}\n`);
  if (!existsSync(join(busboyDir, 'node_modules', '@fastify', 'busboy', 'package.json'))) execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: busboyDir, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function bundleServerCode(work) {
  const esbuild = createRequire(createRequire(join(ROOT, 'package.json')).resolve('tsup')).resolve('esbuild');
  const { build } = await import(esbuild);
  const entry = join(work, 'entry.ts');
  const audio = join(ROOT, 'packages', 'server', 'src', 'audio');
  writeFileSync(entry, `export { locateMultipartParts } from '${audio}/multipart-file.ts';\nexport { isolateUploadFile } from '${audio}/upload-file.ts';\n`);
  const outfile = join(work, 'server-multipart.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

function writeBody(path, boundary) {
  const fd = openSync(path, 'w');
  writeSync(fd, `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nfollow-up visit\r\n`);
  writeSync(fd, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="visit.wav"\r\nContent-Type: audio/wav\r\n\r\n`);
  const block = Buffer.alloc(1024 * 1024);
  let state = 12345;
  for (let written = 0; written < megabytes; written += 1) {
    for (let i = 0; i < block.length; i += 1) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      block[i] = state >>> 24;
    }
    writeSync(fd, block);
  }
  writeSync(fd, `\r\n--${boundary}--\r\n`);
  closeSync(fd);
}

async function best(variant, args) {
  let winner;
  let peak = 0;
  for (let run = 0; run < repetitions; run += 1) {
    const result = await runWorker('multipart-compare-worker.mjs', [variant, ...args]);
    if (result.bytes !== megabytes * 1024 * 1024) throw new Error(`${variant} took ${result.bytes} bytes, expected ${megabytes} MiB`);
    peak = Math.max(peak, result.maxRssMb);
    if (!winner || result.cpu < winner.cpu) winner = result;
  }
  return { ...winner, maxRssMb: peak };
}

installBusboy();
const work = mkdtempSync(join(tmpdir(), 'scribe-multipart-compare-'));
try {
  const boundary = '----scribe-bench-boundary-7MA4YWxkTrZu0gW';
  const body = join(work, 'body');
  writeBody(body, boundary);
  const scratch = join(work, 'scratch');
  mkdirSync(scratch);
  const server = await bundleServerCode(work);
  const scribe = await best('scribe', [body, boundary, scratch, server]);
  const busboy = await best('busboy', [body, boundary, scratch, busboyDir]);
  console.log(`| ${megabytes} MiB file part | CPU | wall | peak RSS |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, result] of [['server (delimiter scan + range copy)', scribe], [`@fastify/busboy ${BUSBOY} (stream parse + pipe)`, busboy]]) {
    console.log(`| ${label} | ${result.cpu.toFixed(2)} s | ${result.wall.toFixed(2)} s | ${Math.round(result.maxRssMb)} MB |`);
  }
  console.log(`busboy / server CPU: ${(busboy.cpu / scribe.cpu).toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
