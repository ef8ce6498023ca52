/** Which wire dialect the client speaks: EkaScribe production (`eka`) or generic MedScribeAlliance v0.1 (`msa`). */
export type Dialect = 'eka' | 'msa';

/** Named host pairs of the EkaScribe service. */
export type EnvironmentName = 'prod' | 'dev';

/** Session modes of the `eka` dialect. */
export type SessionMode = 'consultation' | 'dictation';

/** How the auth mode is chosen: from the credentials given (`auto`), or insisting on one login. */
export type AuthModeSetting = 'auto' | 'password' | 'client-credentials';

/** The dev-direct `jwt-payload` header contents (must carry `b-id`). */
export type JwtPayload = Record<string, unknown>;

/**
 * The fully resolved client configuration: every layer merged (explicit > environment > config file > defaults),
 * presets applied, durations in seconds. Produced by `resolveConfig`; consumed by auth, transport and sessions.
 */
export interface ScribeConfig {
  /** The wire dialect (contract 0.2). */
  dialect: Dialect;
  /** The environment preset that was selected (default `prod`). */
  env: EnvironmentName;
  /** Protocol base URL, trailing slash stripped (`eka`: without `/v1`; `msa`: as configured, may be undefined until discovery). */
  baseUrl: string | undefined;
  /** Auth host for client-credentials login (`eka`). */
  authBaseUrl: string;
  /** Discovery document URL. */
  discoveryUrl: string | undefined;
  /** Which URLs were set explicitly by some layer (presets never count). */
  explicitUrls: { baseUrl: boolean; authBaseUrl: boolean; discoveryUrl: boolean };
  /** Client-credentials id (secret). */
  clientId: string | undefined;
  /** Client-credentials secret (secret). */
  clientSecret: string | undefined;
  /** API key (secret). */
  apiKey: string | undefined;
  /** A static bearer token (secret). */
  accessToken: string | undefined;
  /** Username for password login. */
  username?: string | undefined;
  /** Password for password login (secret). */
  password?: string | undefined;
  /** How the auth mode is chosen. Default `auto`. */
  authMode?: AuthModeSetting;
  /** Dev-direct `jwt-payload` object. */
  jwtPayload: JwtPayload | undefined;
  /** Templates used when a call names none. Default `[]`. */
  defaultTemplates: string[];
  /** Default model. Default `lite`. */
  defaultModel: string;
  /** Default session mode. Default `dictation`. */
  defaultSessionMode: SessionMode;
  /** Default language hint; may contain `auto_detect`. */
  defaultLanguageHint: string[] | undefined;
  /** Transcript language. */
  transcriptLanguage: string | undefined;
  /** Per-request timeout in seconds. Default 60. */
  requestTimeout: number;
  /** Whether `requestTimeout` was set by some layer (login and refresh then use it instead of their 30 s). */
  requestTimeoutExplicit?: boolean;
  /** Maximum poll rate in seconds. Default 1. */
  pollInterval: number;
  /** Whether `pollInterval` was set by some layer (the `msa` schedule applies otherwise). */
  pollIntervalExplicit: boolean;
  /** Total wait for results in seconds. Default 600. */
  pollTimeout: number;
  /** Retries for idempotent calls. Default 3. */
  maxRetries: number;
  /** Maximum chunk duration in seconds (1..24); undefined = `min(discovery, 20)`. */
  maxChunkSeconds: number | undefined;
  /** Allow `http://` to non-loopback hosts. Default false. */
  allowInsecure: boolean;
}
