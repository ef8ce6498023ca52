/** Configuration: the key table, environment presets, URL rules and the pure resolver. */
export type { AuthModeSetting, ScribeConfig, Dialect, EnvironmentName, SessionMode, JwtPayload } from './scribe-config';
export type { ScribeOptions } from './scribe-options';
export { CONFIG_ENV_PREFIX, CONFIG_KEYS, CONFIG_KEYS_BY_OPTION, CONFIG_NAMES, type ConfigKey, type ConfigValueType } from './config-keys';
export { DEFAULT_ENVIRONMENT, ENVIRONMENT_NAMES, ENVIRONMENT_PRESETS, type EnvironmentPreset } from './environment-presets';
export { WELL_KNOWN_PATH, isLoopbackHost, normalizeDiscoveryUrl, stripTrailingSlash } from './url-rules';
export { splitList, type ConfigLayer } from './config-value-parsers';
export type { ConfigLayers } from './collect-config-layers';
export { resolveConfig, resolveConfigDetailed, type ConfigSource, type ResolvedConfigDetails } from './resolve-config';
