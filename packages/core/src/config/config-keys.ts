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
  /** The default as documentation shows it. */
  defaultText: string;
  /** A credential: allowed in the environment and in code, refused in config files. */
  secret: boolean;
  /** What the setting does. */
  description: string;
}

// Built with a helper so each row states only what differs from a plain, non-secret setting.
function key(row: Omit<ConfigKey, 'secret' | 'defaultText'> & { secret?: boolean; defaultText?: string }): ConfigKey {
  const defaultText = row.defaultText ?? (row.defaultValue === undefined ? '—' : JSON.stringify(row.defaultValue));
  return Object.freeze({ ...row, secret: row.secret ?? false, defaultText });
}

/** Every configuration key of contract 9.1. Parsing, validation and the documentation table are driven from it. */
export const CONFIG_KEYS: readonly ConfigKey[] = Object.freeze([
  key({ option: 'clientId', fileKey: 'client_id', envVar: 'SCRIBE_CLIENT_ID', type: 'string', secret: true, description: 'Client-credentials id.' }),
  key({ option: 'clientSecret', fileKey: 'client_secret', envVar: 'SCRIBE_CLIENT_SECRET', type: 'string', secret: true, description: 'Client-credentials secret.' }),
  key({ option: 'apiKey', fileKey: 'api_key', envVar: 'SCRIBE_API_KEY', type: 'string', secret: true, description: 'API key: login body in client-credentials mode, else `X-API-Key`.' }),
  key({ option: 'accessToken', fileKey: 'access_token', envVar: 'SCRIBE_ACCESS_TOKEN', type: 'string', secret: true, description: 'Static bearer token.' }),
  key({ option: 'username', fileKey: 'username', envVar: 'SCRIBE_USERNAME', type: 'string', description: 'Username for password login (self-hosted EkaScribe); with `password` selects password mode.' }),
  key({ option: 'password', fileKey: 'password', envVar: 'SCRIBE_PASSWORD', type: 'string', secret: true, description: 'Password for password login: environment or code only, refused in config files.' }),
  key({
    option: 'authMode',
    fileKey: 'auth_mode',
    envVar: 'SCRIBE_AUTH_MODE',
    type: 'enum',
    choices: ['auto', 'password', 'client-credentials'],
    defaultValue: 'auto',
    description: '`auto` picks the mode from the credentials given; `password` or `client-credentials` insists on that login.',
  }),
  key({ option: 'jwtPayload', fileKey: 'jwt_payload', envVar: 'SCRIBE_JWT_PAYLOAD', type: 'json-object', description: 'Dev-direct `jwt-payload` header (JSON object with `b-id`).' }),
  key({ option: 'env', fileKey: 'env', envVar: 'SCRIBE_ENV', type: 'enum', choices: ['dev', 'prod'], defaultValue: 'prod', description: 'Host pair preset, case-insensitive.' }),
  key({ option: 'dialect', fileKey: 'dialect', envVar: 'SCRIBE_DIALECT', type: 'enum', choices: ['eka', 'msa'], defaultText: 'derived: msa when discovery_url is set, else eka', description: 'Wire dialect.' }),
  key({ option: 'baseUrl', fileKey: 'base_url', envVar: 'SCRIBE_BASE_URL', type: 'url', defaultText: 'the env preset', description: 'Protocol base URL; wins over env.' }),
  key({
    option: 'authBaseUrl',
    fileKey: 'auth_base_url',
    envVar: 'SCRIBE_AUTH_BASE_URL',
    type: 'url',
    defaultText: 'the origin of `baseUrl` (else `discoveryUrl`) when one is set, else the env preset',
    description: 'Auth host for client-credentials and password login; wins over env. Never the preset when a custom base URL is set.',
  }),
  key({ option: 'discoveryUrl', fileKey: 'discovery_url', envVar: 'SCRIBE_DISCOVERY_URL', type: 'url', defaultText: 'derived from the dialect and base URL', description: 'Discovery document URL; implies msa.' }),
  key({ option: 'defaultTemplates', fileKey: 'default_templates', envVar: 'SCRIBE_DEFAULT_TEMPLATES', type: 'string-list', defaultValue: [], description: 'Templates used when a call names none (env: comma-separated).' }),
  key({ option: 'defaultModel', fileKey: 'default_model', envVar: 'SCRIBE_DEFAULT_MODEL', type: 'string', defaultValue: 'lite', description: 'Model used when a call names none.' }),
  key({ option: 'defaultSessionMode', fileKey: 'default_session_mode', envVar: 'SCRIBE_DEFAULT_SESSION_MODE', type: 'enum', choices: ['consultation', 'dictation'], defaultValue: 'dictation', description: 'Session mode used when a call names none.' }),
  key({ option: 'defaultLanguageHint', fileKey: 'default_language_hint', envVar: 'SCRIBE_DEFAULT_LANGUAGE_HINT', type: 'string-list', description: 'Language hint used when a call gives none; may be `auto_detect` (env: comma-separated).' }),
  key({ option: 'transcriptLanguage', fileKey: 'transcript_language', envVar: 'SCRIBE_TRANSCRIPT_LANGUAGE', type: 'string', description: 'Transcript language.' }),
  key({ option: 'requestTimeout', fileKey: 'request_timeout', envVar: 'SCRIBE_REQUEST_TIMEOUT', type: 'seconds', min: 0, positive: true, defaultValue: 60, description: 'Per-request timeout in seconds; when set, also the per-attempt timeout of login and refresh (else 30 s).' }),
  key({ option: 'pollInterval', fileKey: 'poll_interval', envVar: 'SCRIBE_POLL_INTERVAL', type: 'seconds', min: 0, defaultValue: 1, description: 'Maximum poll rate in seconds; 0 polls back to back.' }),
  key({ option: 'pollTimeout', fileKey: 'poll_timeout', envVar: 'SCRIBE_POLL_TIMEOUT', type: 'seconds', min: 0, positive: true, defaultValue: 600, description: 'Total wait for results in seconds.' }),
  key({ option: 'maxRetries', fileKey: 'max_retries', envVar: 'SCRIBE_MAX_RETRIES', type: 'integer', min: 0, defaultValue: 3, description: 'Retries for idempotent calls.' }),
  key({ option: 'maxChunkSeconds', fileKey: 'max_chunk_seconds', envVar: 'SCRIBE_MAX_CHUNK_SECONDS', type: 'seconds', min: 1, max: 24, defaultText: 'min(discovery, 20)', description: 'Maximum chunk duration in seconds.' }),
  key({ option: 'allowInsecure', fileKey: 'allow_insecure', envVar: undefined, type: 'boolean', defaultValue: false, description: 'Allow `http://` URLs to non-loopback hosts.' }),
  key({ option: 'configFile', fileKey: undefined, envVar: 'SCRIBE_CONFIG', type: 'path', defaultText: 'scribe.config.json, .yaml or .yml in the working directory', description: 'Config file to load (read by platform packages).' }),
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
