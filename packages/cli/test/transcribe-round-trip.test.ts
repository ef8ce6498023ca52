import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes';
import { runCli } from './support/run-cli';
import { CONSULTATION_WAV } from './support/samples';
import { CLI_TEST_TEMPLATE, startCliServer } from './support/start-cli-server';
import { createTempDirectory } from './support/temp-directory';

// The real thing end to end: the built command, the reference server with its local engine (pocketsphinx and the
// rule-based extractor), a recorded consultation, and Silero speech detection on this machine.
describe('scribe transcribe --json against the real local server', () => {
  it('prints one parseable line with the completed result and its SOAP note, saves it with --out, and `result` reads it back', async () => {
    const t = await startCliServer();
    const cwd = createTempDirectory({ '.env': t.dotEnv() });

    const run = await runCli(['transcribe', CONSULTATION_WAV, '--json', '--out', 'notes'], { cwd });

    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string);
    expect(line.file).toBe(CONSULTATION_WAV);
    expect(line.result.status).toBe('completed');
    expect(line.result.transcript).toMatch(/three days/);
    const [document] = line.result.templates;
    expect(document[CLI_TEST_TEMPLATE].status).toBe('success');
    expect(document[CLI_TEST_TEMPLATE].data.subjective).toMatch(/3 days/);
    expect(line.result.audio_files_received).toBeGreaterThan(0);
    // Only speech went up: every upload is a chunk of the one session the command created.
    expect(t.requests(/\/sessions$/, 'POST')).toHaveLength(1);

    const saved = JSON.parse(readFileSync(join(cwd, 'notes', 'chest-pain-consultation.json'), 'utf8'));
    expect(line.output).toBe(join(cwd, 'notes', 'chest-pain-consultation.json'));
    expect(saved).toEqual(line.result);

    const again = await runCli(['result', line.result.session_id], { cwd });
    expect(again.code, again.stderr).toBe(EXIT_CODES.ok);
    expect(JSON.parse(again.stdout).result).toMatchObject({ session_id: line.result.session_id, status: 'completed', templates: line.result.templates });
  });
});
