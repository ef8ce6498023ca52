import {
  createNoCredentialsAuth,
  createScribeCore,
  createScribeSession,
  resolveConfig,
  SessionStateError,
  type Clock,
  type CreatedSession,
  type CreateSessionOptions,
  type DiscoveryClient,
  type EndSessionOptions,
  type EndSessionResponse,
  type QueuedSession,
  type ResumedSession,
  type ScribeConfig,
  type ScribeCore,
  type ScribeSession,
  type ScribeSessionOptions,
  type SessionCalls,
  type SessionResult,
  type TemplatesApi,
  type VoiceActivityDetector,
  type WaitForResultsOptions,
} from '@scribe/core/internal';
import { loadBrowserSileroModel, type BrowserSileroModel, type BrowserSileroOptions } from '../vad/browser-silero';
import { toSessionAudioSource, type BrowserSessionAudio } from './browser-session-audio';
import { resolveBrowserOptions, type BrowserAuthMode, type BrowserClientOptions } from './browser-options';
import { createBrowserChunkQueue, type BrowserChunkQueue, type BrowserResumePendingOptions } from '../queue/browser-chunk-queue';
import { DEFAULT_QUEUE_DATABASE } from '../queue/indexeddb-chunk-store';

/** Options of `BrowserScribeClient.session`: the controller's options, with the audio described the browser way. */
export interface BrowserScribeSessionOptions extends Omit<ScribeSessionOptions, 'audio' | 'createDetector'> {
  /** PCM in memory (`{ pcm, sampleRate }`) or any `SessionAudioSource`. Required. */
  audio: BrowserSessionAudio;
}

/**
 * The scribe-ts client for a browser tab. Build it with {@link createBrowserClient}; it reads no environment and no
 * files. Speech is detected in the tab (Silero on onnxruntime-web) and only speech chunks are uploaded, or audio is
 * streamed live over the browser's WebSocket.
 */
export class BrowserScribeClient {
  /** How this client reaches the service: `relay`, `token` or `secret`. */
  readonly mode: BrowserAuthMode;
  /** The resolved configuration (in secret mode it holds the secret: never log it). */
  readonly config: ScribeConfig;
  /** Session calls: `get`, `patch`, `processTemplate`. */
  readonly sessions: SessionCalls;
  /** Template calls: `list`. */
  readonly templates: TemplatesApi;
  /** The discovery document client (cached). */
  readonly discovery: DiscoveryClient;
  /**
   * With `resumePendingOnLoad`: the resume started at construction (never rejects: a failure is logged and gives `[]`;
   * `close()` stops it). Otherwise undefined.
   */
  readonly initialResume: Promise<ResumedSession[]> | undefined;
  readonly #core: ScribeCore;
  readonly #queue: BrowserChunkQueue | undefined;
  readonly #queueLimits: { maxChunks?: number; maxBytes?: number };
  readonly #lifetime = new AbortController();
  readonly #clock: Clock | undefined;
  readonly #vadOptions: BrowserSileroOptions;
  #vadModel: Promise<BrowserSileroModel> | undefined;
  #closed = false;

  constructor(options: BrowserClientOptions) {
    const { mode, settings } = resolveBrowserOptions(options, globalThis.location?.href);
    this.mode = mode;
    this.config = resolveConfig({ explicit: settings, logger: options.logger });
    this.#vadOptions = { ...options.vad, assetBaseUrl: options.assetBaseUrl };
    this.#clock = options.clock;
    this.#core = createScribeCore({
      config: this.config,
      auth: mode === 'relay' ? createNoCredentialsAuth({ headers: options.headers }) : undefined,
      getToken: options.getToken,
      fetch: withCredentials(options.fetch, options.credentials ?? 'same-origin'),
      logger: options.logger,
      clock: options.clock,
      // A User-Agent header would force a CORS preflight on every call; the browser sends its own.
      userAgent: '',
    });
    this.sessions = this.#core.sessions;
    this.templates = this.#core.templates;
    this.discovery = this.#core.discovery;
    const queue = options.queue ?? {};
    // Without IndexedDB (a server render, a locked-down profile) chunks stay in memory, as with `queue: false`.
    this.#queue = queue === false || globalThis.indexedDB === undefined ? undefined : createBrowserChunkQueue({ database: queue.database ?? DEFAULT_QUEUE_DATABASE });
    this.#queueLimits = queue === false ? {} : { maxChunks: queue.maxChunks, maxBytes: queue.maxBytes };
    this.initialResume =
      options.resumePendingOnLoad === true && this.#queue
        ? this.resumePending({ signal: this.#lifetime.signal }).catch((error: unknown) => {
            if (!this.#lifetime.signal.aborted) options.logger?.warn?.(`Resuming the unfinished sessions of the chunk queue failed: ${String(error)}`);
            return [];
          })
        : undefined;
  }

  /** Creates a session; templates default to `defaultTemplates`, model to `lite`, mode to `dictation`. */
  createSession(options?: CreateSessionOptions): Promise<CreatedSession> {
    return this.#core.createSession(options);
  }

  /**
   * One whole session as a controller, lazy until `start()`: create → audio in (speech chunks detected in the tab, or a
   * live stream with `transport: 'stream'` over the browser's WebSocket) → end → result, observable through
   * `subscribe` / `getSnapshot` (the `useSyncExternalStore` contract). See docs/sessions.md.
   */
  session(options: BrowserScribeSessionOptions): ScribeSession {
    const { audio, chunkStore, queue, ...rest } = options;
    const durable = (options.transport ?? 'chunks') === 'chunks' ? (chunkStore ?? this.#queue?.sessionStore) : undefined;
    const session = createScribeSession(this.#core, {
      ...rest,
      chunkStore: durable,
      queue: durable ? { ...this.#queueLimits, ...queue } : queue,
      audio: toSessionAudioSource(audio),
      createDetector: () => this.#createDetector(),
    });
    if (durable && durable === this.#queue?.sessionStore) this.#releaseLockWhenDone(session, this.#queue);
    return session;
  }

  /**
   * Sessions of this client's service left unfinished in the durable queue (a reload, a crash, a failure, or still
   * recording in another tab), oldest first: for "2 unfinished recordings". `[]` with `queue: false`.
   */
  async pendingSessions(): Promise<QueuedSession[]> {
    if (this.#closed) throw closedError();
    return this.#queue ? this.#queue.pending(this.config) : [];
  }

  /**
   * Finishes the unfinished sessions of the durable queue (core's `resumePendingSessions`): each one's remaining chunks
   * are uploaded in order under their own names, the session is ended with every chunk counted, and its record removed.
   * A session that a tab is recording or resuming (its Web Lock is held) comes back `busy`, untouched. Waits for the
   * network as long as it takes unless `signal` stops it (AbortError; what is not acknowledged stays stored).
   */
  async resumePending(options: BrowserResumePendingOptions = {}): Promise<ResumedSession[]> {
    if (this.#closed) throw closedError();
    if (!this.#queue) return [];
    return this.#queue.resume(this.#core, { ...options, clock: this.#clock });
  }

  /** Ends (commits) a session so processing starts; `audioFilesSent` is the number of chunks the server holds. */
  endSession(sessionId: string, options?: EndSessionOptions): Promise<EndSessionResponse> {
    return this.#core.endSession(sessionId, options);
  }

  /** Polls until the session is completed, partial or failed; throws SessionExpiredError, TimeoutError or AbortError. */
  waitForResults(sessionId: string, options?: WaitForResultsOptions): Promise<SessionResult> {
    return this.#core.waitForResults(sessionId, options);
  }

  /**
   * Loads the speech model now (fetch, compile, one test frame) instead of at the first chunked session, e.g. while
   * the user reads the page. Resolves with the loaded model; rejects with ConfigError when an asset cannot be served.
   */
  preloadSpeechModel(): Promise<BrowserSileroModel> {
    if (this.#closed) return Promise.reject(closedError());
    // One model per client, loaded on first use; a failed load is retried by the next call.
    this.#vadModel ??= loadBrowserSileroModel(this.#vadOptions).catch((error: unknown) => {
      this.#vadModel = undefined;
      throw error;
    });
    return this.#vadModel;
  }

  /**
   * Cancels calls in flight, refuses new ones, releases the speech model and lets go of the durable queue (its Web Locks
   * and database connection; the chunks stay for the next client). Idempotent.
   */
  async close(): Promise<void> {
    this.#closed = true;
    this.#lifetime.abort();
    this.#core.close();
    // Chunks stay in IndexedDB for the next client; the sessions' Web Locks go, as they would with the tab.
    this.#queue?.close();
    const model = this.#vadModel;
    this.#vadModel = undefined;
    if (model) await model.then((loaded) => loaded.dispose(), () => undefined);
  }

  // The session's Web Lock is held from its first write until the recording is over (ended, failed, cancelled).
  #releaseLockWhenDone(session: ScribeSession, queue: BrowserChunkQueue): void {
    const unsubscribe = session.subscribe(() => {
      const { status } = session.getSnapshot();
      if (status === 'idle' || status === 'creating' || status === 'created' || status === 'recording' || status === 'ending') return;
      if (session.sessionId !== undefined) queue.release(session.sessionId);
      unsubscribe();
    });
  }

  async #createDetector(): Promise<VoiceActivityDetector> {
    return (await this.preloadSpeechModel()).createDetector();
  }
}

/** Creates the browser client (relay, token or secret mode; see {@link BrowserClientOptions}). Throws ConfigError for bad options. */
export function createBrowserClient(options: BrowserClientOptions): BrowserScribeClient {
  return new BrowserScribeClient(options);
}

function closedError(): SessionStateError {
  return new SessionStateError('The Scribe client was closed; create a new client to upload audio.');
}

// Every call carries the app's `credentials` choice; the fetch is looked up per call so test doubles installed later apply.
function withCredentials(fetchImpl: typeof fetch | undefined, credentials: RequestCredentials): typeof fetch {
  return (input, init) => (fetchImpl ?? globalThis.fetch)(input, { ...init, credentials });
}
