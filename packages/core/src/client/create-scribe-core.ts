import type { AuthProvider } from '../auth/auth-provider';
import type { GetToken } from '../auth/bearer-token-auth';
import { selectAuthProvider } from '../auth/select-auth-provider';
import type { ScribeConfig } from '../config/scribe-config';
import { createDiscoveryClient, type DiscoveryClient } from '../discovery/discovery-client';
import { AbortError } from '../errors';
import { abortedCallError } from '../errors/abort';
import { createSystemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { createResultPoller, type WaitForResultsOptions } from '../polling/result-poller';
import type { CreatedSession, EndSessionResponse, SessionResult } from '../protocol';
import type { CreateSessionOptions } from '../sessions/create-session-body';
import { createSessionRegistry } from '../sessions/session-registry';
import { createSessionsApi, type EndSessionOptions, type SessionCalls, type SessionsApi, type TemplatesApi } from '../sessions/sessions-api';
import { createHttpTransport, type TransportWarning } from '../transport/http-transport';
import type { Transport } from '../transport/transport';
import { createAudioUploads, type ChunkToUpload, type UploadChunkOptions, type UploadChunksOptions, type UploadedChunk, type UploadResult } from '../uploads/audio-uploads';
import type { ChunkSource } from '../uploads/chunk-uploader';
import type { OpenStreamOptions } from '../stream/open-stream';
import type { StreamSession } from '../stream/stream-session';
import type { WebSocketFactory } from '../stream/web-socket-like';
import { withSignal, type Closable } from './closable';

/** Options of `createScribeCore`. Everything but `config` has a working default. */
export interface ScribeCoreOptions {
  /** The resolved configuration (`resolveConfig`). */
  config: ScribeConfig;
  /** fetch implementation. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Clock for retry waits, polling, token expiry and the discovery cache. Default: the system clock. */
  clock?: Clock;
  /** Logger (receives redacted messages). Default: silent. */
  logger?: Logger;
  /** Uniform random numbers in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** Bearer token callback (OIDC tokens obtained elsewhere); selects bearer mode. Default none. */
  getToken?: GetToken;
  /** Credentials provider. Default: `selectAuthProvider(config, ...)` (contract 1.1). */
  auth?: AuthProvider;
  /** Transport. Default: `createHttpTransport` over `fetch` with the auth provider. */
  transport?: Transport;
  /** Receives deprecation notices from the service. Default: `logger.warn`. */
  onWarning?: (warning: TransportWarning) => void;
  /** User-Agent header; empty string sends none. Default `scribe-ts/<version>`. */
  userAgent?: string;
  /** The largest response body read; a larger answer fails the call with APIError (a broken or hostile server). Default 32 MiB. */
  maxResponseBytes?: number;
  /** Opens stream sockets. Default: the runtime's standard `WebSocket` (Node 20 has none: @scribe/node passes `ws`). */
  createWebSocket?: WebSocketFactory;
}

/** The composed runtime-agnostic client that platform packages wrap (the Node `ScribeClient`, the browser client). */
export interface ScribeCore {
  /** The configuration in use. */
  readonly config: ScribeConfig;
  /** Session calls: get, patch, processTemplate (creating and ending are `createSession` and `endSession`). */
  readonly sessions: SessionCalls;
  /** Template calls: list. */
  readonly templates: TemplatesApi;
  /** The discovery client (document, negotiated version, cache). */
  readonly discovery: DiscoveryClient;
  /** The transport every call goes through. */
  readonly transport: Transport;
  /** Creates a session (contract 2.4). */
  createSession(options?: CreateSessionOptions): Promise<CreatedSession>;
  /** Uploads one chunk (contract 2.10). */
  uploadChunk(sessionId: string, chunk: ChunkToUpload, options?: UploadChunkOptions): Promise<UploadedChunk>;
  /** Uploads chunks with bounded concurrency, then (by default) ends the session; resolves with `{ acknowledged, nextIndex }`. */
  uploadChunks(sessionId: string, chunks: ChunkSource, options?: UploadChunksOptions): Promise<UploadResult>;
  /** Ends a session, committing it for processing (contract 2.6). */
  endSession(sessionId: string, options?: EndSessionOptions): Promise<EndSessionResponse>;
  /** Polls until the session has a final result (contract 3.4). */
  waitForResults(sessionId: string, options?: WaitForResultsOptions): Promise<SessionResult>;
  /** Creates a stream session and opens its WebSocket (contract section 6); stop or dispose of it to end the session. */
  openStream(options?: OpenStreamOptions): Promise<StreamSession>;
  /** The business id read from the credential (never configured), or undefined before login or when unreadable. */
  businessId(): string | undefined;
  /**
   * Runs an adapter's own async call (decoding, speech detection) under the client's cancellation rules: `options.signal`
   * is tied to `close()`, and whatever layer noticed an abort, the call rejects with AbortError for the caller's abort
   * or the close, TimeoutError for a deadline signal.
   */
  withSignal<O extends { signal?: AbortSignal }, R>(options: O | undefined, call: (options: O) => Promise<R>): Promise<R>;
  /** Cancels every call in flight (AbortError) and refuses new ones; forgets cached discovery and session state. */
  close(): void;
}

/** Composes auth, transport, discovery, sessions, uploads and polling into one client. */
export function createScribeCore(options: ScribeCoreOptions): ScribeCore {
  const { config } = options;
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger ?? silentLogger;
  const closable: Closable = { controller: new AbortController(), closedError: () => new AbortError('The Scribe client was closed.') };
  const lifetime = closable.controller.signal;
  const shared = { config, clock, logger, fetch: options.fetch, random: options.random, userAgent: options.userAgent, onWarning: options.onWarning, maxResponseBytes: options.maxResponseBytes };
  // Built in dependency order (auth sits on transport, never the reverse): login and refresh go through a transport
  // of their own, without credentials and without following redirects, but with the client's user agent and hooks.
  const loginTransport = createHttpTransport({ ...shared, followRedirects: false });
  const auth = options.auth ?? selectAuthProvider(config, { clock, logger, transport: loginTransport, getToken: options.getToken });
  // The transport reads the negotiated version from discovery, which itself fetches through the transport; the
  // closures below only run during requests, after both exist.
  const transport: Transport =
    options.transport ??
    createHttpTransport({
      ...shared,
      auth,
      getVersionHeader: () => discovery.version(),
      onUnauthorized: () => discovery.invalidate(),
    });
  const discovery: DiscoveryClient = createDiscoveryClient({ config, transport, clock, logger, lifetime });
  const registry = createSessionRegistry();
  const sessionsApi = createSessionsApi({ config, transport, discovery, registry, logger });
  const uploads = createAudioUploads({ config, transport, discovery, registry, logger, endSession: (id, endOptions) => sessionsApi.end(id, endOptions) });
  const poller = createResultPoller({ config, clock, logger, getSession: (id, getOptions) => sessionsApi.get(id, getOptions) });

  const sessions: SessionsApi = {
    create: (o) => withSignal(closable, o, (s) => sessionsApi.create(s)),
    get: (id, o) => withSignal(closable, o, (s) => sessionsApi.get(id, s)),
    end: (id, o) => withSignal(closable, o, (s) => sessionsApi.end(id, s)),
    patch: (id, fields, o) => withSignal(closable, o, (s) => sessionsApi.patch(id, fields, s)),
    processTemplate: (id, o) => withSignal(closable, o, (s) => sessionsApi.processTemplate(id, s)),
  };
  const templates: TemplatesApi = { list: (o) => withSignal(closable, o, (s) => sessionsApi.templates.list(s)) };

  return {
    config,
    sessions: { get: sessions.get, patch: sessions.patch, processTemplate: sessions.processTemplate },
    templates,
    discovery,
    transport,
    createSession: sessions.create,
    uploadChunk: (id, chunk, o) => withSignal(closable, o, (s) => uploads.uploadChunk(id, chunk, s)),
    uploadChunks: (id, chunks, o) => withSignal(closable, o, (s) => uploads.uploadChunks(id, chunks, s)),
    endSession: sessions.end,
    waitForResults: (id, o) => withSignal(closable, o, (s) => poller.waitForResults(id, s)),
    // Not withSignal: the caller's signal outlives this call (aborting it later fails the stream), so it is not linked
    // and released here; only the error of an aborted opening is mapped.
    openStream: async (o) => {
      try {
        // Loaded on first use: a chunks-only app (most browser apps) never loads the WebSocket machinery.
        const { openStream } = await import('../stream/open-stream');
        return await openStream({ sessions, discovery, clock, random: options.random, lifetime }, { ...o, createWebSocket: o?.createWebSocket ?? options.createWebSocket, logger: o?.logger ?? logger });
      } catch (error) {
        throw abortedCallError(abortedCallError(error, o?.signal), lifetime);
      }
    },
    withSignal: (o, call) => withSignal(closable, o, call),
    businessId: () => auth.businessId(),
    close: () => {
      closable.controller.abort(closable.closedError());
      discovery.invalidate();
      registry.clear();
    },
  };
}
