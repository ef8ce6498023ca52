import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from './config-keys';
import { resolveConfig, resolveConfigDetailed } from './resolve-config';
import type { ScribeConfig } from './scribe-config';
import type { ScribeOptions } from './scribe-options';
import { thrownScribeError } from '../../test/thrown-scribe-error';

const FILE = './scribe.config.json';

/** One sample per key: the value as written in each layer, and what the resolved config holds. */
interface Sample {
  file: unknown;
  env: string | undefined;
  explicit: unknown;
  read: (config: ScribeConfig) => unknown;
  expected: unknown;
  /** Settings needed for the sample to make sense (passed explicitly). */
  context?: ScribeOptions;
}

const SAMPLES: Record<string, Sample> = {
  clientId: { file: 'id', env: 'id', explicit: 'id', read: (c) => c.clientId, expected: 'id' },
  clientSecret: { file: 'shh', env: 'shh', explicit: 'shh', read: (c) => c.clientSecret, expected: 'shh' },
  apiKey: { file: 'sk_1', env: 'sk_1', explicit: 'sk_1', read: (c) => c.apiKey, expected: 'sk_1' },
  accessToken: { file: 'tok', env: 'tok', explicit: 'tok', read: (c) => c.accessToken, expected: 'tok' },
  username: { file: 'clinic-admin', env: 'clinic-admin', explicit: 'clinic-admin', read: (c) => c.username, expected: 'clinic-admin' },
  password: { file: 'shh', env: 'shh', explicit: 'shh', read: (c) => c.password, expected: 'shh' },
  authMode: { file: 'password', env: 'PASSWORD', explicit: 'password', read: (c) => c.authMode, expected: 'password' },
  jwtPayload: { file: { 'b-id': 'b1' }, env: '{"b-id":"b1"}', explicit: { 'b-id': 'b1' }, read: (c) => c.jwtPayload, expected: { 'b-id': 'b1' } },
  env: { file: 'dev', env: 'DEV', explicit: 'dev', read: (c) => [c.env, c.baseUrl, c.authBaseUrl], expected: ['dev', 'https://api.dev.eka.care/voice', 'https://api.dev.eka.care'] },
  dialect: { file: 'msa', env: 'MSA', explicit: 'msa', read: (c) => c.dialect, expected: 'msa', context: { baseUrl: 'https://scribe.example.com/v1' } },
  baseUrl: { file: 'https://scribe.example.com/voice/', env: 'https://scribe.example.com/voice/', explicit: 'https://scribe.example.com/voice/', read: (c) => c.baseUrl, expected: 'https://scribe.example.com/voice' },
  authBaseUrl: { file: 'https://auth.example.com/', env: 'https://auth.example.com/', explicit: 'https://auth.example.com/', read: (c) => c.authBaseUrl, expected: 'https://auth.example.com' },
  discoveryUrl: {
    file: 'https://scribe.example.com',
    env: 'https://scribe.example.com',
    explicit: 'https://scribe.example.com',
    read: (c) => [c.dialect, c.discoveryUrl],
    expected: ['msa', 'https://scribe.example.com/.well-known/medscribealliance'],
  },
  defaultTemplates: { file: ['a', 'b'], env: 'a, b', explicit: ['a', 'b'], read: (c) => c.defaultTemplates, expected: ['a', 'b'] },
  defaultModel: { file: 'pro', env: 'pro', explicit: 'pro', read: (c) => c.defaultModel, expected: 'pro' },
  defaultSessionMode: { file: 'consultation', env: 'Consultation', explicit: 'consultation', read: (c) => c.defaultSessionMode, expected: 'consultation' },
  defaultLanguageHint: { file: ['en', 'hi'], env: 'en,hi', explicit: ['en', 'hi'], read: (c) => c.defaultLanguageHint, expected: ['en', 'hi'] },
  transcriptLanguage: { file: 'en', env: 'en', explicit: 'en', read: (c) => c.transcriptLanguage, expected: 'en' },
  requestTimeout: { file: 30, env: '30', explicit: 30, read: (c) => c.requestTimeout, expected: 30 },
  pollInterval: { file: 0, env: '0', explicit: 0, read: (c) => [c.pollInterval, c.pollIntervalExplicit], expected: [0, true] },
  pollTimeout: { file: 120, env: '120', explicit: 120, read: (c) => c.pollTimeout, expected: 120 },
  maxRetries: { file: 0, env: '0', explicit: 0, read: (c) => c.maxRetries, expected: 0 },
  maxChunkSeconds: { file: 24, env: '24', explicit: 24, read: (c) => c.maxChunkSeconds, expected: 24 },
  allowInsecure: { file: true, env: undefined, explicit: true, read: (c) => c.allowInsecure, expected: true },
  configFile: { file: undefined, env: './other.json', explicit: './other.json', read: () => 'ignored', expected: 'ignored' },
};

describe('[#99] every 9.1 key from its file key, env var and option', () => {
  it('has a sample for every row of the key table', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CONFIG_KEYS.map((row) => row.option).sort());
  });

  for (const row of CONFIG_KEYS) {
    const sample = SAMPLES[row.option]!;
    if (row.envVar) {
      it(`${row.envVar} sets ${row.option}`, () => {
        expect(sample.read(resolveConfig({ env: { [row.envVar!]: sample.env }, explicit: sample.context }))).toEqual(sample.expected);
      });
    }
    it(`option ${row.option} sets it`, () => {
      expect(sample.read(resolveConfig({ explicit: { ...sample.context, [row.option]: sample.explicit } }))).toEqual(sample.expected);
    });
    if (row.fileKey && !row.secret) {
      it(`file key ${row.fileKey} sets ${row.option}`, () => {
        const config = resolveConfig({ file: { path: FILE, values: { [row.fileKey!]: sample.file } }, explicit: sample.context });
        expect(sample.read(config)).toEqual(sample.expected);
      });
    }
    if (row.fileKey && row.secret) {
      it(`[#97] file key ${row.fileKey} is refused, naming ${row.envVar}`, () => {
        const error = thrownScribeError(() => resolveConfig({ file: { path: FILE, values: { [row.fileKey!]: 'sentinel-secret-value' } } }), 'config_error');
        expect(error.message).toContain(row.fileKey!);
        expect(error.message).toContain(row.envVar!);
        expect(error.message).toContain(FILE);
        expect(JSON.stringify(error)).not.toContain('sentinel-secret-value');
      });
    }
  }
});

describe('[#99] defaults', () => {
  const config = resolveConfig();
  it.each(CONFIG_KEYS.filter((row) => row.defaultValue !== undefined).map((row) => [row.option, row.defaultValue] as const))(
    '%s defaults to %j',
    (option, value) => {
      expect((config as unknown as Record<string, unknown>)[option]).toEqual(value);
    },
  );

  it('fills the rest per contract 0.2 and 9.1', () => {
    expect(config).toEqual({
      dialect: 'eka',
      env: 'prod',
      baseUrl: 'https://api.eka.care/voice',
      authBaseUrl: 'https://api.eka.care',
      discoveryUrl: 'https://api.eka.care/voice/v1/.well-known/medscribealliance',
      explicitUrls: { baseUrl: false, authBaseUrl: false, discoveryUrl: false },
      clientId: undefined,
      clientSecret: undefined,
      apiKey: undefined,
      accessToken: undefined,
      username: undefined,
      password: undefined,
      authMode: 'auto',
      jwtPayload: undefined,
      defaultTemplates: [],
      defaultModel: 'lite',
      defaultSessionMode: 'dictation',
      defaultLanguageHint: undefined,
      transcriptLanguage: undefined,
      requestTimeout: 60,
      requestTimeoutExplicit: false,
      pollInterval: 1,
      pollIntervalExplicit: false,
      pollTimeout: 600,
      maxRetries: 3,
      maxChunkSeconds: undefined,
      allowInsecure: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('[#98] missing credentials are not an error at resolve time', () => {
    expect(resolveConfig({ env: {} }).clientId).toBeUndefined();
  });
});

describe('[#95] precedence: explicit > environment > config file > defaults', () => {
  const file = { path: FILE, values: { default_model: 'from-file', poll_interval: 3, default_templates: ['file_t'], base_url: 'https://file.example.com' } };
  const env = { SCRIBE_DEFAULT_MODEL: 'from-env', SCRIBE_POLL_INTERVAL: '2', SCRIBE_DEFAULT_TEMPLATES: 'env_t', SCRIBE_BASE_URL: 'https://env.example.com' };
  const explicit: ScribeOptions = { defaultModel: 'from-code', pollInterval: 1.5, defaultTemplates: ['code_t'], baseUrl: 'https://code.example.com' };
  const pick = (c: ScribeConfig) => [c.defaultModel, c.pollInterval, c.defaultTemplates, c.baseUrl];

  it('explicit wins over everything', () => {
    expect(pick(resolveConfig({ file, env, explicit }))).toEqual(['from-code', 1.5, ['code_t'], 'https://code.example.com']);
  });
  it('environment wins over the file', () => {
    expect(pick(resolveConfig({ file, env }))).toEqual(['from-env', 2, ['env_t'], 'https://env.example.com']);
  });
  it('the file wins over defaults', () => {
    expect(pick(resolveConfig({ file }))).toEqual(['from-file', 3, ['file_t'], 'https://file.example.com']);
  });
  it('defaults apply last', () => {
    expect(pick(resolveConfig({}))).toEqual(['lite', 1, [], 'https://api.eka.care/voice']);
  });
  it('undefined (and blank) values override nothing', () => {
    const undefinedExplicit: ScribeOptions = { defaultModel: undefined, pollInterval: undefined, defaultTemplates: undefined, baseUrl: undefined };
    const blankEnv = { SCRIBE_DEFAULT_MODEL: '', SCRIBE_POLL_INTERVAL: '  ', SCRIBE_DEFAULT_TEMPLATES: undefined };
    expect(pick(resolveConfig({ file, env: blankEnv, explicit: undefinedExplicit }))).toEqual(['from-file', 3, ['file_t'], 'https://file.example.com']);
  });
  it('reports where each setting came from', () => {
    const { sources } = resolveConfigDetailed({ file, env: { SCRIBE_POLL_INTERVAL: '2' }, explicit: { defaultModel: 'x' } });
    expect(sources).toMatchObject({ defaultModel: 'explicit', pollInterval: 'env', defaultTemplates: 'file', maxRetries: 'default', dialect: 'derived', authBaseUrl: 'derived' }); // from the file's base_url
  });
});

describe('[#1, #2] environments, dialects and URLs', () => {
  it.each([
    ['prod', 'https://api.eka.care/voice', 'https://api.eka.care'],
    ['dev', 'https://api.dev.eka.care/voice', 'https://api.dev.eka.care'],
    ['PROD', 'https://api.eka.care/voice', 'https://api.eka.care'],
  ])('[#2] env=%s selects its host pair', (name, base, auth) => {
    const config = resolveConfig({ env: { SCRIBE_ENV: name } });
    expect([config.baseUrl, config.authBaseUrl]).toEqual([base, auth]);
    expect(config.discoveryUrl).toBe(`${base}/v1/.well-known/medscribealliance`);
  });

  it('[#2] env=staging → ConfigError listing dev, prod', () => {
    const error = thrownScribeError(() => resolveConfig({ env: { SCRIBE_ENV: 'staging' } }), 'config_error');
    expect(error.message).toContain('SCRIBE_ENV');
    expect(error.message).toContain('dev, prod');
  });

  it.each([
    ['explicit', { explicit: { env: 'dev', baseUrl: 'https://api.eka.care/voice', authBaseUrl: 'https://api.eka.care' } as ScribeOptions }],
    ['env', { env: { SCRIBE_ENV: 'dev', SCRIBE_BASE_URL: 'https://api.eka.care/voice', SCRIBE_AUTH_BASE_URL: 'https://api.eka.care' } }],
    ['file', { file: { path: FILE, values: { env: 'dev', base_url: 'https://api.eka.care/voice', auth_base_url: 'https://api.eka.care' } } }],
  ])('[#2] a URL from the %s layer equal to the prod default still wins over env=dev', (_layer, layers) => {
    const config = resolveConfig(layers);
    expect(config.env).toBe('dev');
    expect([config.baseUrl, config.authBaseUrl]).toEqual(['https://api.eka.care/voice', 'https://api.eka.care']);
    expect(config.explicitUrls).toEqual({ baseUrl: true, authBaseUrl: true, discoveryUrl: false });
  });

  it('[#1] dialect: explicit > discovery_url set → msa > eka', () => {
    expect(resolveConfig({ explicit: { dialect: 'eka', discoveryUrl: 'https://x.example.com' } }).dialect).toBe('eka');
    expect(resolveConfig({ env: { SCRIBE_DISCOVERY_URL: 'https://x.example.com' } }).dialect).toBe('msa');
    expect(resolveConfig({ explicit: { baseUrl: 'https://x.example.com/v1' } }).dialect).toBe('eka');
  });

  it.each([
    [{ discoveryUrl: 'https://s.example.com/' }, undefined, 'https://s.example.com/.well-known/medscribealliance'],
    [{ discoveryUrl: 'https://s.example.com/custom/discovery/' }, undefined, 'https://s.example.com/custom/discovery'],
    [{ dialect: 'msa', baseUrl: 'https://s.example.com/api/v1/' }, 'https://s.example.com/api/v1', 'https://s.example.com/.well-known/medscribealliance'],
    [{ discoveryUrl: 'https://d.example.com', baseUrl: 'https://s.example.com/v1' }, 'https://s.example.com/v1', 'https://d.example.com/.well-known/medscribealliance'],
  ] as [ScribeOptions, string | undefined, string][])('[#1] msa URLs for %j', (explicit, base, discovery) => {
    const config = resolveConfig({ explicit });
    expect(config.dialect).toBe('msa');
    expect(config.baseUrl).toBe(base);
    expect(config.discoveryUrl).toBe(discovery);
  });

  it('[#1] eka keeps the base path and strips trailing slashes', () => {
    const config = resolveConfig({ explicit: { baseUrl: 'http://127.0.0.1:8080/voice//' } });
    expect(config.baseUrl).toBe('http://127.0.0.1:8080/voice');
    expect(config.discoveryUrl).toBe('http://127.0.0.1:8080/voice/v1/.well-known/medscribealliance');
  });

  it('[#1] msa with neither discovery_url nor base_url → ConfigError', () => {
    const error = thrownScribeError(() => resolveConfig({ env: { SCRIBE_DIALECT: 'msa' } }), 'config_error');
    expect(error.message).toContain('discovery_url');
    expect(error.message).toContain('base_url');
  });
});

describe('a custom base URL never pairs with the production auth host (issue 11 #3)', () => {
  it.each([
    ['explicit', { explicit: { baseUrl: 'http://127.0.0.1:8787' } }, 'http://127.0.0.1:8787'],
    ['env', { env: { SCRIBE_BASE_URL: 'http://127.0.0.1:8787/voice/' } }, 'http://127.0.0.1:8787'],
    ['file', { file: { path: FILE, values: { base_url: 'https://scribe.example.com/voice' } } }, 'https://scribe.example.com'],
    ['env with env=dev', { env: { SCRIBE_ENV: 'dev', SCRIBE_BASE_URL: 'https://scribe.example.com:8443/a/b' } }, 'https://scribe.example.com:8443'],
  ])('a base URL from the %s layer and no auth URL: the auth host is the base URL origin', (_layer, layers, origin) => {
    const details = resolveConfigDetailed(layers as Parameters<typeof resolveConfigDetailed>[0]);
    expect(details.config.authBaseUrl).toBe(origin);
    expect(details.sources.authBaseUrl).toBe('derived');
    expect(details.config.explicitUrls.authBaseUrl).toBe(false);
  });

  it('an explicit auth URL still wins over the derived one, and with no base URL the env preset applies', () => {
    expect(resolveConfig({ explicit: { baseUrl: 'http://127.0.0.1:8787', authBaseUrl: 'http://127.0.0.1:9999' } }).authBaseUrl).toBe('http://127.0.0.1:9999');
    expect(resolveConfig({ env: { SCRIBE_ENV: 'dev' } }).authBaseUrl).toBe('https://api.dev.eka.care');
    expect(resolveConfig({}).authBaseUrl).toBe('https://api.eka.care');
  });

  it('the preset base URL set explicitly derives the same auth host as the preset', () => {
    expect(resolveConfig({ explicit: { baseUrl: 'https://api.dev.eka.care/voice' } }).authBaseUrl).toBe('https://api.dev.eka.care');
    expect(resolveConfig({ explicit: { baseUrl: 'https://api.eka.care/voice' } }).authBaseUrl).toBe('https://api.eka.care');
  });

  it('msa with only a discovery URL derives the auth host from its origin too', () => {
    expect(resolveConfig({ explicit: { discoveryUrl: 'https://scribe.example.com/.well-known/medscribealliance' } }).authBaseUrl).toBe('https://scribe.example.com');
  });
});
