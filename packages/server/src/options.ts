import { createCorsPolicy, type CorsPolicy } from './http/cors.js';
import { isLoopbackHost, type AccountConfig } from './auth/accounts.js';
import { defaultModels, type ModelConfig } from './models.js';
import { createDefaultEngine, type Engine } from './processing/engine.js';
import { DEFAULT_TEMPLATES, onPremEngine, onPremTemplates, type TemplateInfo } from './templates.js';
import { systemClock, type Clock } from './time.js';

/** Per-credential rate limit (contract 8.3). */
export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in seconds. Default 60. */
  windowSeconds?: number;
}

/** Webhook delivery tuning (contract 7.4); tests shorten the delays. */
export interface WebhookOptions {
  /** First retry delay in ms; later ones double. Default 1000 (1, 2, 4, 8, 16 s). */
  retryBaseMs?: number;
  /** Retries after the first attempt. Default 5. */
  maxRetries?: number;
  /** Per-attempt timeout in ms. Default 30000. */
  timeoutMs?: number;
  /** Jitter as a fraction of each delay. Default 0.2 (±20 %). */
  jitter?: number;
  /** Accept loopback and private-range targets (tests, a receiver on this machine or LAN); link-local never. Default false. */
  allowPrivateTargets?: boolean;
  /** Most webhooks one business may register. Default 20. */
  maxPerBusiness?: number;
}

/** WebSocket streaming limits and timings (contract 6.5, 6.6). */
export interface StreamOptions {
  /** Largest binary frame or decoded `media` payload in bytes; more closes with 1009. Default 1 MiB. */
  maxFrameBytes?: number;
  /**
   * A session's audio (over all its connections) may be at most this many times its age since creation, plus 10 s;
   * more closes with 4429. Default 8.
   */
  maxSpeed?: number;
  /** How often received audio is made durable and acknowledged, in ms (at most 1000). Default 500. */
  ackIntervalMs?: number;
  /** Keepalive ping interval in ms. Default 20000. */
  pingIntervalMs?: number;
  /** A peer silent (no frame, no pong) this long is dropped, in ms. Default 60000. */
  idleTimeoutMs?: number;
}

/** Options of `startServer`; every field is optional. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Where sessions, audio, the signing secret and webhooks live. Default: a fresh temp directory deleted on close. */
  dataDir?: string;
  /** Public origin (optionally with a path) for generated URLs. Default: the request's scheme and `Host`. */
  publicUrl?: string;
  /**
   * Browser origins allowed to call the server (`--cors-origin`, repeatable): only they get CORS headers (the origin
   * echoed, `Vary: Origin`), and a WebSocket upgrade carrying another `Origin` is refused with 403. Default: none
   * listed, any origin allowed (`Access-Control-Allow-Origin: *`, contract 0.3).
   */
  corsOrigins?: readonly string[];
  /** Accounts; default `{dataDir}/accounts.json` if present, else the dev account on a loopback bind. */
  accounts?: readonly AccountConfig[];
  /** Access-token lifetime in seconds (down to 1 for tests). Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Refresh-token lifetime in seconds. Default 30 days. */
  refreshTokenLifetimeSeconds?: number;
  /**
   * Accept the `jwt-payload` dev header (contract 1.5): anyone sending it acts as the business it names, so it is for
   * a development server only. Refused at start-up together with configured accounts (option or accounts file) or a
   * non-loopback `host`. Default false.
   */
  trustJwtPayload?: boolean;
  /**
   * Speak the on-prem variant of a self-hosted EkaScribe (`--on-prem`): username/password login at
   * `/connect-auth/v1/login`, the client-credentials routes answering 403 `{"detail":"missing_token"}`, only bearer
   * tokens accepted (a `jwt-payload` header is ignored, as the service's proxy strips it), UUID template ids listed as
   * `{items}`, `language_hint` required on create, and FastAPI-style `{"detail": ...}` error bodies. Default false.
   */
  onPrem?: boolean;
  /** Most templates per session, `transcript` not counted. Default 2. */
  maxTemplates?: number;
  /** Models offered. Default `lite` and `pro`. */
  models?: readonly ModelConfig[];
  /** Session lifetime of the default models in whole seconds (tests use 1). Default 3600. */
  sessionDurationSeconds?: number;
  /** How long a GET of a `processing` session may be held; 0 disables, at most 14. Default 10. */
  longPollSeconds?: number;
  /** Largest audio file in bytes. Default 100 MiB. */
  maxFileBytes?: number;
  /** Largest JSON body in bytes. Default 64 KiB. */
  maxJsonBytes?: number;
  /** Longest WAV chunk in seconds, tolerated 0.25 s beyond. Default 24. */
  maxChunkSeconds?: number;
  /** Rate limit per credential, or false to disable. Default 600 per 60 s. */
  rateLimit?: RateLimitOptions | false;
  /** The template catalogue. Default: the engine's, else the production and protocol standard ids. */
  templates?: readonly TemplateInfo[];
  /** Force one `templates` shape in session bodies. Default `auto` (by credential kind, contract 0.3). */
  templatesShape?: 'auto' | 'keyed' | 'list';
  /** Protocol versions accepted in `MSA-Version`. Default `['0.1']`. */
  supportedVersions?: readonly string[];
  /** Deprecated versions mapped to their sunset date, answered with `X-MSA-Deprecated` headers. Default none. */
  deprecatedVersions?: Readonly<Record<string, string>>;
  /** Transcription and extraction. Default: no transcriber (sessions end `failed`). */
  engine?: Engine;
  /** Webhook retry tuning. */
  webhooks?: WebhookOptions;
  /** WebSocket streaming limits. */
  stream?: StreamOptions;
  /** How often expired sessions are swept, in ms. Default 1000. */
  expirySweepMs?: number;
  /** Enables fault injection, the request log and `/__test__/*` routes. Default false. */
  testKnobs?: boolean;
  /** Clock for timestamps, expiry, tokens and rate limits. Default `Date.now`. */
  now?: Clock;
  /** Receives one line per notable event (startup, resumed processing, webhook failures). Default: silent. */
  log?: (line: string) => void;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string | undefined;
  publicUrl: string | undefined;
  cors: CorsPolicy;
  accounts: readonly AccountConfig[] | undefined;
  tokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
  trustJwtPayload: boolean;
  onPrem: boolean;
  maxTemplates: number;
  models: readonly ModelConfig[];
  longPollSeconds: number;
  maxFileBytes: number;
  maxJsonBytes: number;
  maxChunkSeconds: number;
  rateLimit: Required<RateLimitOptions> | false;
  templates: readonly TemplateInfo[];
  templatesShape: 'auto' | 'keyed' | 'list';
  supportedVersions: readonly string[];
  deprecatedVersions: Readonly<Record<string, string>>;
  engine: Engine;
  webhooks: Required<WebhookOptions>;
  stream: Required<StreamOptions>;
  expirySweepMs: number;
  testKnobs: boolean;
  now: Clock;
  log: (line: string) => void;
}

/** Why `trustJwtPayload` and configured accounts do not go together. */
export const JWT_PAYLOAD_WITH_ACCOUNTS =
  'trustJwtPayload (--trust-jwt-payload) cannot be combined with configured accounts: the jwt-payload header would let any caller act as any of their businesses.';

/** Applies defaults and rejects values that would break the contract. */
export function resolveOptions(options: ServerOptions): ResolvedOptions {
  const engine = options.engine ?? createDefaultEngine();
  const models = options.models ?? defaultModels(options.sessionDurationSeconds ?? 3600);
  for (const model of models) {
    if (!Number.isInteger(model.maxSessionDurationSeconds) || model.maxSessionDurationSeconds < 1) {
      throw new TypeError(`model ${model.id}: maxSessionDurationSeconds must be a whole number ≥ 1`);
    }
  }
  const longPoll = options.longPollSeconds ?? 10;
  if (!(longPoll >= 0 && longPoll <= 14)) throw new TypeError('longPollSeconds must be between 0 and 14');
  const tokenLifetime = options.tokenLifetimeSeconds ?? 3600;
  if (!Number.isInteger(tokenLifetime) || tokenLifetime < 1) throw new TypeError('tokenLifetimeSeconds must be a whole number ≥ 1');
  const host = options.host ?? '127.0.0.1';
  const trustJwtPayload = options.trustJwtPayload ?? false;
  if (trustJwtPayload && options.accounts && options.accounts.length > 0) throw new TypeError(JWT_PAYLOAD_WITH_ACCOUNTS);
  if (trustJwtPayload && !isLoopbackHost(host)) {
    throw new TypeError(`trustJwtPayload (--trust-jwt-payload) needs a loopback host, not ${host}: the jwt-payload header lets any caller act as any business.`);
  }
  const onPrem = options.onPrem ?? false;
  if (onPrem && trustJwtPayload) throw new TypeError('onPrem (--on-prem) cannot be combined with trustJwtPayload: the on-prem service never honours a jwt-payload header.');
  const maxWebhooks = options.webhooks?.maxPerBusiness ?? 20;
  if (!Number.isInteger(maxWebhooks) || maxWebhooks < 0) throw new TypeError('webhooks.maxPerBusiness must be a whole number ≥ 0');
  // On-prem, the default catalogue is served under UUIDs and the engine still extracts by the original ids; a catalogue
  // the operator names is served as given.
  const baseCatalogue = engine.templates ?? DEFAULT_TEMPLATES;
  const served = options.templates
    ? { templates: options.templates, engine }
    : onPrem
      ? { templates: onPremTemplates(baseCatalogue), engine: onPremEngine(engine, baseCatalogue) }
      : { templates: baseCatalogue, engine };
  const rateLimit = options.rateLimit === false ? false : { limit: options.rateLimit?.limit ?? 600, windowSeconds: options.rateLimit?.windowSeconds ?? 60 };
  return {
    port: options.port ?? 0,
    host,
    dataDir: options.dataDir,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    cors: createCorsPolicy(options.corsOrigins),
    accounts: options.accounts,
    tokenLifetimeSeconds: tokenLifetime,
    refreshTokenLifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 30 * 24 * 3600,
    trustJwtPayload,
    onPrem,
    maxTemplates: options.maxTemplates ?? 2,
    models,
    longPollSeconds: longPoll,
    maxFileBytes: options.maxFileBytes ?? 100 * 1024 * 1024,
    maxJsonBytes: options.maxJsonBytes ?? 64 * 1024,
    maxChunkSeconds: options.maxChunkSeconds ?? 24,
    rateLimit,
    templates: served.templates,
    templatesShape: options.templatesShape ?? 'auto',
    supportedVersions: options.supportedVersions ?? ['0.1'],
    deprecatedVersions: options.deprecatedVersions ?? {},
    engine: served.engine,
    webhooks: {
      retryBaseMs: options.webhooks?.retryBaseMs ?? 1000,
      maxRetries: options.webhooks?.maxRetries ?? 5,
      timeoutMs: options.webhooks?.timeoutMs ?? 30_000,
      jitter: options.webhooks?.jitter ?? 0.2,
      allowPrivateTargets: options.webhooks?.allowPrivateTargets ?? false,
      maxPerBusiness: options.webhooks?.maxPerBusiness ?? 20,
    },
    stream: resolveStreamOptions(options.stream ?? {}),
    expirySweepMs: options.expirySweepMs ?? 1000,
    testKnobs: options.testKnobs ?? false,
    now: options.now ?? systemClock,
    log: options.log ?? (() => {}),
  };
}

function resolveStreamOptions(stream: StreamOptions): Required<StreamOptions> {
  const resolved = {
    maxFrameBytes: stream.maxFrameBytes ?? 1024 * 1024,
    maxSpeed: stream.maxSpeed ?? 8,
    ackIntervalMs: stream.ackIntervalMs ?? 500,
    pingIntervalMs: stream.pingIntervalMs ?? 20_000,
    idleTimeoutMs: stream.idleTimeoutMs ?? 60_000,
  };
  if (!(Number.isInteger(resolved.maxFrameBytes) && resolved.maxFrameBytes >= 2)) throw new TypeError('stream.maxFrameBytes must be an integer ≥ 2');
  if (!(resolved.maxSpeed > 0)) throw new TypeError('stream.maxSpeed must be > 0');
  if (!(resolved.ackIntervalMs > 0 && resolved.ackIntervalMs <= 1000)) throw new TypeError('stream.ackIntervalMs must be in (0, 1000]');
  if (!(resolved.pingIntervalMs > 0 && resolved.idleTimeoutMs > 0)) throw new TypeError('stream.pingIntervalMs and stream.idleTimeoutMs must be > 0');
  return resolved;
}
