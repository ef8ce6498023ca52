import type { ScribeOptions } from './scribe-options';

/** How a config value is written and checked. */
export type ConfigValueType =
  | 'string'
  | 'url'
  | 'enum'
  | 'string-list'
  | 'seconds'
  | 'integer'
  | 'boolean'
  | 'json-object'
  | 'path';

/** One row of contract 9.1: the same setting as option, environment variable and config-file key. */
export interface ConfigKey {
  /** Name in the explicit options object (`ScribeOptions`). */
  option: keyof ScribeOptions;
  /** snake_case key in a config file; undefined when files cannot set it. */
  fileKey: string | undefined;
  /** Environment variable; undefined when the environment cannot set it. */
  envVar: string | undefined;
  /** Value type and parsing rules. */
  type: ConfigValueType;
  /** Allowed values of an `enum` (matched case-insensitively). */
  choices?: readonly string[];
  /** Inclusive bounds of a number. */
  min?: number;
  /** Inclusive upper bound of a number. */
  max?: number;
  /** Whether zero is excluded (`min` is then an open bound). */
  positive?: boolean;
  /** The default value, when it is a constant. */
  defaultValue?: unknown;
  /** A credential: allowed in the environment and in code, refused in config files. */
  secret: boolean;
}

/** The name of a setting in the explicit options object. */
export type ConfigOption = keyof ScribeOptions;

// Built with a helper so each row states only what differs from a plain, non-secret setting.
function key(row: Omit<ConfigKey, 'secret'> & { secret?: boolean }): ConfigKey {
  return Object.freeze({ ...row, secret: row.secret ?? false });
}

/**
 * Every configuration key of contract 9.1. Parsing and validation are driven from it, and the documentation table from
 * it and `CONFIG_KEY_DOCS` (the prose, kept apart so that bundles do not carry it).
 */
export const CONFIG_KEYS: readonly ConfigKey[] = Object.freeze([
  key({ option: 'clientId', fileKey: 'client_id', envVar: 'SCRIBE_CLIENT_ID', type: 'string', secret: true }),
  key({ option: 'clientSecret', fileKey: 'client_secret', envVar: 'SCRIBE_CLIENT_SECRET', type: 'string', secret: true }),
  key({ option: 'apiKey', fileKey: 'api_key', envVar: 'SCRIBE_API_KEY', type: 'string', secret: true }),
  key({ option: 'accessToken', fileKey: 'access_token', envVar: 'SCRIBE_ACCESS_TOKEN', type: 'string', secret: true }),
  key({ option: 'username', fileKey: 'username', envVar: 'SCRIBE_USERNAME', type: 'string' }),
  key({ option: 'password', fileKey: 'password', envVar: 'SCRIBE_PASSWORD', type: 'string', secret: true }),
  key({
    option: 'authMode',
    fileKey: 'auth_mode',
    envVar: 'SCRIBE_AUTH_MODE',
    type: 'enum',
    choices: ['auto', 'password', 'client-credentials'],
    defaultValue: 'auto',
  }),
  key({ option: 'jwtPayload', fileKey: 'jwt_payload', envVar: 'SCRIBE_JWT_PAYLOAD', type: 'json-object' }),
  key({ option: 'env', fileKey: 'env', envVar: 'SCRIBE_ENV', type: 'enum', choices: ['dev', 'prod'], defaultValue: 'prod' }),
  key({ option: 'dialect', fileKey: 'dialect', envVar: 'SCRIBE_DIALECT', type: 'enum', choices: ['eka', 'msa'] }),
  key({ option: 'baseUrl', fileKey: 'base_url', envVar: 'SCRIBE_BASE_URL', type: 'url' }),
  key({
    option: 'authBaseUrl',
    fileKey: 'auth_base_url',
    envVar: 'SCRIBE_AUTH_BASE_URL',
    type: 'url',
  }),
  key({ option: 'discoveryUrl', fileKey: 'discovery_url', envVar: 'SCRIBE_DISCOVERY_URL', type: 'url' }),
  key({ option: 'defaultTemplates', fileKey: 'default_templates', envVar: 'SCRIBE_DEFAULT_TEMPLATES', type: 'string-list', defaultValue: [] }),
  key({ option: 'defaultModel', fileKey: 'default_model', envVar: 'SCRIBE_DEFAULT_MODEL', type: 'string', defaultValue: 'lite' }),
  key({ option: 'defaultSessionMode', fileKey: 'default_session_mode', envVar: 'SCRIBE_DEFAULT_SESSION_MODE', type: 'enum', choices: ['consultation', 'dictation'], defaultValue: 'dictation' }),
  key({ option: 'defaultLanguageHint', fileKey: 'default_language_hint', envVar: 'SCRIBE_DEFAULT_LANGUAGE_HINT', type: 'string-list' }),
  key({ option: 'transcriptLanguage', fileKey: 'transcript_language', envVar: 'SCRIBE_TRANSCRIPT_LANGUAGE', type: 'string' }),
  key({ option: 'requestTimeout', fileKey: 'request_timeout', envVar: 'SCRIBE_REQUEST_TIMEOUT', type: 'seconds', min: 0, positive: true, defaultValue: 60 }),
  key({ option: 'pollInterval', fileKey: 'poll_interval', envVar: 'SCRIBE_POLL_INTERVAL', type: 'seconds', min: 0, defaultValue: 1 }),
  key({ option: 'pollTimeout', fileKey: 'poll_timeout', envVar: 'SCRIBE_POLL_TIMEOUT', type: 'seconds', min: 0, positive: true, defaultValue: 600 }),
  key({ option: 'maxRetries', fileKey: 'max_retries', envVar: 'SCRIBE_MAX_RETRIES', type: 'integer', min: 0, defaultValue: 3 }),
  key({ option: 'maxChunkSeconds', fileKey: 'max_chunk_seconds', envVar: 'SCRIBE_MAX_CHUNK_SECONDS', type: 'seconds', min: 1, max: 24 }),
  key({ option: 'allowInsecure', fileKey: 'allow_insecure', envVar: undefined, type: 'boolean', defaultValue: false }),
  key({ option: 'configFile', fileKey: undefined, envVar: 'SCRIBE_CONFIG', type: 'path' }),
]);

/** The key table indexed by option name. */
export const CONFIG_KEYS_BY_OPTION: Readonly<Record<string, ConfigKey>> = Object.freeze(
  Object.fromEntries(CONFIG_KEYS.map((row) => [row.option, row])),
);

/** Every option name, file key and environment variable, for "valid keys are ..." messages. */
export const CONFIG_NAMES = Object.freeze({
  options: Object.freeze(CONFIG_KEYS.map((row) => row.option)),
  fileKeys: Object.freeze(CONFIG_KEYS.flatMap((row) => (row.fileKey ? [row.fileKey] : []))),
  envVars: Object.freeze(CONFIG_KEYS.flatMap((row) => (row.envVar ? [row.envVar] : []))),
});

/** Prefix of the environment variables the resolver owns; an unknown one is an error (likely a typo). */
export const CONFIG_ENV_PREFIX = 'SCRIBE_';
