import { ConfigError } from '../errors';
import { collectConfigLayers, type ConfigLayers, type FoundValue } from './collect-config-layers';
import { CONFIG_KEYS_BY_OPTION, type ConfigKey } from './config-keys';
import { checkUrl, parseConfigValue, type ConfigLayer } from './config-value-parsers';
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_PRESETS } from './environment-presets';
import type { AuthModeSetting, Dialect, EnvironmentName, JwtPayload, ScribeConfig, SessionMode } from './scribe-config';
import type { ScribeOptions } from './scribe-options';
import { assertSecureUrl, discoveryUrlFromBase, normalizeDiscoveryUrl, stripTrailingSlash } from './url-rules';

/** Where a resolved setting came from: a layer, the `env` preset, a derivation (dialect, discovery URL), or the default. */
export type ConfigSource = ConfigLayer | 'preset' | 'derived' | 'default';

/** A resolved configuration together with the origin of each setting (for diagnostics; never includes values). */
export interface ResolvedConfigDetails {
  /** The resolved configuration. */
  config: ScribeConfig;
  /** Per option: which layer won. */
  sources: Readonly<Record<Exclude<keyof ScribeOptions, 'configFile'>, ConfigSource>>;
}

/**
 * Merges explicit options > environment > config file > defaults (contract 9), applies the `env` preset to URLs no
 * layer set (the auth host defaults to the origin of an explicit base or discovery URL instead), derives the dialect and discovery URL (0.2), and validates everything. Throws ConfigError; missing
 * credentials are not an error here (they are reported at the first authenticated call).
 */
export function resolveConfig(layers: ConfigLayers = {}): ScribeConfig {
  return resolveConfigDetailed(layers).config;
}

/** `resolveConfig`, also reporting where each setting came from. */
export function resolveConfigDetailed(layers: ConfigLayers = {}): ResolvedConfigDetails {
  const found = collectConfigLayers(layers);
  const sources: Record<string, ConfigSource> = {};
  const labels: Record<string, string> = {};
  const read = <T>(option: Exclude<keyof ScribeOptions, 'configFile'>): T | undefined => {
    const spec = CONFIG_KEYS_BY_OPTION[option] as ConfigKey;
    const winner: FoundValue | undefined = found.get(spec)?.[0];
    if (!winner) {
      sources[option] = 'default';
      return spec.defaultValue as T | undefined;
    }
    sources[option] = winner.origin.layer;
    labels[option] = winner.origin.label;
    const value = parseConfigValue(spec, winner.raw, winner.origin);
    if (spec.type === 'url') checkUrl(value as string, winner.origin.label);
    return value as T;
  };

  const env = read<EnvironmentName>('env') ?? DEFAULT_ENVIRONMENT;
  const preset = ENVIRONMENT_PRESETS[env];
  const allowInsecure = read<boolean>('allowInsecure') ?? false;
  const explicitBase = read<string>('baseUrl');
  const explicitAuth = read<string>('authBaseUrl');
  const explicitDiscovery = read<string>('discoveryUrl');
  const dialectSet = read<Dialect>('dialect');
  // Contract 0.2: an explicit dialect wins; otherwise configuring discovery means the generic protocol.
  const dialect: Dialect = dialectSet ?? (explicitDiscovery !== undefined ? 'msa' : 'eka');
  if (dialectSet === undefined) sources.dialect = 'derived';

  // "Was set" is tracked rather than compared with the preset, so an explicit prod URL still counts as explicit.
  const baseUrl = explicitBase !== undefined ? stripTrailingSlash(explicitBase) : dialect === 'eka' ? preset.baseUrl : undefined;
  // A custom service never gets the preset's (production) auth host silently: without an explicit auth URL, the login
  // goes to the origin of the configured base (or discovery) URL, where the eka login path lives.
  const customOrigin = explicitBase ?? explicitDiscovery;
  const authBaseUrl =
    explicitAuth !== undefined ? stripTrailingSlash(explicitAuth) : customOrigin !== undefined ? new URL(customOrigin).origin : preset.authBaseUrl;
  if (explicitBase === undefined && dialect === 'eka') sources.baseUrl = 'preset';
  if (explicitAuth === undefined) sources.authBaseUrl = customOrigin !== undefined ? 'derived' : 'preset';
  const discoveryUrl = resolveDiscoveryUrl(dialect, explicitDiscovery, baseUrl);
  if (explicitDiscovery === undefined) sources.discoveryUrl = 'derived';

  assertSecureUrl(authBaseUrl, labels.authBaseUrl ?? (customOrigin !== undefined ? `the auth host derived from ${labels.baseUrl ?? labels.discoveryUrl}` : `the ${env} auth host`), allowInsecure);
  if (baseUrl !== undefined) assertSecureUrl(baseUrl, labels.baseUrl ?? `the ${env} base URL`, allowInsecure);
  assertSecureUrl(discoveryUrl, labels.discoveryUrl ?? labels.baseUrl ?? 'the discovery URL', allowInsecure);

  const pollInterval = read<number>('pollInterval');
  const languageHint = read<string[]>('defaultLanguageHint');
  const config: ScribeConfig = {
    dialect,
    env,
    baseUrl,
    authBaseUrl,
    discoveryUrl,
    explicitUrls: Object.freeze({ baseUrl: explicitBase !== undefined, authBaseUrl: explicitAuth !== undefined, discoveryUrl: explicitDiscovery !== undefined }),
    clientId: read<string>('clientId'),
    clientSecret: read<string>('clientSecret'),
    apiKey: read<string>('apiKey'),
    accessToken: read<string>('accessToken'),
    username: read<string>('username'),
    password: read<string>('password'),
    authMode: read<AuthModeSetting>('authMode') ?? 'auto',
    jwtPayload: read<JwtPayload>('jwtPayload'),
    defaultTemplates: Object.freeze([...(read<string[]>('defaultTemplates') ?? [])]) as string[],
    defaultModel: read<string>('defaultModel') ?? 'lite',
    defaultSessionMode: read<SessionMode>('defaultSessionMode') ?? 'dictation',
    defaultLanguageHint: languageHint && languageHint.length > 0 ? (Object.freeze([...languageHint]) as string[]) : undefined,
    transcriptLanguage: read<string>('transcriptLanguage'),
    requestTimeout: read<number>('requestTimeout') ?? 60,
    requestTimeoutExplicit: sources.requestTimeout !== 'default',
    pollInterval: pollInterval ?? 1,
    pollIntervalExplicit: sources.pollInterval !== 'default',
    pollTimeout: read<number>('pollTimeout') ?? 600,
    maxRetries: read<number>('maxRetries') ?? 3,
    maxChunkSeconds: read<number>('maxChunkSeconds'),
    allowInsecure,
  };
  return { config: Object.freeze(config), sources: Object.freeze(sources) as ResolvedConfigDetails['sources'] };
}

function resolveDiscoveryUrl(dialect: Dialect, explicit: string | undefined, baseUrl: string | undefined): string {
  if (explicit !== undefined) return normalizeDiscoveryUrl(explicit);
  if (dialect === 'eka') return `${baseUrl!}/v1/.well-known/medscribealliance`;
  if (baseUrl !== undefined) return discoveryUrlFromBase(baseUrl);
  throw new ConfigError(
    'The msa dialect needs discovery_url (SCRIBE_DISCOVERY_URL, option discoveryUrl) or base_url (SCRIBE_BASE_URL, ' +
      'option baseUrl) to find the service.',
  );
}
