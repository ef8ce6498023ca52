import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh directory holding `files` (name → text), removed when the test finishes: the CLI's working directory. */
export function createTempDirectory(files: Record<string, string> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'scribe-cli-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}
