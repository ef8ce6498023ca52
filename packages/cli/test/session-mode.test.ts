import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes';
import { fileMicrophone } from './support/file-microphone';
import { runCli, runCliOnTty } from './support/run-cli';
import { CONSULTATION_WAV } from './support/samples';
import { createFixedEngine, startCliServer, type CliTestServer } from './support/start-cli-server';
import { createTempDirectory } from './support/temp-directory';

// The `session_mode` the server was sent, from its own request log: what the CLI asked for, whatever it echoes.
function sentSessionModes(t: CliTestServer): unknown[] {
  return t.requests(/\/sessions$/, 'POST').map((request) => (request.body as { session_mode?: unknown } | undefined)?.session_mode);
}

describe('--mode: the session mode of the sessions a command creates', () => {
  it.each([
    ['transcribe', (file: string) => ['transcribe', file]],
    ['stream', (file: string) => ['stream', file]],
  ])('%s --mode consultation creates a consultation session (sent, stored and echoed by the server)', async (_command, args) => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCli([...args(CONSULTATION_WAV), '--mode', 'consultation', '--json'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });

    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(sentSessionModes(t)).toEqual(['consultation']);
    const { result } = JSON.parse(run.stdout);
    expect(result).toMatchObject({ status: 'completed', session_mode: 'consultation' });
    // The server's stored session, read back through the public GET the `result` command makes.
    const stored = await runCli(['result', result.session_id, '--no-wait'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(stored.code, stored.stderr).toBe(EXIT_CODES.ok);
    expect(JSON.parse(stored.stdout).result.session_mode).toBe('consultation');
  });

  it('record --mode consultation creates a consultation session', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const microphone = fileMicrophone(CONSULTATION_WAV);
    const cwd = createTempDirectory({ '.env': t.dotEnv() });
    const run = await runCli(['record', '--device', microphone.device, '--max-seconds', '6', '--mode', 'consultation', '--json'], { cwd, env: microphone.env });

    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(sentSessionModes(t)).toEqual(['consultation']);
    expect(JSON.parse(run.stdout).result).toMatchObject({ status: 'completed', session_mode: 'consultation' });
  });

  it('the readable result on a terminal names the mode the server echoed', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCliOnTty(['transcribe', CONSULTATION_WAV, '--mode', 'consultation'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(run.code, run.stdout).toBe(EXIT_CODES.ok);
    expect(run.stdout).toMatch(/chest-pain-consultation\.wav: completed \(session ses_\w+, consultation\)/);
  });

  it('without --mode the configured default applies (dictation unless SCRIBE_DEFAULT_SESSION_MODE says otherwise), and --mode overrides it', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const unset = await runCli(['transcribe', CONSULTATION_WAV, '--json'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    const configured = createTempDirectory({ '.env': t.dotEnv({ SCRIBE_DEFAULT_SESSION_MODE: 'consultation' }) });
    const fromConfiguration = await runCli(['transcribe', CONSULTATION_WAV, '--json'], { cwd: configured });
    const overridden = await runCli(['transcribe', CONSULTATION_WAV, '--mode', 'dictation', '--json'], { cwd: configured });

    for (const run of [unset, fromConfiguration, overridden]) expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(sentSessionModes(t)).toEqual(['dictation', 'consultation', 'dictation']);
    expect([unset, fromConfiguration, overridden].map((run) => JSON.parse(run.stdout).result.session_mode)).toEqual(['dictation', 'consultation', 'dictation']);
  });

  it.each(['transcribe', 'stream', 'record'])('%s refuses a mode outside consultation|dictation as a usage error, before any request', async (command) => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const args = command === 'record' ? [command] : [command, CONSULTATION_WAV];
    const run = await runCli([...args, '--mode', 'interview', '--json'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });

    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toMatch(/option '--mode <mode>' argument 'interview' is invalid\. Allowed choices are consultation, dictation\./);
    expect(run.stdout).toBe('');
    expect(t.requests()).toHaveLength(0);
  });

  it('--help names the flag, its values and its default', async () => {
    const run = await runCli(['help', 'transcribe'], { cwd: createTempDirectory() });
    expect(run.code).toBe(EXIT_CODES.ok);
    // Commander wraps the text to the terminal's width; compare it as one line.
    expect(run.stdout.replaceAll(/\s+/g, ' ')).toContain(
      '--mode <mode> the session mode: a recorded conversation or one speaker dictating (default: the configured defaultSessionMode, dictation) (choices: "consultation", "dictation")',
    );
  });
});
