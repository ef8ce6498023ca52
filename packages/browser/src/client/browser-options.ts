import { ConfigError, type Clock, type RelayHeaders, type Dialect, type EnvironmentName, type GetToken, type Logger, type ScribeOptions, type SessionMode } from '@scribe/core/internal';
import type { BrowserSileroOptions } from '../vad/browser-silero';

/** How a browser client reaches the service (docs/browser.md, "Three ways to reach the service"). */
export type BrowserAuthMode = 'relay' | 'token' | 'secret';

/**
 * Options of `createBrowserClient`. Exactly one way to reach the service: `relayUrl` (recommended: the app's own
 * route holds the credentials), `getToken` (a short-lived bearer token from the app's backend), or a secret
 * (`apiKey`, `clientId` + `clientSecret`) with `dangerouslyAllowBrowser: true`. Nothing is read from the environment
 * or from files.
 */
export interface BrowserClientOptions {
  /**
   * The app's relay route (e.g. `/api/scribe` or an absolute URL; relative URLs resolve against the page). The relay
   * speaks the `eka` dialect under this URL and authenticates the user by the app's own cookie or header; the browser
   * sends no credential of the service. Selects relay mode.
   */
  relayUrl?: string | URL;
  /**
   * Extra headers on every relay request (e.g. a CSRF token), read before each call. Relay mode only. Default none.
   */
  headers?: RelayHeaders;
  /** Bearer token callback: the app's backend mints a short-lived token. Selects token mode (needs `baseUrl` or `discoveryUrl` outside production). */
  getToken?: GetToken;
  /** An API key (a secret): refused unless `dangerouslyAllowBrowser`. */
  apiKey?: string;
  /** Client-credentials id: refused unless `dangerouslyAllowBrowser`. */
  clientId?: string;
  /** Client-credentials secret: refused unless `dangerouslyAllowBrowser`. */
  clientSecret?: string;
  /**
   * Accept `apiKey` / `clientId` + `clientSecret` in a browser, where every user of the page can read them. Only for
   * internal tools and local development. Default false.
   */
  dangerouslyAllowBrowser?: boolean;
  /** Token and secret modes: protocol base URL (`eka`: without `/v1`). Default: the `env` preset (`eka`), discovery (`msa`). */
  baseUrl?: string;
  /** Token and secret modes: wire dialect. Default `msa` when `discoveryUrl` is set, else `eka`. */
  dialect?: Dialect;
  /** Token and secret modes (`msa`): the discovery document's URL. Default: derived from `baseUrl`. */
  discoveryUrl?: string;
  /** Secret mode: the client-credentials login host. Default: the `env` preset. */
  authBaseUrl?: string;
  /** Token and secret modes: the `prod` or `dev` host preset. Default `prod`. */
  env?: EnvironmentName;
  /** `fetch`'s `credentials` on every call: `same-origin` sends the app's cookies to a same-origin relay. Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Templates used when a session names none. Default `[]` (the service's default). */
  defaultTemplates?: string[] | string;
  /** Model used when a session names none. Default `lite`. */
  defaultModel?: string;
  /** Session mode used when a session names none. Default `dictation`. */
  defaultSessionMode?: SessionMode;
  /** Language hint used when a session gives none. Default: none. */
  defaultLanguageHint?: string[] | string;
  /** Transcript language. Default: none. */
  transcriptLanguage?: string;
  /** Per-request timeout in seconds. Default 60. */
  requestTimeout?: number;
  /** Maximum poll rate in seconds. Default 1. */
  pollInterval?: number;
  /** Total wait for results in seconds. Default 600. */
  pollTimeout?: number;
  /** Retries for idempotent calls. Default 3. */
  maxRetries?: number;
  /** Maximum chunk duration in seconds, 1..24. Default `min(discovery, 20)`. */
  maxChunkSeconds?: number;
  /** Allow `http://` URLs to non-loopback hosts. Default false (true for a relay on the page's own origin). */
  allowInsecure?: boolean;
  /**
   * The directory serving `silero_vad_v5.onnx` and onnxruntime-web's `ort-wasm-simd-threaded.wasm` / `.mjs`.
   * Default: the copies inside @scribe/browser's `dist/` (docs/browser.md, "Serving the model and the ONNX runtime").
   */
  assetBaseUrl?: string | URL;
  /** Further speech-detection settings (the model's URL or bytes, an onnxruntime-web module, threads). Default: see `assetBaseUrl`. */
  vad?: Omit<BrowserSileroOptions, 'assetBaseUrl'>;
  /** fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Receives redacted log lines. Default: silent. */
  logger?: Logger;
  /** Clock for waits and expiry. Default: the system clock. */
  clock?: Clock;
  /**
   * The durable chunk queue in IndexedDB for chunked sessions: each speech chunk is written to the tab's IndexedDB
   * before it is uploaded and removed once the service acknowledged it, so a lost network, a reload or a crashed tab
   * loses no audio (`pendingSessions()`, `resumePending()`; docs/browser.md, "Durable queue"). `false` keeps chunks in
   * memory only. Default: on, with database `scribe-chunk-queue`, at most 1,000 chunks and 256 MiB per session
   * (off where the page has no `indexedDB`).
   */
  queue?: false | BrowserQueueOptions;
  /**
   * Finish what an earlier page left in the queue as soon as the client is created (`client.initialResume`). Default
   * false: resuming uploads audio and ends sessions, which an app usually wants to show ("2 unfinished recordings")
   * and to do only once its user is signed in to the relay; call `resumePending()` then.
   */
  resumePendingOnLoad?: boolean;
}

/** Settings of the client's durable chunk queue (`BrowserClientOptions.queue`). */
export interface BrowserQueueOptions {
  /** The IndexedDB database name; clients of one origin with the same name share one queue. Default `scribe-chunk-queue`. */
  database?: string;
  /** Most chunks one session may have waiting before it fails with ChunkQueueFullError. Default 1,000. */
  maxChunks?: number;
  /** Most bytes one session may have waiting before it fails with ChunkQueueFullError. Default 256 MiB. */
  maxBytes?: number;
}

/** What `resolveBrowserOptions` derives: the mode and core's explicit configuration layer. */
export interface ResolvedBrowserOptions {
  /** The mode the options select. */
  mode: BrowserAuthMode;
  /** Core's configuration options (no environment, no file). */
  settings: ScribeOptions;
}

const SETTING_KEYS = [
  'defaultTemplates',
  'defaultModel',
  'defaultSessionMode',
  'defaultLanguageHint',
  'transcriptLanguage',
  'requestTimeout',
  'pollInterval',
  'pollTimeout',
  'maxRetries',
  'maxChunkSeconds',
  'allowInsecure',
] as const satisfies readonly (keyof ScribeOptions & keyof BrowserClientOptions)[];

const ENDPOINT_KEYS = ['baseUrl', 'dialect', 'discoveryUrl', 'authBaseUrl', 'env'] as const;

/** The sentence every "no mode" or "two modes" error ends with. */
export const MODE_ADVICE =
  'Pass relayUrl (recommended: your backend keeps the credentials), getToken (your backend mints short-lived tokens), or apiKey / clientId + clientSecret with dangerouslyAllowBrowser: true. See docs/browser.md.';

/**
 * Checks the options and picks the mode; throws ConfigError for no mode, two modes, settings that do not belong to
 * the mode, or a secret without `dangerouslyAllowBrowser`. `pageUrl` resolves a relative `relayUrl`.
 */
export function resolveBrowserOptions(options: BrowserClientOptions, pageUrl?: string): ResolvedBrowserOptions {
  const hasSecret = [options.apiKey, options.clientId, options.clientSecret].some((value) => value !== undefined);
  const chosen: BrowserAuthMode[] = [];
  if (options.relayUrl !== undefined) chosen.push('relay');
  if (options.getToken !== undefined) chosen.push('token');
  if (hasSecret) chosen.push('secret');
  if (chosen.length === 0) throw new ConfigError(`createBrowserClient needs a way to reach the service. ${MODE_ADVICE}`);
  if (chosen.length > 1) throw new ConfigError(`createBrowserClient got more than one way to reach the service (${chosen.join(', ')}); choose one. ${MODE_ADVICE}`);
  const mode = chosen[0]!;
  const settings: ScribeOptions = {};
  for (const key of SETTING_KEYS) if (options[key] !== undefined) (settings as Record<string, unknown>)[key] = options[key];
  if (mode !== 'relay' && options.headers !== undefined) throw new ConfigError('headers is for relay mode only; in token mode put what the service needs into the token.');
  if (mode === 'relay') return { mode, settings: relaySettings(options, settings, pageUrl) };
  for (const key of ENDPOINT_KEYS) if (options[key] !== undefined) (settings as Record<string, unknown>)[key] = options[key];
  if (mode === 'token') {
    if (options.authBaseUrl !== undefined) throw new ConfigError('authBaseUrl is for client-credentials login; getToken mode never logs in.');
    return { mode, settings };
  }
  if (options.dangerouslyAllowBrowser !== true) {
    throw new ConfigError(
      'Refusing to use an API key or client secret in a browser: every user of the page could read it and act as your account. ' +
        'Route calls through your backend with relayUrl (createScribeRelay in @scribe/node), or have it mint short-lived tokens for getToken. ' +
        'For an internal tool or local development only, pass dangerouslyAllowBrowser: true.',
    );
  }
  return { mode, settings: { ...settings, apiKey: options.apiKey, clientId: options.clientId, clientSecret: options.clientSecret } };
}

// The relay is the eka dialect under its own URL: nothing about the service's endpoints belongs in the browser.
function relaySettings(options: BrowserClientOptions, settings: ScribeOptions, pageUrl: string | undefined): ScribeOptions {
  const misplaced = ENDPOINT_KEYS.filter((key) => options[key] !== undefined);
  if (misplaced.length > 0) {
    throw new ConfigError(`${misplaced.join(', ')} cannot be combined with relayUrl: the relay speaks the eka dialect under its own URL and knows the service's address.`);
  }
  if (options.dangerouslyAllowBrowser !== undefined) throw new ConfigError('dangerouslyAllowBrowser has no meaning with relayUrl: no secret reaches the browser in relay mode.');
  let relay: URL;
  try {
    relay = new URL(String(options.relayUrl), pageUrl);
  } catch (error) {
    throw new ConfigError(`relayUrl ${JSON.stringify(String(options.relayUrl))} is not a URL${pageUrl ? '' : ' (a relative one needs a page to resolve against)'}.`, { cause: error });
  }
  // A relay on the page's own origin over plain http carries nothing the page does not already expose.
  const sameOrigin = pageUrl !== undefined && relay.origin === new URL(pageUrl).origin;
  return {
    ...settings,
    dialect: 'eka',
    baseUrl: relay.href.replace(/\/+$/, ''),
    allowInsecure: options.allowInsecure ?? (sameOrigin || undefined),
  };
}
