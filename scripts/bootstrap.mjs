#!/usr/bin/env node
// Sets up a fresh machine that has only Node 20 and npm, then runs one pnpm script of the workspace.
// Usage: node scripts/bootstrap.mjs <script> [args...]   (used by `npm run demo` and `npm test`)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const PNPM_VERSION = '12.4.2';
const root = join(import.meta.dirname, '..');
const [script = 'test', ...args] = process.argv.slice(2);

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return 'pnpm';
  // corepack fails signature checks on these machines; a pinned npm install is reliable.
  const local = join(root, '.tools');
  const localBin = join(local, 'bin', 'pnpm');
  if (!existsSync(localBin)) {
    console.log(`[bootstrap] installing pnpm@${PNPM_VERSION} into .tools/`);
    if (run('npm', ['install', '--global', '--prefix', local, `pnpm@${PNPM_VERSION}`, '--no-audit', '--no-fund']) !== 0) process.exit(1);
  }
  return localBin;
}

// System tools the tests and the demo need, from Debian's packages: ffmpeg decodes AAC (no permissive npm decoder
// exists) and compressed uploads on the server; arecord captures the microphone (tested through an ALSA device that
// reads a file); pocketsphinx and its US English model are the local server's offline speech recogniser. Installed
// with apt when missing and running as root; otherwise say what to install. `probe` is the argument that prints a
// version, or false for a command found on PATH without running it (pocketsphinx has no harmless version flag);
// `files` are alternatives of which one must exist; `brew` names the Homebrew formula where it differs.
const POCKETSPHINX_MODELS = ['share/pocketsphinx/model/en-us/en-us.lm.bin'].flatMap((file) => ['/usr', '/usr/local', '/opt/homebrew'].map((prefix) => join(prefix, file)));
const SYSTEM_PACKAGES = [
  { command: 'ffmpeg', debian: 'ffmpeg' },
  { command: 'arecord', debian: 'alsa-utils', probe: '--version' },
  { command: 'pocketsphinx_continuous', alternatives: ['pocketsphinx'], debian: 'pocketsphinx', probe: false },
  { files: POCKETSPHINX_MODELS, debian: 'pocketsphinx-en-us', brew: 'pocketsphinx' },
  // The browser packages' tests run in Debian's Chromium (never a downloaded browser); SCRIBE_CHROMIUM names another.
  { command: process.env.SCRIBE_CHROMIUM ?? 'chromium', debian: 'chromium', brew: '--cask chromium', probe: '--version', only: ['test:all'] },
];

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((directory) => directory && existsSync(join(directory, command)));
}

function isPresent({ command, alternatives = [], probe, files }) {
  if (files) return files.some((file) => existsSync(file)) || Boolean(process.env.SCRIBE_POCKETSPHINX_MODEL);
  if (probe === false) return [command, ...alternatives].some(onPath);
  return spawnSync(command, [probe ?? '-version'], { stdio: 'ignore' }).status === 0;
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((entry) => (entry.only ?? [script]).includes(script) && !isPresent(entry));
  if (missing.length === 0) return;
  const names = missing.map(({ debian }) => debian);
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (hasApt && process.getuid?.() === 0) {
    console.log(`[bootstrap] installing ${names.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { env }) === 0) return;
    if (run('apt-get', ['update', '-qq'], { env }) === 0 && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { env }) === 0) return;
  }
  const brew = [...new Set(missing.map(({ debian, brew: formula }) => formula ?? debian))];
  console.error(`[bootstrap] missing system packages: ${names.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${names.join(' ')}; macOS: brew install ${brew.join(' ')}; elsewhere see README.md, "Set-up").`);
  process.exit(1);
}

ensureSystemPackages();
const pnpm = pnpmCommand();
const install = process.env.CI ? ['install', '--frozen-lockfile'] : ['install', '--prefer-offline'];
if (run(pnpm, install) !== 0) process.exit(1);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', PATH: `${join(root, '.tools', 'bin')}:${process.env.PATH}` };
process.exit(run(pnpm, ['run', script, ...args], { env }));
