import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node } from './modules.mjs';

// An empty working directory, so no .env or scribe.config.* of the machine applies; removed when the worker exits.
const cwd = mkdtempSync(join(tmpdir(), 'scribe-bench-cwd-'));
process.on('exit', () => rmSync(cwd, { recursive: true, force: true }));

/** A client for the local reference server's development account, isolated from the machine's configuration. */
export function benchClient(url, options = {}) {
  return new node.ScribeClient({
    baseUrl: url,
    authBaseUrl: url,
    clientId: 'local-dev-client',
    clientSecret: 'local-dev-secret',
    defaultTemplates: ['clinical_notes_template'],
    cwd,
    dotEnv: false,
    processEnv: {},
    ...options,
  });
}
