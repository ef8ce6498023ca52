// The consumer's install of @scribe/server (issue 12), checked by pack-install-check.mjs: `npm install --save-dev
// @scribe/server` from the tarballs into a fresh project with a bare `npm install` (registry-only network, no flags),
// then `npx scribe-server` must start, answer its discovery document, and cut a streamed sample into speech chunks
// with its own Silero VAD (on WebAssembly where npm left onnxruntime-node out).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The project's name under the work directory. */
export const SERVER_PROJECT = { name: 'server-npm', installer: 'npm' };

/**
 * Installs, starts and exercises the server. `helpers` are pack-install-check.mjs's own: `install(project, tarballs, manifest)`
 * with the manifest given, `expectedRuntime`, `cleanEnvironment`, `run`, `log`; `sample` is a 16 kHz WAV.
 */
export async function checkServerInstall({ work, root, tarballs, sample, install, expectedRuntime, cleanEnvironment, run, log }) {
  const directory = join(work, SERVER_PROJECT.name);
  const manifest = {
    name: `consumer-${SERVER_PROJECT.name}`,
    version: '1.0.0',
    private: true,
    // What `npm install --save-dev @scribe/server` writes; @scribe/core is not on the registry yet, so from its tarball.
    devDependencies: { '@scribe/core': `file:${tarballs.get('@scribe/core')}`, '@scribe/server': `file:${tarballs.get('@scribe/server')}` },
  };
  const runtime = expectedRuntime(SERVER_PROJECT, install(SERVER_PROJECT, tarballs, manifest));
  const server = await startInstalledServer(directory, cleanEnvironment);
  try {
    log(`${SERVER_PROJECT.name}: npx scribe-server listening on ${server.url}`);
    const response = await fetch(`${server.url}/.well-known/medscribealliance`);
    const discovery = response.ok ? await response.json() : undefined;
    if (discovery?.protocol !== 'medscribealliance' || !discovery.capabilities?.upload_methods?.includes('stream')) {
      throw new Error(`${SERVER_PROJECT.name}: the discovery document is wrong (HTTP ${response.status}): ${JSON.stringify(discovery)}`);
    }
    log(`${SERVER_PROJECT.name}: discovery document served (protocol ${discovery.protocol} ${discovery.protocol_version})`);
    const environment = cleanEnvironment({ SCRIBE_BASE_URL: server.url, SCRIBE_CLIENT_ID: 'local-dev-client', SCRIBE_CLIENT_SECRET: 'local-dev-secret', SCRIBE_DEFAULT_TEMPLATES: 'clinical_notes_template' });
    const result = JSON.parse(run(process.execPath, [join(import.meta.dirname, 'stream-sample.mjs'), sample], { cwd: root, env: environment }).trim().split('\n').at(-1));
    if (result.status !== 'completed' || result.chunks < 1 || result.transcript.split(/\s+/).filter(Boolean).length < 5) {
      throw new Error(`${SERVER_PROJECT.name}: the streamed session did not complete with speech chunks: ${JSON.stringify(result)}`);
    }
    // Where npm left onnxruntime-node out (runtime `wasm`), the cut above can only have run on onnxruntime-web.
    log(`${SERVER_PROJECT.name}: a streamed session was cut into ${result.chunks} speech chunks (Silero on ${runtime === 'wasm' ? 'WebAssembly' : 'onnxruntime-node'}) and completed`);
  } finally {
    await server.stop();
  }
}

/** `npx scribe-server --port 0` in the project, as a user runs it; resolves with its URL and a stop function. */
function startInstalledServer(directory, cleanEnvironment) {
  mkdirSync(join(directory, 'data'), { recursive: true });
  // Its own process group: npx runs the server as a child, and stopping the group stops both.
  const child = spawn('npx', ['scribe-server', '--port', '0', '--data-dir', join(directory, 'data')], { cwd: directory, env: cleanEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      process.kill(-child.pid, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`npx scribe-server exited with ${code} before listening:\n${output}`)));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, stop });
    });
  });
}
