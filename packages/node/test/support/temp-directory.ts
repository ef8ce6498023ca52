import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh directory under the system temp dir holding `files` (name → text), removed when the test finishes. Used
 * as the client's working directory, so no `.env` or `scribe.config.*` of the repository leaks into a test.
 */
export function createTempDirectory(files: Record<string, string> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'scribe-node-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}
