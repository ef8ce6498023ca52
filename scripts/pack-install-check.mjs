// The consumer's install, checked end to end (issue 12): packs every publishable package with `pnpm pack` (so
// `workspace:` ranges become real ones), installs @scribe/node from the tarballs with a bare `npm install` into three
// fresh projects (ESM TypeScript with module nodenext, CommonJS JavaScript, TypeScript with moduleResolution
// bundler) and with pnpm 12 into a fourth (the `allowBuilds` of docs/install.md, nothing else), type-checks each with the oldest TypeScript we support (docs/dependencies.md), and runs each against the
// local @scribe/server started from the workspace build: Silero loads (native or the WebAssembly fallback) and a real
// sample from examples/samples completes a session. Then @scribe/server itself, installed the same way into a fifth
// project, must start with `npx scribe-server`, answer discovery and cut a streamed sample (pack-install/server-install.mjs).
// Run by `test:all` after the build; slow (npm install).
//
//   node scripts/pack-install-check.mjs [--keep] [--server-only]
//
// Environment: SCRIBE_PACK_INSTALL_CACHE, where npm's cache and pnpm's store go (default: scribe-pack-install-cache
// under the system temp directory, kept between runs so later runs install from it). Everything else is removed.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkServerInstall } from './pack-install/server-install.mjs';

/** The oldest TypeScript the packages support (docs/dependencies.md, "Minimum TypeScript version"). */
const TYPESCRIPT = '5.4.5';
/** Node's types for the consumer projects, at the major of the oldest Node we support. */
const TYPES_NODE = '^20.19.0';
const SAMPLE = 'examples/samples/chest-pain-consultation/chest-pain-consultation.wav';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false }, 'server-only': { type: 'boolean', default: false } } });
const cache = process.env.SCRIBE_PACK_INSTALL_CACHE ?? join(tmpdir(), 'scribe-pack-install-cache');
const work = mkdtempSync(join(tmpdir(), 'scribe-pack-install-'));
const log = (...args) => console.log('[pack-install]', ...args);
let server;

/** The consumer projects: installer, package.json `type`, tsconfig compiler options, source file and how it is run. */
const PROJECTS = [
  {
    name: 'esm-nodenext',
    installer: 'npm',
    type: 'module',
    source: ['consumer-esm.ts', 'src/index.ts'],
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', outDir: 'dist', rootDir: 'src' },
    entry: 'dist/index.js',
  },
  {
    name: 'cjs-javascript',
    installer: 'npm',
    type: 'commonjs',
    source: ['consumer-cjs.cjs', 'index.cjs'],
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', allowJs: true, checkJs: true, noEmit: true },
    entry: 'index.cjs',
  },
  {
    name: 'ts-bundler',
    installer: 'npm',
    type: 'module',
    source: ['consumer-bundler.ts', 'src/index.ts'],
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', outDir: 'dist', rootDir: 'src' },
    entry: 'dist/index.js',
  },
  {
    name: 'pnpm-esm-nodenext',
    installer: 'pnpm',
    type: 'module',
    source: ['consumer-esm.ts', 'src/index.ts'],
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', outDir: 'dist', rootDir: 'src' },
    entry: 'dist/index.js',
  },
];

/** What docs/install.md tells a pnpm 12 user to allow: no build at all, each answered explicitly. */
const PNPM_ALLOW_BUILDS = { 'onnxruntime-node': false, protobufjs: false };

/**
 * The child environment of a developer's fresh shell: no npm or pnpm settings inherited from the runner, no onnxruntime
 * switches, and no CI (under which pnpm would insist on a lockfile these new projects cannot have).
 */
function cleanEnvironment(extra = {}) {
  const environment = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|ONNXRUNTIME_|SCRIBE_|TURBO_|INIT_CWD$|CI$)/i.test(key)));
  return { ...environment, ...extra };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${options.cwd ?? root}) exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Packs every package of packages/ that is not private; returns name -> tarball path. */
function packAll(destination) {
  const tarballs = new Map();
  for (const directory of readdirSync(join(root, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', directory, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const before = new Set(readdirSync(destination));
    run('pnpm', ['pack', '--pack-destination', destination], { cwd: join(root, 'packages', directory) });
    const [file] = readdirSync(destination).filter((entry) => !before.has(entry));
    const packed = JSON.parse(run('tar', ['-xzOf', join(destination, file), 'package/package.json']));
    const ranges = JSON.stringify([packed.dependencies, packed.optionalDependencies, packed.peerDependencies]);
    if (ranges.includes('workspace:')) throw new Error(`${file} still has a workspace: range: ${ranges}`);
    tarballs.set(manifest.name, join(destination, file));
  }
  return tarballs;
}

/**
 * Writes one consumer project and installs it with a bare `npm install` or `pnpm install`; returns npm's log. With a
 * `given` manifest, writes that one and no TypeScript project (the server's install).
 */
function install(project, tarballs, given) {
  const directory = join(work, project.name);
  mkdirSync(join(directory, 'src'), { recursive: true });
  if (given) writeFileSync(join(directory, 'package.json'), `${JSON.stringify(given, null, 2)}\n`);
  else writeConsumer(project, tarballs, directory);
  return installIn(project, directory);
}

function writeConsumer(project, tarballs, directory) {
  const manifest = {
    name: `consumer-${project.name}`,
    version: '1.0.0',
    private: true,
    type: project.type,
    // @scribe/core is not on the registry yet: npm takes it from its tarball too (pnpm through the override below).
    dependencies: { '@scribe/core': `file:${tarballs.get('@scribe/core')}`, '@scribe/node': `file:${tarballs.get('@scribe/node')}` },
    devDependencies: { typescript: TYPESCRIPT, '@types/node': TYPES_NODE },
  };
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const compilerOptions = { strict: true, skipLibCheck: false, types: ['node'], ...project.compilerOptions };
  writeFileSync(join(directory, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['src', '*.cjs'] }, null, 2)}\n`);
  copyFileSync(join(import.meta.dirname, 'pack-install', project.source[0]), join(directory, project.source[1]));
}

function installIn(project, directory) {
  const started = Date.now();
  if (project.installer === 'pnpm') {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    const overrides = { '@scribe/core': manifest.dependencies['@scribe/core'] };
    // JSON is YAML: the settings a pnpm user writes, plus where the store is kept between runs.
    writeFileSync(join(directory, 'pnpm-workspace.yaml'), `${JSON.stringify({ overrides, allowBuilds: PNPM_ALLOW_BUILDS, storeDir: join(cache, 'pnpm-store') }, null, 2)}\n`);
    run('pnpm', ['install'], { cwd: directory, env: cleanEnvironment() });
    log(`${project.name}: pnpm install took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return '';
  }
  const logs = join(directory, '.npm-logs');
  // No flags and no onnxruntime switch: only the cache and the log directory are placed, through npm's environment.
  run('npm', ['install'], { cwd: directory, env: cleanEnvironment({ npm_config_cache: join(cache, 'npm'), npm_config_logs_dir: logs }) });
  log(`${project.name}: npm install took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return readdirSync(logs).map((file) => readFileSync(join(logs, file), 'utf8')).join('\n');
}

/**
 * Where onnxruntime-node's install script failed (it downloads CUDA files from outside the registry on Linux x64),
 * npm must have left the package out and carried on: the log says so. Returns the runtime Silero must then use.
 */
function expectedRuntime(project, npmLog) {
  if (project.installer === 'pnpm') {
    // pnpm keeps the package and skips its script (allowBuilds false): the native CPU runtime must be there and used.
    const store = readdirSync(join(work, project.name, 'node_modules', '.pnpm'));
    if (!store.some((entry) => entry.startsWith('onnxruntime-node@'))) throw new Error(`${project.name}: pnpm did not install onnxruntime-node`);
    log(`${project.name}: pnpm installed with allowBuilds ${JSON.stringify(PNPM_ALLOW_BUILDS)}: native Silero expected`);
    return 'direct';
  }
  const present = existsSync(join(work, project.name, 'node_modules', 'onnxruntime-node', 'package.json'));
  const scriptFailed = /run onnxruntime-node@\S+ postinstall \{ code: [1-9]/.test(npmLog);
  if (present) {
    if (scriptFailed) throw new Error(`${project.name}: onnxruntime-node's install script failed, yet npm kept the package`);
    log(`${project.name}: onnxruntime-node installed (its install script succeeded): native Silero expected`);
    return 'direct';
  }
  if (!scriptFailed || !/failed optional dependency \S+node_modules\/onnxruntime-node\b/.test(npmLog)) {
    throw new Error(`${project.name}: onnxruntime-node is missing but npm's log does not show its install script failing as an optional dependency`);
  }
  const host = /(?:ENOTFOUND|ECONNREFUSED|EAI_AGAIN) (\S+)/.exec(npmLog)?.[1];
  log(`${project.name}: onnxruntime-node's install script failed${host ? ` (could not reach ${host})` : ''}; npm left it out and the install succeeded: WebAssembly Silero expected`);
  return 'wasm';
}

/** Starts the workspace's built @scribe/server on a free port and resolves with its URL. */
function startServer() {
  const child = spawn(process.execPath, [join(root, 'packages/server/dist/cli.js'), '--port', '0', '--data-dir', join(work, 'server-data')], { stdio: ['ignore', 'pipe', 'inherit'] });
  server = child;
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', (code) => reject(new Error(`scribe-server exited with ${code} before listening: ${output}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
  });
}

/** Type-checks (and where it emits, compiles) the project with its own TypeScript, then runs it on the sample. */
async function checkAndRun(project, url) {
  const directory = join(work, project.name);
  run(process.execPath, [join(directory, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: directory });
  const version = run(process.execPath, [join(directory, 'node_modules/typescript/bin/tsc'), '--version'], { cwd: directory }).trim();
  log(`${project.name}: type-checks with ${version} (strict, skipLibCheck false)`);
  const environment = cleanEnvironment({
    SCRIBE_BASE_URL: url,
    SCRIBE_CLIENT_ID: 'local-dev-client',
    SCRIBE_CLIENT_SECRET: 'local-dev-secret',
    SCRIBE_DEFAULT_TEMPLATES: 'clinical_notes_template',
  });
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [project.entry, join(root, SAMPLE)], { cwd: directory, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${project.name} exited with ${code}:\n${stdout}\n${stderr}`))));
  });
  return JSON.parse(output.trim().split('\n').at(-1));
}

function nodeModulesSummary(project) {
  const directory = join(work, project.name);
  const bytes = Number(run('du', ['-sb', join(directory, 'node_modules')]).split('\t')[0]);
  const list = project.installer === 'pnpm' ? ['pnpm', ['ls', '--depth', 'Infinity', '--parseable']] : ['npm', ['ls', '--all', '--parseable']];
  // One line per package, the project itself first.
  const packages = new Set(run(list[0], list[1], { cwd: directory, env: cleanEnvironment() }).trim().split('\n')).size - 1;
  return `${(bytes / 1e6).toFixed(1)} MB, ${packages} packages`;
}

function cleanUp() {
  if (server && server.exitCode === null) server.kill();
  if (values.keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(1);
  });
}

try {
  mkdirSync(join(work, 'tarballs'));
  const tarballs = packAll(join(work, 'tarballs'));
  log(`packed ${[...tarballs.keys()].join(', ')}`);
  // --server-only: just the server's install (pack-install/server-install.mjs), without the four @scribe/node projects.
  const projects = values['server-only'] ? [] : PROJECTS;
  const url = projects.length > 0 ? await startServer() : undefined;
  for (const project of projects) {
    const runtime = expectedRuntime(project, install(project, tarballs));
    log(`${project.name}: node_modules ${nodeModulesSummary(project)}`);
    const result = await checkAndRun(project, url);
    if (result.inference !== runtime) throw new Error(`${project.name}: Silero ran on ${result.inference}, expected ${runtime}`);
    if (result.status !== 'completed') throw new Error(`${project.name}: the session ended ${result.status}, expected completed`);
    if (result.transcript.split(/\s+/).filter(Boolean).length < 5) throw new Error(`${project.name}: the transcript is nearly empty: "${result.transcript}"`);
    log(`${project.name}: session completed (Silero on ${result.inference}), transcript "${result.transcript.replace(/\s+/g, " ").slice(0, 60)}..."`);
  }
  if (projects.length > 0) log(`all ${projects.length} consumer projects installed, type-checked and completed a session`);
  await checkServerInstall({ work, root, tarballs, sample: join(root, SAMPLE), install, expectedRuntime, cleanEnvironment, run, log });
  log('@scribe/server installed with a bare npm install, started with npx scribe-server and cut a streamed session');
} catch (error) {
  console.error('[pack-install] FAILED:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  cleanUp();
}
