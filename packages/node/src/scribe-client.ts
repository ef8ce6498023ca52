import {
  createScribeCore,
  type Clock,
  type CreatedSession,
  type CreateSessionOptions,
  type DiscoveryClient,
  type EndSessionOptions,
  type EndSessionResponse,
  type GetToken,
  type Logger,
  type ChunkSource,
  type ChunkToUpload,
  type ScribeConfig,
  type ScribeCore,
  type ScribeOptions,
  type SessionResult,
  type SessionsApi,
  type TemplatesApi,
  type UploadChunkOptions,
  type UploadChunksOptions,
  type UploadedChunk,
  type WaitForResultsOptions,
} from '@scribe/core';
import { loadNodeConfig, type NodeConfigSources } from './config/load-node-config';

/** Options of `ScribeClient`: every configuration key (camelCase) plus the Node-specific sources and hooks. */
export interface ScribeClientOptions extends ScribeOptions, NodeConfigSources {
  /** Bearer token callback for tokens obtained elsewhere (OIDC); selects bearer mode. Default none. */
  getToken?: GetToken;
  /** fetch implementation. Default: Node's global `fetch`. */
  fetch?: typeof fetch;
  /** Receives redacted log lines. Default: silent. */
  logger?: Logger;
  /** Clock for waits and expiry (tests inject a manual one). Default: the system clock. */
  clock?: Clock;
  /** User-Agent header. Default `scribe-ts/<version>`. */
  userAgent?: string;
}

/**
 * The scribe-ts client for Node: `createSession` → send audio → `waitForResults`. Reads `.env` from the working
 * directory, `SCRIBE_*` variables and `scribe.config.json|yaml` (credentials only from the environment or options).
 * Dispose of it with `close()` or `await using`.
 */
export class ScribeClient implements AsyncDisposable {
  /** The resolved configuration (contains secrets: never log it). */
  readonly config: ScribeConfig;
  /** Session calls: `create`, `get`, `end`, `patch`, `processTemplate`. */
  readonly sessions: SessionsApi;
  /** Template calls: `list`. */
  readonly templates: TemplatesApi;
  /** The discovery document client (cached). */
  readonly discovery: DiscoveryClient;
  readonly #core: ScribeCore;

  constructor(options: ScribeClientOptions = {}) {
    const { cwd, processEnv, dotEnv, getToken, fetch, logger, clock, userAgent, ...settings } = options;
    this.config = loadNodeConfig(settings, { cwd, processEnv, dotEnv });
    this.#core = createScribeCore({ config: this.config, getToken, fetch, logger, clock, userAgent });
    this.sessions = this.#core.sessions;
    this.templates = this.#core.templates;
    this.discovery = this.#core.discovery;
  }

  /** Creates a session; templates default to `defaultTemplates`, model to `lite`, mode to `dictation`. */
  createSession(options?: CreateSessionOptions): Promise<CreatedSession> {
    return this.#core.createSession(options);
  }

  /** Uploads one encoded chunk (WAV by default) under `chunk_{index}.wav` or its `fileName`. Safe to retry. */
  uploadChunk(sessionId: string, chunk: ChunkToUpload, options?: UploadChunkOptions): Promise<UploadedChunk> {
    return this.#core.uploadChunk(sessionId, chunk, options);
  }

  /**
   * Uploads chunks from an (async) iterable as they arrive, then ends the session with
   * `audio_files_sent = startIndex + acknowledged` unless `endSession: false`. Resolves with the chunks acknowledged.
   */
  uploadChunks(sessionId: string, chunks: ChunkSource, options?: UploadChunksOptions): Promise<number> {
    return this.#core.uploadChunks(sessionId, chunks, options);
  }

  /** Ends (commits) a session so processing starts; `audioFilesSent` is the number of chunks the server holds. */
  endSession(sessionId: string, options?: EndSessionOptions): Promise<EndSessionResponse> {
    return this.#core.endSession(sessionId, options);
  }

  /** Polls until the session is completed, partial or failed; throws SessionExpiredError, TimeoutError or AbortError. */
  waitForResults(sessionId: string, options?: WaitForResultsOptions): Promise<SessionResult> {
    return this.#core.waitForResults(sessionId, options);
  }

  /** The business id carried by the credential (after the first login), never configured. */
  businessId(): string | undefined {
    return this.#core.businessId();
  }

  /** Cancels calls in flight and refuses new ones. Idempotent. */
  async close(): Promise<void> {
    this.#core.close();
  }

  /** `await using client = new ScribeClient()` closes it at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
