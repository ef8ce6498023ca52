import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes';
import { runCli, runCliOnTty } from './support/run-cli';
import { CONSULTATION_MP3, CONSULTATION_WAV } from './support/samples';
import { createFixedEngine, startCliServer } from './support/start-cli-server';
import { createTempDirectory } from './support/temp-directory';

// Terminal control sequences (cursor moves, line clears) that only a progress display writes.
const CONTROL_SEQUENCE = '\u001b[';

describe('progress: a bar on a terminal, nothing decorative off one', () => {
  it('on a pseudo-terminal: the bar shows decoded %, speech, chunks uploaded and processing, then the readable result', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCliOnTty(['transcribe', CONSULTATION_MP3], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });

    expect(run.code, run.stdout).toBe(EXIT_CODES.ok);
    expect(run.stdout).toContain(CONTROL_SEQUENCE);
    // The duration is read from the MP3, so the decoded share is a percentage that reaches 100.
    expect(run.stdout).toMatch(/chest-pain-consultation\.mp3 \[[=-]+\] \d{1,2}% \| uploading \| audio \d+\.\ds \| speech \d+\.\ds \| chunks \d+\/\d+/);
    expect(run.stdout).toMatch(/\[=+\] 100% \| processing \| audio 22\.\ds \| speech [1-9]\d*\.\ds \| chunks ([1-9]\d*)\/\1/);
    expect(run.stdout).toMatch(/chest-pain-consultation\.mp3: completed \(session ses_\w+, dictation\)/);
    expect(run.stdout).toMatch(/clinical_notes_template \(success\):/);
  });

  it('on a pseudo-terminal with --json: no bar, one JSON line', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCliOnTty(['transcribe', CONSULTATION_WAV, '--json'], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(run.code, run.stdout).toBe(EXIT_CODES.ok);
    expect(run.stdout).not.toContain(CONTROL_SEQUENCE);
    expect(JSON.parse(run.stdout.trim()).result.status).toBe('completed');
  });

  it('off a terminal (pipes), without --json: JSON lines on stdout, and stderr stays empty', async () => {
    const t = await startCliServer({ engine: createFixedEngine() });
    const run = await runCli(['transcribe', CONSULTATION_WAV, CONSULTATION_MP3], { cwd: createTempDirectory({ '.env': t.dotEnv() }) });
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(CONTROL_SEQUENCE);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.file, line.result.status])).toEqual([
      [CONSULTATION_WAV, 'completed'],
      [CONSULTATION_MP3, 'completed'],
    ]);
  });
});
