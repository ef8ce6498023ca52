#!/usr/bin/env node
// The contributors' fast path, `pnpm test:unit`: every test that needs none of the system packages (pocketsphinx,
// ffmpeg, arecord, Chromium), run with each package's own vitest config, so no test or setting is written twice.
// `npm test` stays the full suite for CI.
//
// The few files that need a system package are listed below with the reason. To keep that list honest, the run hides
// those programs: vitest gets a PATH on which they do not exist, so a new test that needs one fails here (add it to
// the list) instead of passing only on machines that happen to have it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Programs the fast path runs without (matched by name on PATH). */
const HIDDEN = /^(?:ffmpeg|ffprobe|arecord|pocketsphinx.*|chromium.*|google-chrome.*)$/;

/** @scribe/node's test files that mostly wait out real time; see their RUNS entry. */
const REAL_TIME_WAITS = ['test/integration/abort-and-timeout.test.ts', 'test/reliability/stream-outage.test.ts'];

/** Per package: the vitest arguments, and the test files left to `npm test` with what they need (or, with an empty reason, run by another entry). */
const RUNS = [
  { dir: 'packages/core', args: [], needs: {} },
  { dir: 'packages/react', args: [], needs: {} },
  // The browser package's `node` project (fake-indexeddb, option checks); the others drive Chromium.
  { dir: 'packages/browser', args: ['--project', 'node'], needs: {} },
  {
    dir: 'packages/server',
    args: [],
    needs: {
      'test/engine/local-engine.test.ts': 'pocketsphinx and ffmpeg (the real engine over HTTP)',
      'test/engine/transcriber-setup.test.ts': 'the Debian pocketsphinx install',
      'test/engine/recogniser-vocabulary.test.ts': 'pocketsphinx (the medical vocabulary on real speech)',
      'test/hardening-audio-bombs.test.ts': 'ffmpeg (makes the compressed bombs; decodes them)',
      'test/hardening-resource-bounds.test.ts': 'ffmpeg (the Ogg Vorbis bomb)',
    },
  },
  {
    dir: 'packages/node',
    args: [],
    needs: {
      'test/audio/decode-audio-formats.test.ts': 'ffmpeg (AAC decodes through it)',
      'test/audio/decode-audio-bad-input.test.ts': 'ffmpeg (its child processes are checked)',
      'test/audio/decode-flac.test.ts': 'ffmpeg (encodes the FLAC fixtures)',
      'test/audio/decode-without-demuxer.test.ts': 'ffmpeg (the AAC case)',
      'test/upload-audio/abort.test.ts': 'ffmpeg (aborts mid-decode of an m4a)',
      'test/upload-audio/bad-input.test.ts': 'ffmpeg (its child processes are checked)',
      'test/upload-audio/bounded-memory.test.ts': 'ffmpeg (makes a 10-minute file)',
      'test/upload-audio/lands-in-order.test.ts': 'ffmpeg (makes the long inputs)',
      'test/upload-audio/pipelining.test.ts': 'ffmpeg (makes the long inputs)',
      'test/upload-audio/upload-pcm.test.ts': 'ffmpeg (resamples a fixture)',
      'test/session/session-controller.test.ts': 'arecord (one microphone case)',
      'test/stream/microphone.test.ts': 'arecord',
      // These need no system package themselves, but test/audio/support/audio-test-helpers.ts refuses to load
      // without ffmpeg (so that `npm test` can never skip the AAC cases), and they import it.
      'test/audio/detect-audio-format.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/audio/read-webm-audio.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/audio/silero-vad.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/session/durable-queue.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/session/transcribe.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/upload-audio/formats-agree.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/upload-audio/max-chunk.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/upload-audio/no-speech.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/upload-audio/nothing-lost.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/audio/silero-wasm-runtime.test.ts': 'ffmpeg, through audio-test-helpers',
      'test/reliability/fault-matrix.test.ts': 'ffmpeg, through upload-test-helpers',
      'test/reliability/upload-resume-skip.test.ts': 'ffmpeg, through upload-test-helpers',
      // Not left out: run by the entry below, beside this one.
      ...Object.fromEntries(REAL_TIME_WAITS.map((file) => [file, ''])),
    },
  },
  // Files that mostly wait out real time (timeouts, a server kept down for seconds) and use little CPU: a vitest each,
  // overlapping the rest, so the wall time is not their sum.
  ...REAL_TIME_WAITS.map((file) => ({ dir: 'packages/node', args: [file], needs: {} })),
];

/** A PATH whose directories holding a hidden program are replaced by shadows linking everything else. */
async function pathWithoutSystemPackages(shadowRoot) {
  const directories = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const result = [];
  for (const [position, directory] of directories.entries()) {
    const names = existsSync(directory) ? await readdir(directory).catch(() => []) : [];
    if (!names.some((name) => HIDDEN.test(name))) {
      result.push(directory);
      continue;
    }
    const shadow = join(shadowRoot, String(position));
    await mkdir(shadow, { recursive: true });
    await Promise.all(names.filter((name) => !HIDDEN.test(name)).map((name) => symlink(join(directory, name), join(shadow, name))));
    result.push(shadow);
  }
  return result.join(delimiter);
}

/** Runs a command to completion, keeping its output to print in one piece (the runs overlap). */
function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    const output = [];
    child.stdout.on('data', (data) => output.push(data));
    child.stderr.on('data', (data) => output.push(data));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(output).toString() }));
  });
}

for (const { dir, needs } of RUNS) {
  for (const file of Object.keys(needs)) {
    if (!existsSync(join(root, dir, file))) {
      console.error(`test-unit: ${dir}/${file} is listed as needing a system package but does not exist; update scripts/test-unit.mjs.`);
      process.exit(1);
    }
  }
}

const shadowRoot = await mkdtemp(join(tmpdir(), 'scribe-test-unit-'));
const started = performance.now();
const failed = [];
try {
  const PATH = await pathWithoutSystemPackages(shadowRoot);
  const vitest = join(root, 'node_modules', '.bin', 'vitest');
  // All packages at once, each with vitest's default single worker on a 2-core machine: many tests wait on a real
  // local server rather than on the CPU, and overlapping the packages fills those waits. `--no-isolate` lets the test
  // files of a worker share loaded modules (zod, onnxruntime, the server): importing them afresh for every file was
  // most of the time (server: 13 s of CPU instead of about 40 s). `npm test` keeps vitest's isolation.
  await Promise.all(
    RUNS.map(async ({ dir, args, needs }) => {
      const excludes = Object.keys(needs).flatMap((file) => ['--exclude', file]);
      const { code, output } = await run(vitest, ['run', '--no-isolate', ...args, ...excludes], { cwd: join(root, dir), env: { ...process.env, PATH, SCRIBE_CHROMIUM: '/nonexistent/chromium' } });
      const leftToNpmTest = Object.values(needs).filter(Boolean).length;
      const left = leftToNpmTest > 0 ? ` (${leftToNpmTest} files that need a system package left to npm test)` : args.length > 0 ? ` (${args.join(', ')})` : '';
      console.log(`\n== ${dir}${left}\n${output}`);
      if (code !== 0) failed.push(dir);
    }),
  );
} finally {
  await rm(shadowRoot, { recursive: true, force: true });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failed.length > 0) {
  console.error(`\ntest-unit: failures in ${failed.join(', ')} (${seconds} s).`);
  process.exit(1);
}
console.log(`\ntest-unit: passed in ${seconds} s, without pocketsphinx, ffmpeg, arecord or Chromium; \`npm test\` runs the rest.`);
