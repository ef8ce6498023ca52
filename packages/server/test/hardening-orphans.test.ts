import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fakeExecutable } from './engine/engine-test-support.js';
import { call, KEY_HEADERS, temporaryDataDir } from './helpers/harness.js';
import { eventually, processAlive, startServerProcess } from './helpers/server-process.js';
import { makeWav } from './helpers/wav.js';

// Issue 11 item 12: after `kill -9` of the server, pocketsphinx kept running and its copy of the patient audio stayed in
// the system temp directory for good.

async function pocketsphinxFolders(directory: string): Promise<string[]> {
  return (await readdir(directory).catch(() => [] as string[])).filter((name) => name.startsWith('scribe-pocketsphinx-'));
}

describe('no orphans after kill -9 of the server (issue 11 #12)', () => {
  it("the recogniser dies with the server, its audio is under the data directory, and the next start sweeps it", async () => {
    const dataDir = await temporaryDataDir();
    const pidFile = join(dataDir, '..', `recogniser-${process.pid}-${Date.now()}.pid`);
    // A recogniser that would run for five minutes: it records its process id, then waits (exec keeps the id).
    const recogniser = await fakeExecutable('pocketsphinx_continuous', `echo $$ > '${pidFile}'\nexec sleep 300`);
    const server = await startServerProcess(['--data-dir', dataDir, '--transcriber', 'pocketsphinx', '--pocketsphinx', recogniser]);

    const created = await call(server.url, 'POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['transcript'] } });
    const id = created.body.session_id as string;
    const wav = makeWav({ seconds: 1 });
    expect((await call(server.url, 'POST', `/v1/sessions/${id}/audio/chunk_0.wav`, { headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav' }, body: wav })).status).toBe(200);
    expect((await call(server.url, 'POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, json: { audio_files_sent: 1 } })).status).toBe(202);

    expect(await eventually(async () => (await readFile(pidFile, 'utf8').catch(() => '')).trim() !== '', 10_000)).toBe(true);
    const recogniserPid = Number((await readFile(pidFile, 'utf8')).trim());
    onTestFinished(() => {
      if (processAlive(recogniserPid)) process.kill(recogniserPid, 'SIGKILL');
    });
    expect(processAlive(recogniserPid)).toBe(true);
    // The recogniser's copy of the audio is under the data directory, not the system's temp directory.
    const scratch = join(dataDir, 'tmp');
    const [folder] = await pocketsphinxFolders(scratch);
    expect(folder).toBeDefined();
    expect(await readdir(join(scratch, folder as string))).toEqual([`${id}.wav`]);
    for (const other of await pocketsphinxFolders(tmpdir())) {
      expect(await readdir(join(tmpdir(), other)).catch(() => [])).not.toContain(`${id}.wav`);
    }

    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    expect(await eventually(() => !processAlive(recogniserPid), 5_000)).toBe(true);

    // The next start on the same data directory removes what the killed run left (no transcriber this time, so the
    // resumed processing leaves nothing new behind).
    const restarted = await startServerProcess(['--data-dir', dataDir, '--transcriber', 'none']);
    expect(await pocketsphinxFolders(scratch)).toEqual([]);
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }, 30_000);
});
