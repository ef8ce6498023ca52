import type { ConfigKey, ConfigOption } from './config-keys';

/** How the documentation describes one setting: what it does and, where the default is not a constant, how it is derived. */
export interface ConfigKeyDoc {
  /** What the setting does. */
  description: string;
  /** The default as documentation shows it when it is not the key's constant `defaultValue`. */
  defaultText?: string;
}

/**
 * The prose of every configuration key, kept apart from `CONFIG_KEYS` so that an app's bundle carries the parsing rules
 * and not the documentation (`scripts/config-docs.mjs` writes docs/configuration.md's table from both).
 */
export const CONFIG_KEY_DOCS: Readonly<Record<ConfigOption, ConfigKeyDoc>> = {
  clientId: { description: 'Client-credentials id.' },
  clientSecret: { description: 'Client-credentials secret.' },
  apiKey: { description: 'API key: login body in client-credentials mode, else `X-API-Key`.' },
  accessToken: { description: 'Static bearer token.' },
  username: { description: 'Username for password login (self-hosted EkaScribe); with `password` selects password mode.' },
  password: { description: 'Password for password login: environment or code only, refused in config files.' },
  authMode: { description: '`auto` picks the mode from the credentials given; `password` or `client-credentials` insists on that login.' },
  jwtPayload: { description: 'Dev-direct `jwt-payload` header (JSON object with `b-id`).' },
  env: { description: 'Host pair preset, case-insensitive.' },
  dialect: { description: 'Wire dialect.', defaultText: 'derived: msa when discovery_url is set, else eka' },
  baseUrl: { description: 'Protocol base URL; wins over env.', defaultText: 'the env preset' },
  authBaseUrl: { description: 'Auth host for client-credentials and password login; wins over env. Never the preset when a custom base URL is set.', defaultText: 'the origin of `baseUrl` (else `discoveryUrl`) when one is set, else the env preset' },
  discoveryUrl: { description: 'Discovery document URL; implies msa.', defaultText: 'derived from the dialect and base URL' },
  defaultTemplates: { description: 'Templates used when a call names none (env: comma-separated).' },
  defaultModel: { description: 'Model used when a call names none.' },
  defaultSessionMode: { description: 'Session mode used when a call names none.' },
  defaultLanguageHint: { description: 'Language hint used when a call gives none; may be `auto_detect` (env: comma-separated).' },
  transcriptLanguage: { description: 'Transcript language.' },
  requestTimeout: { description: 'Per-request timeout in seconds; when set, also the per-attempt timeout of login and refresh (else 30 s).' },
  pollInterval: { description: 'Maximum poll rate in seconds; 0 polls back to back.' },
  pollTimeout: { description: 'Total wait for results in seconds.' },
  maxRetries: { description: 'Retries for idempotent calls.' },
  maxChunkSeconds: { description: 'Maximum chunk duration in seconds.', defaultText: 'min(discovery, 20)' },
  allowInsecure: { description: 'Allow `http://` URLs to non-loopback hosts.' },
  configFile: { description: 'Config file to load (read by platform packages).', defaultText: 'scribe.config.json, .yaml or .yml in the working directory' },
};

/** The default of a setting as the documentation table shows it: the derivation, else the constant as JSON, else a dash. */
export function configDefaultText(key: ConfigKey): string {
  return CONFIG_KEY_DOCS[key.option].defaultText ?? (key.defaultValue === undefined ? '—' : JSON.stringify(key.defaultValue));
}
