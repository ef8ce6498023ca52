import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, type ScribeConfig } from '@scribe/core/internal';
import { loadNodeConfig, type ScribeOptions } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';

interface Sample {
  /** The value as a config file holds it. */
  file: unknown;
  /** The value as an environment variable holds it. */
  env: string;
  /** The value as an option. */
  explicit: unknown;
  /** Reads the setting back from the resolved configuration. */
  read: (config: ScribeConfig) => unknown;
  /** What any layer's value resolves to. */
  expected: unknown;
  /** What the setting is when no layer sets it. */
  defaultValue: unknown;
  /** Options every case needs for this key to be observable. */
  context?: ScribeOptions;
}

const SAMPLES: Record<string, Sample> = {
  clientId: { file: 'x', env: 'an-id', explicit: 'an-id', read: (c) => c.clientId, expected: 'an-id', defaultValue: undefined },
  clientSecret: { file: 'x', env: 'a-secret', explicit: 'a-secret', read: (c) => c.clientSecret, expected: 'a-secret', defaultValue: undefined },
  apiKey: { file: 'x', env: 'sk_key', explicit: 'sk_key', read: (c) => c.apiKey, expected: 'sk_key', defaultValue: undefined },
  accessToken: { file: 'x', env: 'a-token', explicit: 'a-token', read: (c) => c.accessToken, expected: 'a-token', defaultValue: undefined },
  username: { file: 'clinic-admin', env: 'clinic-admin', explicit: 'clinic-admin', read: (c) => c.username, expected: 'clinic-admin', defaultValue: undefined },
  password: { file: 'x', env: 'a-password', explicit: 'a-password', read: (c) => c.password, expected: 'a-password', defaultValue: undefined },
  authMode: { file: 'password', env: 'Password', explicit: 'password', read: (c) => c.authMode, expected: 'password', defaultValue: 'auto' },
  jwtPayload: { file: { 'b-id': 'b_1' }, env: '{"b-id": "b_1"}', explicit: { 'b-id': 'b_1' }, read: (c) => c.jwtPayload, expected: { 'b-id': 'b_1' }, defaultValue: undefined },
  env: { file: 'dev', env: 'DEV', explicit: 'dev', read: (c) => [c.env, c.baseUrl], expected: ['dev', 'https://api.dev.eka.care/voice'], defaultValue: ['prod', 'https://api.eka.care/voice'] },
  dialect: {
    file: 'eka',
    env: 'eka',
    explicit: 'eka',
    read: (c) => c.dialect,
    expected: 'eka',
    defaultValue: 'msa', // derived from the discovery URL of the context
    context: { discoveryUrl: 'https://scribe.example.com' },
  },
  baseUrl: { file: 'https://b.example/voice/', env: 'https://b.example/voice/', explicit: 'https://b.example/voice/', read: (c) => c.baseUrl, expected: 'https://b.example/voice', defaultValue: 'https://api.eka.care/voice' },
  authBaseUrl: { file: 'https://a.example', env: 'https://a.example', explicit: 'https://a.example', read: (c) => c.authBaseUrl, expected: 'https://a.example', defaultValue: 'https://api.eka.care' },
  discoveryUrl: {
    file: 'https://d.example',
    env: 'https://d.example',
    explicit: 'https://d.example',
    read: (c) => [c.dialect, c.discoveryUrl],
    expected: ['msa', 'https://d.example/.well-known/medscribealliance'],
    defaultValue: ['eka', 'https://api.eka.care/voice/v1/.well-known/medscribealliance'],
  },
  defaultTemplates: { file: ['soap', 'hpi'], env: ' soap, hpi ,', explicit: ['soap', 'hpi'], read: (c) => c.defaultTemplates, expected: ['soap', 'hpi'], defaultValue: [] },
  defaultModel: { file: 'pro', env: 'pro', explicit: 'pro', read: (c) => c.defaultModel, expected: 'pro', defaultValue: 'lite' },
  defaultSessionMode: { file: 'consultation', env: 'consultation', explicit: 'consultation', read: (c) => c.defaultSessionMode, expected: 'consultation', defaultValue: 'dictation' },
  defaultLanguageHint: { file: ['en', 'hi'], env: 'en,hi', explicit: ['en', 'hi'], read: (c) => c.defaultLanguageHint, expected: ['en', 'hi'], defaultValue: undefined },
  transcriptLanguage: { file: 'hi', env: 'hi', explicit: 'hi', read: (c) => c.transcriptLanguage, expected: 'hi', defaultValue: undefined },
  requestTimeout: { file: 12.5, env: '12.5', explicit: 12.5, read: (c) => c.requestTimeout, expected: 12.5, defaultValue: 60 },
  pollInterval: { file: 0, env: '0', explicit: 0, read: (c) => [c.pollInterval, c.pollIntervalExplicit], expected: [0, true], defaultValue: [1, false] },
  pollTimeout: { file: 30, env: '30', explicit: 30, read: (c) => c.pollTimeout, expected: 30, defaultValue: 600 },
  maxRetries: { file: 0, env: '0', explicit: 0, read: (c) => c.maxRetries, expected: 0, defaultValue: 3 },
  maxChunkSeconds: { file: 24, env: '24', explicit: 24, read: (c) => c.maxChunkSeconds, expected: 24, defaultValue: undefined },
  allowInsecure: { file: true, env: 'unused', explicit: true, read: (c) => c.allowInsecure, expected: true, defaultValue: false },
};

const KEYS = CONFIG_KEYS.filter((key) => key.option !== 'configFile');

function resolve(layer: 'file' | 'env' | 'explicit' | 'none', option: string): ScribeConfig {
  const spec = KEYS.find((key) => key.option === option)!;
  const sample = SAMPLES[option]!;
  const files: Record<string, string> = layer === 'file' ? { 'scribe.config.json': JSON.stringify({ [spec.fileKey!]: sample.file }) } : {};
  const processEnv = layer === 'env' ? { [spec.envVar!]: sample.env } : {};
  const explicit = { ...sample.context, ...(layer === 'explicit' ? { [option]: sample.explicit } : {}) } as ScribeOptions;
  return loadNodeConfig(explicit, { cwd: createTempDirectory(files), processEnv });
}

describe('[#99] every key is read from its file key, env var and option, with its default', () => {
  it('every key of the table has a sample here', () => {
    expect(KEYS.map((key) => key.option).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  // One case per layer that can set the key (secrets have no file case: #97 covers their refusal).
  const cases = KEYS.flatMap((key) => {
    const layers: { layer: 'none' | 'explicit' | 'env' | 'file'; source: string }[] = [
      { layer: 'none', source: 'no layer (default)' },
      { layer: 'explicit', source: `option ${key.option}` },
    ];
    if (key.envVar !== undefined) layers.push({ layer: 'env', source: key.envVar });
    if (key.fileKey !== undefined && !key.secret) layers.push({ layer: 'file', source: `${key.fileKey} in scribe.config.json` });
    return layers.map((entry) => ({ option: key.option, ...entry }));
  });

  it.each(cases)('$option from $source', ({ option, layer }) => {
    const sample = SAMPLES[option]!;
    expect(sample.read(resolve(layer, option))).toEqual(layer === 'none' ? sample.defaultValue : sample.expected);
  });
});
