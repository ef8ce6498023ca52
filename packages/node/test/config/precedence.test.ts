import { describe, expect, it } from 'vitest';
import { loadNodeConfig, ScribeClient } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';

// default_model is a plain string with a default ('lite'), so every layer can set it and the winner is visible.
type Layer = 'explicit' | 'env' | 'dotEnv' | 'file';
const VALUE: Record<Layer, string> = { explicit: 'from-explicit', env: 'from-env', dotEnv: 'from-dot-env', file: 'from-file' };

function resolveWith(layers: Layer[]): string {
  const files: Record<string, string> = {};
  if (layers.includes('dotEnv')) files['.env'] = `SCRIBE_DEFAULT_MODEL=${VALUE.dotEnv}\n`;
  if (layers.includes('file')) files['scribe.config.json'] = JSON.stringify({ default_model: VALUE.file });
  const cwd = createTempDirectory(files);
  const processEnv = layers.includes('env') ? { SCRIBE_DEFAULT_MODEL: VALUE.env } : {};
  const explicit = layers.includes('explicit') ? { defaultModel: VALUE.explicit } : {};
  return loadNodeConfig(explicit, { cwd, processEnv }).defaultModel;
}

describe('[#95] precedence: explicit > real environment > .env > config file > defaults', () => {
  it.each<[Layer[], string]>([
    [['explicit', 'env', 'dotEnv', 'file'], VALUE.explicit],
    [['env', 'dotEnv', 'file'], VALUE.env],
    [['dotEnv', 'file'], VALUE.dotEnv],
    [['file'], VALUE.file],
    [[], 'lite'],
    [['explicit', 'file'], VALUE.explicit],
    [['env', 'file'], VALUE.env],
  ])('layers %j → %s', (layers, expected) => {
    expect(resolveWith(layers)).toBe(expected);
  });

  it('an undefined explicit value overrides nothing', () => {
    const cwd = createTempDirectory({ 'scribe.config.json': JSON.stringify({ default_model: 'pro' }) });
    expect(loadNodeConfig({ defaultModel: undefined }, { cwd, processEnv: {} }).defaultModel).toBe('pro');
  });

  it('applies to every kind of value: lists, numbers and enums come from the highest layer that sets them', () => {
    const cwd = createTempDirectory({
      '.env': 'SCRIBE_POLL_INTERVAL=2.5\nSCRIBE_DEFAULT_TEMPLATES=soap, hpi\n',
      'scribe.config.yaml': 'poll_interval: 9\ndefault_templates: [medications]\ndefault_session_mode: consultation\nmax_retries: 5\n',
    });
    const config = loadNodeConfig({ maxRetries: 0 }, { cwd, processEnv: { SCRIBE_DEFAULT_SESSION_MODE: 'DICTATION' } });
    expect(config.pollInterval).toBe(2.5);
    expect(config.defaultTemplates).toEqual(['soap', 'hpi']);
    expect(config.defaultSessionMode).toBe('dictation');
    expect(config.maxRetries).toBe(0);
  });

  it('ScribeClient resolves its configuration with the same layers (options beat the environment)', () => {
    const cwd = createTempDirectory({ '.env': 'SCRIBE_DEFAULT_MODEL=from-dot-env\nSCRIBE_REQUEST_TIMEOUT=12\n' });
    const client = new ScribeClient({ cwd, processEnv: { SCRIBE_DEFAULT_MODEL: 'from-env' }, requestTimeout: 7 });
    expect(client.config.defaultModel).toBe('from-env');
    expect(client.config.requestTimeout).toBe(7);
  });
});

describe('[#2] env presets and explicit URLs', () => {
  it('env picks the host pair; dev from .env selects api.dev.eka.care', () => {
    const cwd = createTempDirectory({ '.env': 'SCRIBE_ENV=dev\n' });
    const config = loadNodeConfig({}, { cwd, processEnv: {} });
    expect(config.env).toBe('dev');
    expect(config.baseUrl).toBe('https://api.dev.eka.care/voice');
    expect(config.authBaseUrl).toBe('https://api.dev.eka.care');
  });

  it('a base URL from the config file wins over the env preset, even when it equals the prod default', () => {
    const cwd = createTempDirectory({ 'scribe.config.json': JSON.stringify({ base_url: 'https://api.eka.care/voice/' }) });
    const config = loadNodeConfig({}, { cwd, processEnv: { SCRIBE_ENV: 'dev' } });
    expect(config.baseUrl).toBe('https://api.eka.care/voice');
    expect(config.explicitUrls.baseUrl).toBe(true);
    // No layer set the auth host: it comes from the base URL's origin, never from the other environment's preset.
    expect(config.authBaseUrl).toBe('https://api.eka.care');
  });
});
