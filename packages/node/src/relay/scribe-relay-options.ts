import { ConfigError, buildEndpoints, silentLogger, type Logger, type ScribeCore, type SessionEndpoints } from '@scribe/core/internal';
import { clientCore } from '../internal/client-core';
import { ScribeClient, type ScribeClientOptions } from '../scribe-client';
import { createSessionHandles, type SessionHandles } from './session-handle';

/** Who the application says the caller is. */
export interface ScribeRelayUser {
  /** A stable id of the signed-in user (no line breaks); sessions are bound to it. */
  userId: string;
}

/** Decides who is calling, from the application's own cookie or header; null or undefined → 401 `unauthorized`. */
export type ScribeRelayAuthorize = (request: Request) => Promise<ScribeRelayUser | null | undefined> | ScribeRelayUser | null | undefined;

/** Body size limits of the relay, in bytes; larger bodies get 413 before they are read whole. */
export interface ScribeRelayLimits {
  /** JSON bodies (create, end). Default 65536 (64 KiB, the contract's server limit). */
  jsonBytes?: number;
  /**
   * One audio chunk. Default 8388608 (8 MiB): a 20 s chunk (the service's maximum) is 640 KB as 16 kHz mono 16-bit
   * WAV, and 7.7 MB at 48 kHz stereo 32-bit float.
   */
  chunkBytes?: number;
}

/** Options of `createScribeRelay`. */
export interface ScribeRelayOptions {
  /** The client whose credentials and transport the relay uses (eka dialect). Give this or `clientOptions`. */
  client?: ScribeClient;
  /** Options for a client the relay creates for itself (eka dialect). Give this or `client`. */
  clientOptions?: ScribeClientOptions;
  /**
   * The key that signs session handles: at least 32 bytes (a string counts its UTF-8 bytes), the same on every
   * instance that should serve the same users, never sent anywhere. Required.
   */
  secret: string | Uint8Array;
  /** Called on every request except discovery, before anything else. Required. */
  authorize: ScribeRelayAuthorize;
  /**
   * The path the relay is mounted at (`/api/scribe`). Default: derived per request, as whatever precedes the first
   * `/v1/` that leaves a relay route.
   */
  basePath?: string;
  /**
   * The relay's URL as browsers reach it (`https://app.example.com/api/scribe`), used in the URLs it hands out
   * (`upload_url` of chunked sessions, discovery endpoints); also sets `basePath` when that is not given. Default:
   * the request's origin plus the mount path.
   */
  publicUrl?: string;
  /** Body size limits. Defaults: 64 KiB JSON, 8 MiB per chunk. */
  limits?: ScribeRelayLimits;
  /** Receives one line per request (route, status, request id; never a secret). Default: silent. */
  logger?: Logger;
}

/** The options with defaults applied and checked. */
export interface ResolvedRelayOptions {
  core: ScribeCore;
  endpoints: SessionEndpoints;
  handles: SessionHandles;
  authorize: ScribeRelayAuthorize;
  basePath: string | undefined;
  publicUrl: string | undefined;
  limits: Required<ScribeRelayLimits>;
  logger: Logger;
}

/** Default body limits. */
export const DEFAULT_RELAY_LIMITS: Readonly<Required<ScribeRelayLimits>> = { jsonBytes: 64 * 1024, chunkBytes: 8 * 1024 * 1024 };

/** Smallest relay secret, in bytes. */
export const MIN_RELAY_SECRET_BYTES = 32;

/** Checks the options (ConfigError on anything unusable, never quoting the secret) and applies defaults. */
export function resolveRelayOptions(options: ScribeRelayOptions): ResolvedRelayOptions {
  if ((options.client === undefined) === (options.clientOptions === undefined)) {
    throw new ConfigError('createScribeRelay needs exactly one of `client` (a ScribeClient) or `clientOptions`.');
  }
  const client = options.client ?? new ScribeClient(options.clientOptions);
  const core = clientCore(client);
  if (!core) throw new ConfigError('createScribeRelay: `client` was not created by this copy of @scribe/node; pass `clientOptions` instead.');
  if (core.config.dialect !== 'eka' || !core.config.baseUrl) {
    throw new ConfigError('createScribeRelay: the client must use the eka dialect with a base URL (the relay forwards to the eka endpoints).');
  }
  if (typeof options.authorize !== 'function') throw new ConfigError('createScribeRelay: `authorize(request)` is required.');
  const secret = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
  if (!(secret instanceof Uint8Array) || secret.byteLength < MIN_RELAY_SECRET_BYTES) {
    throw new ConfigError(`createScribeRelay: \`secret\` must be at least ${MIN_RELAY_SECRET_BYTES} bytes (for example 32 random bytes, base64-encoded, from the environment).`);
  }
  const publicUrl = options.publicUrl === undefined ? undefined : parsePublicUrl(options.publicUrl);
  const basePath = normaliseBasePath(options.basePath ?? (publicUrl === undefined ? undefined : new URL(publicUrl).pathname));
  const limits = {
    jsonBytes: options.limits?.jsonBytes ?? DEFAULT_RELAY_LIMITS.jsonBytes,
    chunkBytes: options.limits?.chunkBytes ?? DEFAULT_RELAY_LIMITS.chunkBytes,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new ConfigError(`createScribeRelay: limits.${name} must be a whole number of bytes ≥ 1.`);
  }
  return {
    core,
    endpoints: buildEndpoints({ dialect: 'eka', baseUrl: core.config.baseUrl }),
    handles: createSessionHandles(Uint8Array.from(secret)),
    authorize: options.authorize,
    basePath,
    publicUrl,
    limits,
    logger: options.logger ?? silentLogger,
  };
}

function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`createScribeRelay: publicUrl ${JSON.stringify(value)} is not a URL.`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError(`createScribeRelay: publicUrl must be an http(s) URL without query or fragment, got ${JSON.stringify(value)}.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function normaliseBasePath(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!value.startsWith('/')) throw new ConfigError(`createScribeRelay: basePath must start with "/", got ${JSON.stringify(value)}.`);
  return value.replace(/\/+$/, '');
}
