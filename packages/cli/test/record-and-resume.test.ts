import { describe, expect, it, vi } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes';
import { fileMicrophone } from './support/file-microphone';
import { runCli, startCli } from './support/run-cli';
import { CONSULTATION_WAV } from './support/samples';
import { createFixedEngine, startCliServer } from './support/start-cli-server';
import { createTempDirectory } from './support/temp-directory';

// Polling a condition of the real server: the microphone delivers audio in real time, so the first chunk takes a few seconds.
const UNTIL_FIRST_CHUNK = { timeout: 30_000, interval: 100 };

describe('scribe record: the microphone (arecord on a file-backed ALSA device), Ctrl-C ends it', () => {
  it('Ctrl-C stops the recording, the speech so far is sent, and the completed result is printed', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const microphone = fileMicrophone(CONSULTATION_WAV);
    const cwd = createTempDirectory({ '.env': t.dotEnv() });
    const recording = startCli(['record', '--device', microphone.device, '--json'], { cwd, env: microphone.env });

    await vi.waitFor(() => expect(t.requests(/\/audio\//, 'POST').length).toBeGreaterThan(0), UNTIL_FIRST_CHUNK);
    recording.child.kill('SIGINT');
    const run = await recording.done;

    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    const { result } = JSON.parse(run.stdout);
    expect(result.status).toBe('completed');
    expect(result.audio_files_received).toBeGreaterThan(0);
    expect(t.requests(/\/end$/, 'POST')).toHaveLength(1);
  });

  it('a second Ctrl-C while uploads fail keeps the chunks in --queue-dir; `scribe resume` sends them and ends the session', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const microphone = fileMicrophone(CONSULTATION_WAV);
    const cwd = createTempDirectory({ '.env': t.dotEnv() });
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'status', status: 503, times: 1_000 });
    const recording = startCli(['record', '--device', microphone.device, '--queue-dir', 'queue', '--json'], { cwd, env: microphone.env });

    await vi.waitFor(() => expect(t.requests(/\/audio\//, 'POST').length).toBeGreaterThan(0), UNTIL_FIRST_CHUNK);
    recording.child.kill('SIGINT'); // stop: waits for uploads that keep failing
    // Signals do not queue: the second is sent once the first was handled, or the two may arrive as one.
    await vi.waitFor(() => expect(recording.output().stderr).toMatch(/recording stopped/), UNTIL_FIRST_CHUNK);
    recording.child.kill('SIGINT'); // give up, keeping what is queued
    const run = await recording.done;
    expect(run.code).toBe(EXIT_CODES.interrupted);
    expect(run.stdout).toBe('');

    const listed = await runCli(['resume', '--list', '--queue-dir', 'queue'], { cwd });
    expect(listed.code, listed.stderr).toBe(EXIT_CODES.ok);
    const [pending] = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(pending.chunksPending).toBeGreaterThan(0);

    t.server.faults.clear();
    const resumed = await runCli(['resume', '--queue-dir', 'queue'], { cwd });
    expect(resumed.code, resumed.stderr).toBe(EXIT_CODES.ok);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ sessionId: pending.sessionId, outcome: 'ended', chunksUploaded: pending.chunksPending });

    const final = await runCli(['result', pending.sessionId], { cwd });
    expect(final.code, final.stderr).toBe(EXIT_CODES.ok);
    expect(JSON.parse(final.stdout).result).toMatchObject({ status: 'completed', audio_files_received: pending.chunksPending });
  });
});

describe('scribe stream FILE: the live WebSocket transport', () => {
  it('streams the file and prints the completed result', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCli(['stream', CONSULTATION_WAV, '--json'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    const line = JSON.parse(run.stdout);
    expect(line).toMatchObject({ file: CONSULTATION_WAV, result: { status: 'completed', upload_type: expect.any(String) } });
    expect(t.requests(/\/audio\//, 'POST')).toHaveLength(0);
  });
});
