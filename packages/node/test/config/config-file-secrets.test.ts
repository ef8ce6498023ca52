import { describe, expect, it } from 'vitest';
import { ConfigError, loadNodeConfig, ScribeClient } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';

const SECRET_VALUE = 'SENTINEL-file-secret-7d1c0a';

const SECRET_KEYS = [
  { key: 'client_id', envVar: 'SCRIBE_CLIENT_ID', option: 'clientId' },
  { key: 'client_secret', envVar: 'SCRIBE_CLIENT_SECRET', option: 'clientSecret' },
  { key: 'api_key', envVar: 'SCRIBE_API_KEY', option: 'apiKey' },
  { key: 'access_token', envVar: 'SCRIBE_ACCESS_TOKEN', option: 'accessToken' },
  { key: 'password', envVar: 'SCRIBE_PASSWORD', option: 'password' },
];

function errorFromFile(name: string, text: string): ConfigError {
  const cwd = createTempDirectory({ [name]: text });
  try {
    loadNodeConfig({}, { cwd, processEnv: {} });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('[#97] secrets in a config file are refused', () => {
  describe.each(SECRET_KEYS)('$key', ({ key, envVar, option }) => {
    it.each([
      ['scribe.config.json', JSON.stringify({ default_model: 'pro', [key]: SECRET_VALUE })],
      ['scribe.config.yaml', `default_model: pro\n${key}: ${SECRET_VALUE}\n`],
    ])('in %s → ConfigError naming the key and the variable, never the value', (name, text) => {
      const error = errorFromFile(name, text);
      expect(error.code).toBe('config_error');
      expect(error.message).toContain(key);
      expect(error.message).toContain(envVar);
      expect(error.message).toContain(option);
      expect(error.message).toContain(name);
      expect(error.message).not.toContain(SECRET_VALUE);
      expect(JSON.stringify(error)).not.toContain(SECRET_VALUE);
      expect(String(error.stack)).not.toContain(SECRET_VALUE);
    });
  });

  it('names every secret key present at once', () => {
    const error = errorFromFile('scribe.config.json', JSON.stringify({ client_id: 'a-client', client_secret: SECRET_VALUE }));
    expect(error.message).toMatch(/client_id .*SCRIBE_CLIENT_ID.*client_secret .*SCRIBE_CLIENT_SECRET/);
    expect(error.details).toEqual({ keys: ['client_id', 'client_secret'], use_instead: ['SCRIBE_CLIENT_ID', 'SCRIBE_CLIENT_SECRET'] });
  });

  it('a username in the file is fine; its password beside it is refused (issue 14 item 1)', () => {
    const error = errorFromFile('scribe.config.json', JSON.stringify({ username: 'clinic-admin', password: SECRET_VALUE }));
    expect(error.details).toEqual({ keys: ['password'], use_instead: ['SCRIBE_PASSWORD'] });
    const cwd = createTempDirectory({ 'scribe.config.json': JSON.stringify({ username: 'clinic-admin' }) });
    const config = loadNodeConfig({}, { cwd, processEnv: { SCRIBE_PASSWORD: SECRET_VALUE } });
    expect([config.username, config.password]).toEqual(['clinic-admin', SECRET_VALUE]);
  });

  it('ScribeClient refuses at construction', () => {
    const cwd = createTempDirectory({ 'scribe.config.yml': `client_secret: ${SECRET_VALUE}\n` });
    expect(() => new ScribeClient({ cwd, processEnv: {} })).toThrowError(ConfigError);
  });

  it('the same secrets are accepted from the environment, .env and options', () => {
    const cwd = createTempDirectory({ '.env': `SCRIBE_CLIENT_SECRET=${SECRET_VALUE}\n` });
    const config = loadNodeConfig({ apiKey: 'sk_from_code' }, { cwd, processEnv: { SCRIBE_CLIENT_ID: 'env-client', SCRIBE_ACCESS_TOKEN: 'token-from-env' } });
    expect(config.clientSecret).toBe(SECRET_VALUE);
    expect(config.clientId).toBe('env-client');
    expect(config.apiKey).toBe('sk_from_code');
    expect(config.accessToken).toBe('token-from-env');
  });

  it('jwt_payload is not a secret: a config file may hold it', () => {
    const cwd = createTempDirectory({ 'scribe.config.yaml': 'jwt_payload:\n  b-id: b_local_dev\n  iss: dev\n' });
    expect(loadNodeConfig({}, { cwd, processEnv: {} }).jwtPayload).toEqual({ 'b-id': 'b_local_dev', iss: 'dev' });
  });
});
