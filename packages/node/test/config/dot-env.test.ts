import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadNodeConfig, ScribeClient } from '@scribe/node';
import { createCapturingLogger } from '../support/capturing-logger';
import { createTempDirectory } from '../support/temp-directory';

describe('[#95] .env is read from the working directory', () => {
  const originalCwd = process.cwd();
  afterEach(() => {
    process.chdir(originalCwd);
    vi.unstubAllEnvs();
  });

  it('a client built with no options reads .env from process.cwd() and never writes it into process.env', () => {
    process.chdir(createTempDirectory({ '.env': 'SCRIBE_DEFAULT_MODEL=pro\nSCRIBE_CLIENT_ID=dotenv-client\nOTHER_TOOL_SETTING=x\n' }));
    const before = { ...process.env };

    const client = new ScribeClient();

    expect(client.config.defaultModel).toBe('pro');
    expect(client.config.clientId).toBe('dotenv-client');
    expect(process.env).toEqual(before);
    expect(process.env.SCRIBE_DEFAULT_MODEL).toBeUndefined();
    expect(process.env.OTHER_TOOL_SETTING).toBeUndefined();
  });

  it('never overrides a variable already set in the real environment', () => {
    process.chdir(createTempDirectory({ '.env': 'SCRIBE_DEFAULT_MODEL=pro\nSCRIBE_POLL_TIMEOUT=30\n' }));
    vi.stubEnv('SCRIBE_DEFAULT_MODEL', 'lite-from-shell');

    const client = new ScribeClient();

    expect(client.config.defaultModel).toBe('lite-from-shell');
    expect(client.config.pollTimeout).toBe(30);
    expect(process.env.SCRIBE_DEFAULT_MODEL).toBe('lite-from-shell');
  });

  it('reads only the `cwd` given, not the directory the process runs in', () => {
    process.chdir(createTempDirectory({ '.env': 'SCRIBE_DEFAULT_MODEL=from-process-cwd\n' }));
    const other = createTempDirectory({ '.env': 'SCRIBE_DEFAULT_MODEL=from-given-cwd\n' });
    expect(loadNodeConfig({}, { cwd: other, processEnv: {} }).defaultModel).toBe('from-given-cwd');
  });

  it('a missing .env is no error, and `dotEnv: false` ignores an existing one', () => {
    expect(loadNodeConfig({}, { cwd: createTempDirectory(), processEnv: {} }).defaultModel).toBe('lite');
    const cwd = createTempDirectory({ '.env': 'SCRIBE_DEFAULT_MODEL=pro\n' });
    expect(loadNodeConfig({}, { cwd, processEnv: {}, dotEnv: false }).defaultModel).toBe('lite');
  });

  it('variables other than SCRIBE_* in .env or the environment are ignored, not rejected', () => {
    const cwd = createTempDirectory({ '.env': 'DATABASE_URL=postgres://x\nSCRIBE_DEFAULT_MODEL=pro\n' });
    expect(loadNodeConfig({}, { cwd, processEnv: { PATH: '/usr/bin', HOME: '/root' } }).defaultModel).toBe('pro');
  });

  it('an unknown SCRIBE_* name in .env is ignored with a warning suggesting the right name', () => {
    const cwd = createTempDirectory({ '.env': 'SCRIBE_DEFAULT_MODLE=pro\n' });
    const logger = createCapturingLogger();
    expect(loadNodeConfig({}, { cwd, processEnv: {}, logger }).defaultModel).toBe('lite');
    expect(logger.lines).toEqual([expect.stringMatching(/^warn .*SCRIBE_DEFAULT_MODLE \(did you mean SCRIBE_DEFAULT_MODEL\?\)/)]);
  });
});
