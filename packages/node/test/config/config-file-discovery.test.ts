import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadNodeConfig, ScribeClient } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';

const json = (model: string) => JSON.stringify({ default_model: model });
const yaml = (model: string) => `default_model: ${model}\n`;

function modelFrom(files: Record<string, string>, options: { configFile?: string; env?: Record<string, string> } = {}): string {
  const cwd = createTempDirectory(files);
  return loadNodeConfig({ configFile: options.configFile }, { cwd, processEnv: options.env ?? {} }).defaultModel;
}

function configErrorFrom(files: Record<string, string>, options: { configFile?: string; env?: Record<string, string> } = {}): ConfigError {
  try {
    modelFrom(files, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('[#96] which config file is read', () => {
  const all = {
    'explicit.json': json('explicit'),
    'from-env.yaml': yaml('from-env'),
    'scribe.config.json': json('json'),
    'scribe.config.yaml': yaml('yaml'),
    'scribe.config.yml': yaml('yml'),
  };

  it('the explicit path beats SCRIBE_CONFIG and the working-directory files', () => {
    expect(modelFrom(all, { configFile: 'explicit.json', env: { SCRIBE_CONFIG: 'from-env.yaml' } })).toBe('explicit');
  });

  it('SCRIBE_CONFIG beats the working-directory files, and may come from .env', () => {
    expect(modelFrom(all, { env: { SCRIBE_CONFIG: 'from-env.yaml' } })).toBe('from-env');
    expect(modelFrom({ ...all, '.env': 'SCRIBE_CONFIG=from-env.yaml\n' })).toBe('from-env');
  });

  it('then scribe.config.json, then .yaml, then .yml', () => {
    expect(modelFrom(all)).toBe('json');
    expect(modelFrom({ 'scribe.config.yaml': yaml('yaml'), 'scribe.config.yml': yaml('yml') })).toBe('yaml');
    expect(modelFrom({ 'scribe.config.yml': yaml('yml') })).toBe('yml');
  });

  it('an absolute explicit path is used as is; a relative one is resolved against cwd', () => {
    const elsewhere = createTempDirectory({ 'shared.yaml': yaml('absolute') });
    expect(modelFrom({}, { configFile: join(elsewhere, 'shared.yaml') })).toBe('absolute');
    const cwd = createTempDirectory({ 'shared.yaml': yaml('relative') });
    mkdirSync(join(cwd, 'nested'));
    expect(loadNodeConfig({ configFile: '../shared.yaml' }, { cwd: join(cwd, 'nested'), processEnv: {} }).defaultModel).toBe('relative');
  });

  it('no file at all means defaults', () => {
    expect(modelFrom({})).toBe('lite');
  });

  it('ScribeClient reads scribe.config.yaml from its working directory', () => {
    const cwd = createTempDirectory({ 'scribe.config.yaml': 'default_templates:\n  - soap\n  - hpi\npoll_interval: 0\n' });
    const client = new ScribeClient({ cwd, processEnv: {} });
    expect(client.config.defaultTemplates).toEqual(['soap', 'hpi']);
    expect(client.config.pollInterval).toBe(0);
  });
});

describe('[#96] a config file that cannot be used is a ConfigError', () => {
  it('a missing explicit path names the path', () => {
    const error = configErrorFrom({}, { configFile: 'nope.json' });
    expect(error.message).toMatch(/nope\.json \(from the configFile option\) does not exist/);
  });

  it('a missing SCRIBE_CONFIG file names the variable, even when working-directory files exist', () => {
    const error = configErrorFrom({ 'scribe.config.json': json('json') }, { env: { SCRIBE_CONFIG: 'missing.yaml' } });
    expect(error.message).toMatch(/missing\.yaml \(from SCRIBE_CONFIG\) does not exist/);
  });

  it.each([
    ['scribe.config.json', ''],
    ['scribe.config.json', '  \n'],
    ['scribe.config.yaml', ''],
    ['scribe.config.yml', '# only a comment\n'],
  ])('an empty %s is an empty object (defaults apply)', (name, text) => {
    expect(modelFrom({ [name]: text })).toBe('lite');
  });

  it.each([
    ['scribe.config.json', '[1, 2]', 'a list'],
    ['scribe.config.json', '"prod"', 'a string'],
    ['scribe.config.json', 'null', 'null'],
    ['scribe.config.yaml', '- soap\n- hpi\n', 'a list'],
    ['scribe.config.yml', 'just words\n', 'a string'],
    ['scribe.config.yaml', '~\n', 'null'],
  ])('a non-object top level in %s (%s) is refused', (name, text, found) => {
    const error = configErrorFrom({ [name]: text });
    expect(error.message).toContain(name);
    expect(error.message).toContain(`must contain an object of settings at the top level (found ${found})`);
  });

  it.each([
    ['scribe.config.json', '{"default_model": "pro",}', 'JSON'],
    ['scribe.config.json', 'default_model: pro', 'JSON'],
    ['scribe.config.yaml', 'default_model: [pro\n', 'YAML'],
    ['scribe.config.yml', 'a: b\n  c: d\n', 'YAML'],
  ])('malformed %s is refused as invalid %s, naming the file', (name, text, kind) => {
    const error = configErrorFrom({ [name]: text });
    expect(error.message).toContain(name);
    expect(error.message).toContain(`is not valid ${kind}`);
  });

  it('a directory where the file should be is refused', () => {
    const cwd = createTempDirectory();
    mkdirSync(join(cwd, 'conf.json'));
    expect(() => loadNodeConfig({ configFile: 'conf.json' }, { cwd, processEnv: {} })).toThrowError(/is a directory/);
  });
});
