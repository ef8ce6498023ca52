import type { AuthModeSetting, Dialect, EnvironmentName, JwtPayload, SessionMode } from './scribe-config';

/**
 * Configuration passed explicitly in code (camelCase forms of the config-file keys, contract 9.1). Highest
 * precedence; `undefined` values override nothing. Every field is optional: unset ones come from the environment,
 * the config file or the defaults below.
 */
export interface ScribeOptions {
  /** Client-credentials id (secret; never in a config file). Default: none. */
  clientId?: string;
  /** Client-credentials secret (secret; never in a config file). Default: none. */
  clientSecret?: string;
  /** API key: login body in client-credentials mode, else `X-API-Key` (secret; never in a config file). Default: none. */
  apiKey?: string;
  /** A static bearer token (secret; never in a config file). Default: none. */
  accessToken?: string;
  /** Username for password login (self-hosted EkaScribe); may come from a config file. Default: none. */
  username?: string;
  /** Password for password login (secret; environment `SCRIBE_PASSWORD` or code only, never a config file). Default: none. */
  password?: string;
  /** `auto` picks the mode from the credentials given; `password` / `client-credentials` insist on that login. Default `auto`. */
  authMode?: AuthModeSetting;
  /** Dev-direct `jwt-payload` header contents (must carry `b-id`); an object or its JSON text. Default: none. */
  jwtPayload?: JwtPayload | string;
  /** Host pair preset, case-insensitive: `prod` (api.eka.care) or `dev` (api.dev.eka.care). Default `prod`. */
  env?: EnvironmentName;
  /** Wire dialect. Default: `msa` when `discoveryUrl` is set, else `eka`. */
  dialect?: Dialect;
  /** Protocol base URL (`eka`: without `/v1`); wins over `env`. Default: the `env` preset (`eka`), discovery (`msa`). */
  baseUrl?: string;
  /** Auth host for client-credentials and password login; wins over `env`. Default: the origin of `baseUrl` (else `discoveryUrl`) when set, else the `env` preset. */
  authBaseUrl?: string;
  /** Discovery document URL (a bare origin gets `/.well-known/medscribealliance`); implies `msa`. Default: derived. */
  discoveryUrl?: string;
  /** Templates used when a call names none (a comma-separated string is split). Default `[]`. */
  defaultTemplates?: string[] | string;
  /** Model used when a call names none. Default `lite`. */
  defaultModel?: string;
  /** Session mode used when a call names none. Default `dictation`. */
  defaultSessionMode?: SessionMode;
  /** Language hint used when a call gives none; a string is wrapped (commas split); may be `auto_detect`. Default: none. */
  defaultLanguageHint?: string[] | string;
  /** Transcript language. Default: none. */
  transcriptLanguage?: string;
  /** Per-request timeout in seconds (> 0); when set, also bounds each login and refresh attempt. Default 60 (login 30). */
  requestTimeout?: number;
  /** Maximum poll rate in seconds (0 = back-to-back). Default 1 (`msa` without it: the 2/5/10 s schedule). */
  pollInterval?: number;
  /** Total wait for results in seconds (> 0). Default 600. */
  pollTimeout?: number;
  /** Retries for idempotent calls (integer ≥ 0). Default 3. */
  maxRetries?: number;
  /** Maximum chunk duration in seconds, 1..24. Default `min(discovery, 20)`. */
  maxChunkSeconds?: number;
  /** Allow `http://` URLs to non-loopback hosts. Default false. */
  allowInsecure?: boolean;
  /** Config file to load; read by platform packages (@scribe/node), ignored by the resolver. Default: `SCRIBE_CONFIG`, then `scribe.config.{json,yaml,yml}`. */
  configFile?: string;
}
