import { describe, expect, it } from 'vitest';
import { ConfigError, loadNodeConfig, ScribeClient, type ScribeOptions } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';

interface Sources {
  files?: Record<string, string>;
  env?: Record<string, string>;
  options?: ScribeOptions;
}

function configError({ files = {}, env = {}, options = {} }: Sources): ConfigError {
  const cwd = createTempDirectory(files);
  try {
    loadNodeConfig(options, { cwd, processEnv: env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

// Unknown SCRIBE_* variables only warn (the prefix is shared): see unknown-variables.test.ts.
describe('[#98] unknown keys → ConfigError listing the valid ones', () => {
  it('an unknown config-file key, with a suggestion and the valid keys', () => {
    const error = configError({ files: { 'scribe.config.json': JSON.stringify({ default_modle: 'pro' }) } });
    expect(error.message).toContain('default_modle (did you mean default_model?)');
    expect(error.message).toMatch(/Valid keys: .*default_model.*poll_interval/);
    expect(error.details?.unknown).toEqual(['default_modle']);
  });

  it('an unknown explicit option', () => {
    const error = configError({ options: { pollIntervall: 2 } as ScribeOptions });
    expect(error.message).toContain('pollIntervall (did you mean pollInterval?)');
    expect(error.message).toMatch(/Valid options: .*pollInterval/);
  });

  it('camelCase in a file is refused: files use snake_case', () => {
    const error = configError({ files: { 'scribe.config.yaml': 'defaultModel: pro\n' } });
    expect(error.message).toContain('defaultModel');
    expect(error.message).toContain('default_model');
  });
});

describe('[#98] malformed values → ConfigError naming where they came from', () => {
  it.each(['fast', '-1', '1s', 'NaN'])('SCRIBE_POLL_INTERVAL=%s', (value) => {
    const error = configError({ env: { SCRIBE_POLL_INTERVAL: value } });
    expect(error.message).toContain('SCRIBE_POLL_INTERVAL must be a number of seconds');
    expect(error.message).toContain(JSON.stringify(value));
  });

  it('a bad value in .env is named by its variable', () => {
    const error = configError({ files: { '.env': 'SCRIBE_MAX_RETRIES=2.5\n' } });
    expect(error.message).toContain('SCRIBE_MAX_RETRIES must be an integer');
  });

  it('a bad value in a file is named by key and file', () => {
    const error = configError({ files: { 'scribe.config.yaml': 'request_timeout: 0\n' } });
    expect(error.message).toMatch(/request_timeout in .*scribe\.config\.yaml must be a number of seconds greater than 0/);
  });

  it('a bad explicit option is named as an option', () => {
    const error = configError({ options: { maxChunkSeconds: 30 } });
    expect(error.message).toContain('option maxChunkSeconds must be a number of seconds from 1 to 24');
  });

  it('a URL that is not http(s)', () => {
    expect(configError({ env: { SCRIBE_BASE_URL: 'ftp://files.example' } }).message).toContain('SCRIBE_BASE_URL must be an absolute http(s) URL');
  });

  it('[#93] plain http:// to a non-loopback host is refused unless allow_insecure', () => {
    const error = configError({ env: { SCRIBE_BASE_URL: 'http://scribe.example.com/voice' } });
    expect(error.message).toContain('allow_insecure');
    const cwd = createTempDirectory({ 'scribe.config.json': JSON.stringify({ allow_insecure: true }) });
    expect(loadNodeConfig({}, { cwd, processEnv: { SCRIBE_BASE_URL: 'http://scribe.example.com/voice' } }).baseUrl).toBe('http://scribe.example.com/voice');
  });
});

describe('[#98][#2] an unknown env → ConfigError listing dev and prod', () => {
  it.each<[string, Sources]>([
    ['SCRIBE_ENV', { env: { SCRIBE_ENV: 'staging' } }],
    ['.env', { files: { '.env': 'SCRIBE_ENV=staging\n' } }],
    ['config file', { files: { 'scribe.config.json': JSON.stringify({ env: 'staging' }) } }],
    ['option', { options: { env: 'staging' as 'prod' } }],
  ])('from %s', (_where, sources) => {
    const error = configError(sources);
    expect(error.message).toContain('one of dev, prod');
    expect(error.message).toContain('"staging"');
  });

  it('env is case-insensitive', () => {
    expect(loadNodeConfig({}, { cwd: createTempDirectory(), processEnv: { SCRIBE_ENV: 'DEV' } }).env).toBe('dev');
  });

  it('ScribeClient construction fails on it, before any request', () => {
    expect(() => new ScribeClient({ cwd: createTempDirectory(), processEnv: { SCRIBE_ENV: 'staging' } })).toThrowError(/one of dev, prod/);
  });
});
