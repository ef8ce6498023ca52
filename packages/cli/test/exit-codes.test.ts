import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_ACCOUNT } from '@scribe/server';
import { EXIT_CODES } from '../src/exit-codes';
import { runCli } from './support/run-cli';
import { CONSULTATION_WAV } from './support/samples';
import { createFixedEngine, startCliServer } from './support/start-cli-server';
import { createTempDirectory } from './support/temp-directory';

describe('exit codes: one per failure class, each with a message on stderr', () => {
  it.each([
    ['an unknown flag', ['transcribe', 'visit.wav', '--bogus'], /unknown option '--bogus'/],
    ['a command without its file', ['transcribe'], /missing required argument 'files'/],
    ['an unknown command', ['transcibe', 'visit.wav'], /unknown command 'transcibe'/],
    ['a bad --transport', ['transcribe', 'visit.wav', '--transport', 'pigeon'], /Allowed choices are chunks, stream/],
    ['resume without a queue directory', ['resume'], /--queue-dir/],
  ])('usage (%s)', async (_name, args, message) => {
    const run = await runCli(args, { cwd: createTempDirectory() });
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('usage: no credentials configured is a configuration problem, reported before any request', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCli(['templates'], { cwd: createTempDirectory({ '.env': `SCRIBE_BASE_URL=${t.url}` }) });
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'config_error', message: expect.stringMatching(/SCRIBE_CLIENT_ID/) } });
    expect(t.requests()).toHaveLength(0);
  });

  it('auth: a wrong client secret, and the secret never printed', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const secret = 'wrong-secret-7f3a9c';
    const cwd = createTempDirectory({ '.env': t.dotEnv({ SCRIBE_CLIENT_SECRET: secret }) });
    const run = await runCli(['transcribe', CONSULTATION_WAV], { cwd });
    expect(run.code).toBe(EXIT_CODES.auth);
    expect(run.stderr).toMatch(/^\{"file":.*"error":\{"code":"auth_error"/);
    expect(run.stderr + run.stdout).not.toContain(secret);
    expect(t.requests(/\/sessions$/, 'POST')).toHaveLength(0);
  });

  it('input: a missing file, before any session is created', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const cwd = createTempDirectory({ '.env': t.dotEnv() });
    const run = await runCli(['transcribe', 'missing.wav'], { cwd });
    expect(run.code).toBe(EXIT_CODES.input);
    expect(JSON.parse(run.stderr)).toMatchObject({ file: 'missing.wav', error: { code: 'invalid_audio', message: expect.stringMatching(/missing\.wav/) } });
    expect(t.requests(/\/sessions$/, 'POST')).toHaveLength(0);
  });

  it('input: a corrupt file (binary bytes of no audio format), before any session is created', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const cwd = createTempDirectory({ '.env': t.dotEnv() });
    writeFileSync(join(cwd, 'corrupt.wav'), Uint8Array.from({ length: 4096 }, (_, index) => (index * 151 + 7) % 256));
    const run = await runCli(['transcribe', 'corrupt.wav', '--json'], { cwd });
    expect(run.code).toBe(EXIT_CODES.input);
    expect(JSON.parse(run.stderr)).toMatchObject({ file: 'corrupt.wav', error: { code: 'invalid_audio', message: expect.stringMatching(/corrupt\.wav/) } });
    expect(t.requests(/\/sessions$/, 'POST')).toHaveLength(0);
  });

  it('input: a corrupt file behind a valid WAV header (found while decoding)', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const cwd = createTempDirectory({ '.env': t.dotEnv() });
    writeFileSync(join(cwd, 'truncated.wav'), Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEjunk'), Buffer.alloc(64, 0xab)]));
    const run = await runCli(['transcribe', 'truncated.wav', '--json'], { cwd });
    expect(run.code).toBe(EXIT_CODES.input);
    expect(JSON.parse(run.stderr)).toMatchObject({ file: 'truncated.wav', error: { code: 'invalid_audio' } });
  });

  it('input: a capture device that does not exist (`record`)', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCli(['record', '--device', 'no-such-device'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(run.code).toBe(EXIT_CODES.input);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'invalid_audio', message: expect.stringMatching(/no-such-device/) } });
  });

  it('input: an unknown session id for `result`', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCli(['result', 'ses_doesnotexist000000000'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(run.code).toBe(EXIT_CODES.input);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'session_not_found', status: 404 } });
  });

  it('service: a server that answers 503 to the create', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    t.server.faults.add({ method: 'POST', path: '/sessions$', kind: 'status', status: 503, times: 10 });
    const run = await runCli(['transcribe', CONSULTATION_WAV], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(run.code).toBe(EXIT_CODES.service);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'api_error', status: 503 } });
  });

  it('service: an unreachable server (connection refused)', async () => {
    const port = await closedPort();
    const cwd = createTempDirectory({ '.env': `SCRIBE_BASE_URL=http://127.0.0.1:${port}\nSCRIBE_CLIENT_ID=${DEV_ACCOUNT.clientId}\nSCRIBE_CLIENT_SECRET=${DEV_ACCOUNT.clientSecret}\nSCRIBE_DEFAULT_TEMPLATES=clinical_notes_template` });
    const run = await runCli(['templates'], { cwd });
    expect(run.code).toBe(EXIT_CODES.service);
    expect(run.stderr).toMatch(/ECONNREFUSED/);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
