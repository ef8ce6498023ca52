import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name';
import { CONFIG_KEYS, CONFIG_NAMES } from './config-keys';
import { CONFIG_KEY_DOCS, configDefaultText } from './config-key-docs';
import { resolveConfig } from './resolve-config';
import type { ScribeOptions } from './scribe-options';
import { isLoopbackHost } from './url-rules';
import { thrownScribeError } from '../../test/thrown-scribe-error';

const FILE = '/app/scribe.config.yaml';

describe('[#97] secrets in a config file', () => {
  it('names every secret key and its variable, never the values', () => {
    const error = thrownScribeError(
      () => resolveConfig({ file: { path: FILE, values: { client_id: 'cid-sentinel', client_secret: 'cs-sentinel', default_model: 'pro' } } }),
      'config_error',
    );
    expect(error.message).toContain('client_id (set SCRIBE_CLIENT_ID');
    expect(error.message).toContain('client_secret (set SCRIBE_CLIENT_SECRET');
    expect(error.message).toContain(FILE);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toMatch(/sentinel/);
  });

  it('allows jwt_payload in files (dev direct mode)', () => {
    expect(resolveConfig({ file: { path: FILE, values: { jwt_payload: { 'b-id': 'b_local_dev' } } } }).jwtPayload).toEqual({ 'b-id': 'b_local_dev' });
  });

  it('allows secrets from the environment and in code', () => {
    const config = resolveConfig({ env: { SCRIBE_CLIENT_ID: 'id', SCRIBE_CLIENT_SECRET: 'secret' }, explicit: { apiKey: 'key' } });
    expect([config.clientId, config.clientSecret, config.apiKey]).toEqual(['id', 'secret', 'key']);
  });
});

describe('[#98] unknown keys list the valid ones', () => {
  it('in code', () => {
    const error = thrownScribeError(() => resolveConfig({ explicit: { default_model: 'pro' } as unknown as ScribeOptions }), 'config_error');
    expect(error.message).toContain('Unknown option default_model (did you mean defaultModel?)');
    expect(error.message).toContain(CONFIG_NAMES.options.join(', '));
  });

  it('in the environment: a warning per unknown SCRIBE_* name (the prefix is shared), never an error', () => {
    const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string, fields?: Record<string, unknown>) => void warnings.push({ message, fields }) };
    const config = resolveConfig({ env: { SCRIBE_POLL_INTERVALL: '3', SCRIBE_POCKETSPHINX: '/usr/bin/ps', SCRIBE_POLL_TIMEOUT: '30', PATH: '/bin' }, logger });
    expect(config.pollInterval).toBe(1);
    expect(config.pollTimeout).toBe(30);
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('SCRIBE_POLL_INTERVALL (did you mean SCRIBE_POLL_INTERVAL?)'),
      expect.not.stringContaining('did you mean'),
    ]);
    expect(warnings[0]!.fields).toEqual({ variable: 'SCRIBE_POLL_INTERVALL', suggestion: 'SCRIBE_POLL_INTERVAL' });
    expect(warnings[1]!.message).toContain('SCRIBE_POCKETSPHINX');
    expect(warnings.map((warning) => warning.message).join('\n')).not.toContain('PATH');
  });

  it('SCRIBE_ALLOW_INSECURE is not a variable (allow_insecure is file or code only): ignored, so http stays refused', () => {
    expect(thrownScribeError(() => resolveConfig({ env: { SCRIBE_ALLOW_INSECURE: 'true', SCRIBE_BASE_URL: 'http://scribe.example.com' } }), 'config_error').message).toMatch(/https/i);
  });

  it('in the config file', () => {
    const error = thrownScribeError(() => resolveConfig({ file: { path: FILE, values: { defaultModel: 'pro', colour: 'blue' } } }), 'config_error');
    expect(error.message).toContain(`Unknown key in config file ${FILE}: defaultModel (did you mean default_model?), colour`);
    expect(error.message).toContain(CONFIG_NAMES.fileKeys.join(', '));
  });

  it('a non-object file → ConfigError', () => {
    expect(thrownScribeError(() => resolveConfig({ file: { path: FILE, values: ['a'] as unknown as Record<string, unknown> } }), 'config_error').message).toContain('top level');
  });

  it('other environment variables are ignored', () => {
    expect(resolveConfig({ env: { NODE_ENV: 'production', SCRIBE: 'x', SCRIBE_CONFIG: './x.json' } }).env).toBe('prod');
  });
});

describe('[#98] malformed values name the key or variable', () => {
  it.each([
    [{ env: { SCRIBE_POLL_INTERVAL: 'abc' } }, 'SCRIBE_POLL_INTERVAL must be a number of seconds ≥ 0 (got "abc")'],
    [{ env: { SCRIBE_POLL_INTERVAL: '-1' } }, 'SCRIBE_POLL_INTERVAL'],
    [{ env: { SCRIBE_REQUEST_TIMEOUT: '0' } }, 'SCRIBE_REQUEST_TIMEOUT must be a number of seconds greater than 0'],
    [{ env: { SCRIBE_POLL_TIMEOUT: 'soon' } }, 'SCRIBE_POLL_TIMEOUT'],
    [{ env: { SCRIBE_MAX_RETRIES: '1.5' } }, 'SCRIBE_MAX_RETRIES must be an integer ≥ 0'],
    [{ env: { SCRIBE_DEFAULT_SESSION_MODE: 'meeting' } }, 'SCRIBE_DEFAULT_SESSION_MODE must be one of consultation, dictation'],
    [{ env: { SCRIBE_DIALECT: 'grpc' } }, 'SCRIBE_DIALECT must be one of eka, msa'],
    [{ env: { SCRIBE_BASE_URL: 'api.eka.care' } }, 'SCRIBE_BASE_URL must be an absolute http(s) URL'],
    [{ env: { SCRIBE_DISCOVERY_URL: 'ftp://x.example.com' } }, 'SCRIBE_DISCOVERY_URL must be an absolute http(s) URL'],
    [{ file: { path: FILE, values: { poll_interval: 'often' } } }, `poll_interval in ${FILE} must be a number of seconds`],
    [{ file: { path: FILE, values: { default_templates: [1, 2] } } }, `default_templates in ${FILE} must be a list of strings`],
    [{ file: { path: FILE, values: { allow_insecure: 'maybe' } } }, `allow_insecure in ${FILE} must be true or false`],
    [{ file: { path: FILE, values: { env: 3 } } }, `env in ${FILE} must be one of dev, prod (got 3)`],
    [{ explicit: { pollInterval: '1' } as unknown as ScribeOptions }, 'option pollInterval must be a number of seconds'],
    [{ explicit: { allowInsecure: 'true' } as unknown as ScribeOptions }, 'option allowInsecure must be true or false'],
    [{ explicit: { clientSecret: 42 } as unknown as ScribeOptions }, 'option clientSecret must be a string.'],
  ])('%j', (layers, message) => {
    expect(thrownScribeError(() => resolveConfig(layers), 'config_error').message).toContain(message);
  });

  it('SCRIBE_JWT_PAYLOAD must be a JSON object and is never echoed', () => {
    const error = thrownScribeError(() => resolveConfig({ env: { SCRIBE_JWT_PAYLOAD: '{"b-id": sentinel' } }), 'config_error');
    expect(error.message).toBe('SCRIBE_JWT_PAYLOAD must be a JSON object.');
    expect(thrownScribeError(() => resolveConfig({ env: { SCRIBE_JWT_PAYLOAD: '["b"]' } }), 'config_error').message).toContain('SCRIBE_JWT_PAYLOAD');
    expect(resolveConfig({ explicit: { jwtPayload: '{"b-id":"b1"}' } }).jwtPayload).toEqual({ 'b-id': 'b1' });
  });

  it.each([0, 0.5, 25, 100, -1])('max_chunk_seconds %s is outside 1..24 → ConfigError', (value) => {
    expect(thrownScribeError(() => resolveConfig({ explicit: { maxChunkSeconds: value } }), 'config_error').message).toContain('from 1 to 24');
  });

  it.each([1, 10.5, 24])('max_chunk_seconds %s is accepted', (value) => {
    expect(resolveConfig({ env: { SCRIBE_MAX_CHUNK_SECONDS: String(value) } }).maxChunkSeconds).toBe(value);
  });

  it('file values may be numeric strings and booleans as words (YAML, hand-written JSON)', () => {
    const config = resolveConfig({ file: { path: FILE, values: { request_timeout: '45', allow_insecure: 'yes' } } });
    expect([config.requestTimeout, config.allowInsecure]).toEqual([45, true]);
  });
});

describe('lists and hints', () => {
  it('SCRIBE_DEFAULT_TEMPLATES is comma-separated, trimmed, empties dropped', () => {
    expect(resolveConfig({ env: { SCRIBE_DEFAULT_TEMPLATES: ' eka_emr_template, ,clinical_notes_template ,' } }).defaultTemplates).toEqual([
      'eka_emr_template',
      'clinical_notes_template',
    ]);
  });

  it('a language hint string is wrapped in an array', () => {
    expect(resolveConfig({ explicit: { defaultLanguageHint: 'auto_detect' } }).defaultLanguageHint).toEqual(['auto_detect']);
    expect(resolveConfig({ file: { path: FILE, values: { default_language_hint: 'en' } } }).defaultLanguageHint).toEqual(['en']);
    expect(resolveConfig({ env: { SCRIBE_DEFAULT_LANGUAGE_HINT: ' , ' } }).defaultLanguageHint).toBeUndefined();
  });
});

describe('[#93] plain http is refused for non-loopback hosts', () => {
  it.each([
    [{ baseUrl: 'http://scribe.example.com/voice' }, 'option baseUrl'],
    [{ authBaseUrl: 'http://10.0.0.5:8080' }, 'option authBaseUrl'],
    [{ discoveryUrl: 'http://scribe.example.com' }, 'option discoveryUrl'],
    [{ dialect: 'msa', baseUrl: 'http://192.168.1.4/v1' }, 'option baseUrl'],
  ] as [ScribeOptions, string][])('%j', (explicit, label) => {
    const error = thrownScribeError(() => resolveConfig({ explicit }), 'config_error');
    expect(error.message).toContain(label);
    expect(error.message).toContain('allow_insecure');
  });

  it('names the environment variable that set the URL', () => {
    expect(thrownScribeError(() => resolveConfig({ env: { SCRIBE_BASE_URL: 'http://scribe.example.com' } }), 'config_error').message).toContain('SCRIBE_BASE_URL uses plain http://');
  });

  it.each(['http://localhost:8080', 'http://127.0.0.1:1234/voice', 'http://127.8.9.10', 'http://[::1]:8080', 'http://app.localhost'])('%s is loopback and allowed', (url) => {
    expect(resolveConfig({ explicit: { baseUrl: url, authBaseUrl: url } }).baseUrl).toBe(url);
  });

  it('allowInsecure lifts the refusal', () => {
    expect(resolveConfig({ explicit: { baseUrl: 'http://scribe.example.com', allowInsecure: true } }).baseUrl).toBe('http://scribe.example.com');
    expect(resolveConfig({ file: { path: FILE, values: { base_url: 'http://scribe.example.com', allow_insecure: true } } }).allowInsecure).toBe(true);
  });

  it('isLoopbackHost', () => {
    expect(['localhost', 'LOCALHOST', '127.0.0.1', '[::1]', '::1', 'a.localhost', 'localhost.'].every(isLoopbackHost)).toBe(true);
    expect(['example.com', '128.0.0.1', '10.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io', '0.0.0.0'].some(isLoopbackHost)).toBe(false);
  });
});

describe('the key table', () => {
  it('spells file keys as snake_case options and env vars as SCRIBE_ + upper snake case', () => {
    for (const row of CONFIG_KEYS) {
      const snake = row.option.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
      if (row.fileKey) expect(row.fileKey).toBe(snake);
      if (row.envVar && row.option !== 'configFile') expect(row.envVar).toBe(`SCRIBE_${snake.toUpperCase()}`);
      expect(CONFIG_KEY_DOCS[row.option].description.length).toBeGreaterThan(0);
      expect(configDefaultText(row).length).toBeGreaterThan(0);
    }
  });

  it('documents every key and nothing else', () => {
    expect(Object.keys(CONFIG_KEY_DOCS).sort()).toEqual(CONFIG_KEYS.map((row) => row.option).sort());
  });

  it('marks exactly the five credentials as secrets (the password, not the username)', () => {
    expect(CONFIG_KEYS.filter((row) => row.secret).map((row) => row.fileKey)).toEqual(['client_id', 'client_secret', 'api_key', 'access_token', 'password']);
  });

  it('suggests near names', () => {
    expect(closestName('SCRIBE_DEFAULT_TEMPLATE', CONFIG_NAMES.envVars)).toBe('SCRIBE_DEFAULT_TEMPLATES');
    expect(closestName('zzz', CONFIG_NAMES.envVars)).toBeUndefined();
  });
});
