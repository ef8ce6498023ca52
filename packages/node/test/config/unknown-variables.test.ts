import { describe, expect, it } from 'vitest';
import { loadNodeConfig, ScribeClient } from '@scribe/node';
import { createCapturingLogger } from '../support/capturing-logger';
import { createTempDirectory } from '../support/temp-directory';

const warnings = (lines: readonly string[]) => lines.filter((line) => line.startsWith('warn '));

describe('unknown SCRIBE_* variables are warned about, never fatal (issue 12)', () => {
  it('in the real environment: the client is built, one warning per name, a near miss gets its suggestion', async () => {
    const logger = createCapturingLogger();
    const processEnv = { SCRIBE_BASEURL: 'http://127.0.0.1:9', SCRIBE_POCKETSPHINX: '/usr/bin/pocketsphinx', SCRIBE_WEBHOOK_SECRET: 's3cret' };

    const client = new ScribeClient({ cwd: createTempDirectory(), processEnv, logger });
    await client.close();

    const lines = warnings(logger.lines);
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.includes('SCRIBE_BASEURL'))).toContain('did you mean SCRIBE_BASE_URL?');
    expect(lines.find((line) => line.includes('SCRIBE_POCKETSPHINX'))).not.toContain('did you mean');
    expect(lines.some((line) => line.includes('SCRIBE_WEBHOOK_SECRET'))).toBe(true);
    // The name is reported, the value never is (an app's variable may well be a secret).
    expect(logger.lines.join('\n')).not.toContain('s3cret');
    // An unknown name is ignored, not guessed at: the base URL stays the preset's.
    expect(client.config.baseUrl).not.toContain('127.0.0.1:9');
  });

  it('in .env: no throw, the known settings still apply, the near miss is suggested', () => {
    const logger = createCapturingLogger();
    const cwd = createTempDirectory({ '.env': 'SCRIBE_BASEURL=http://127.0.0.1:9\nSCRIBE_DEFAULT_MODEL=pro\n' });

    const config = loadNodeConfig({}, { cwd, processEnv: {}, logger });

    expect(config.defaultModel).toBe('pro');
    expect(warnings(logger.lines)).toEqual([expect.stringContaining('SCRIBE_BASEURL (did you mean SCRIBE_BASE_URL?)')]);
  });

  it('a name set both in .env and the environment is warned about once', () => {
    const logger = createCapturingLogger();
    const cwd = createTempDirectory({ '.env': 'SCRIBE_POCKETSPHINX=/opt/ps\n' });
    loadNodeConfig({}, { cwd, processEnv: { SCRIBE_POCKETSPHINX: '/usr/bin/pocketsphinx' }, logger });
    expect(warnings(logger.lines)).toHaveLength(1);
  });

  it('without a logger the unknown name is silently ignored', () => {
    expect(() => new ScribeClient({ cwd: createTempDirectory(), processEnv: { SCRIBE_WEBHOOK_SECRET: 'x' } })).not.toThrow();
  });
});
