import {
  createScribeCore,
  createScribeSession,
  resolveConfig,
  SessionStateError,
  type CreatedSession,
  type CreateSessionOptions,
  type DiscoveryClient,
  type EndSessionOptions,
  type EndSessionResponse,
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
import { createRelayAuth } from './relay-auth';

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
  readonly #core: ScribeCore;
  readonly #vadOptions: BrowserSileroOptions;
  #vadModel: Promise<BrowserSileroModel> | undefined;
  #closed = false;

  constructor(options: BrowserClientOptions) {
    const { mode, settings } = resolveBrowserOptions(options, globalThis.location?.href);
    this.mode = mode;
    this.config = resolveConfig({ explicit: settings, logger: options.logger });
    this.#vadOptions = { ...options.vad, assetBaseUrl: options.assetBaseUrl };
    this.#core = createScribeCore({
      config: this.config,
      auth: mode === 'relay' ? createRelayAuth({ headers: options.headers }) : undefined,
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
    const { audio, ...rest } = options;
    return createScribeSession(this.#core, { ...rest, audio: toSessionAudioSource(audio), createDetector: () => this.#createDetector() });
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

  /** Cancels calls in flight, refuses new ones and releases the speech model. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#core.close();
    const model = this.#vadModel;
    this.#vadModel = undefined;
    if (model) await model.then((loaded) => loaded.dispose(), () => undefined);
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
