import { createScribeCore, pcmBlocksFromInt16Bytes, pcmBlocksFromInt16Stream, ConfigError, SessionStateError, type Int16ByteSource, type OpenStreamOptions, type Clock, type CreatedSession, type CreateSessionOptions, type DiscoveryClient, type EndSessionOptions, type EndSessionResponse, type GetToken, type Logger, type ChunkSource, type ChunkToUpload, type ScribeConfig, type ScribeCore, type ScribeOptions, type SessionResult, type SessionCalls, type TemplatesApi, type UploadChunkOptions, type UploadChunksOptions, type UploadedChunk, type UploadResult, type WaitForResultsOptions, type SpeechUploadContext, type UploadSpeechOptions, type ScribeSession, type ScribeSessionOptions, type SessionState, type VoiceActivityDetector, assertSampleRate, createScribeSession, throwIfAborted, waitUnlessAborted, speechUploadContext, uploadSpeech, listPendingSessions, resumePendingSessions, chunkQueueScope, type ChunkStore, type QueuedSession, type ResumedSession, type ResumePendingSessionsOptions } from '@scribe/core/internal';
import { streamCapabilities } from '@scribe/core/stream';
import { registerClientCore } from './internal/client-core';
import { createFileChunkStore } from './session/file-chunk-store';
import { describeAudioInput, toSessionAudioSource, type NodeSessionAudio, type PcmSessionAudio } from './session/node-session-audio';
import { checkAudioInput } from './session/check-audio-input';
import { decodeAudio, type AudioInput } from './audio/index';
import { loadSileroModel, type SileroModel, type SileroModelOptions } from './audio/silero-vad';
import { loadNodeConfig, type NodeConfigSources } from './config/load-node-config';
import { createNodeWebSocket } from './stream/create-node-web-socket';
import { toNodeAudioStream, type NodeAudioStream } from './stream/node-audio-stream';

/** Options of `uploadAudioFile`. */
export interface UploadAudioFileOptions extends UploadSpeechOptions {
  /** A format name or extension (`'mp3'`, `'.m4a'`) used only to break a tie when the bytes are ambiguous. Default: the path's extension. */
  formatHint?: string;
  /** The ffmpeg executable used for AAC (`.m4a`), the one format without a permissive JavaScript decoder. Default `ffmpeg`. */
  ffmpegPath?: string;
}

/** Options of `uploadPcm`. */
export interface UploadPcmOptions extends UploadSpeechOptions {
  /** Samples per second of the PCM (any rate from 4 kHz to 768 kHz; resampled to 16 kHz locally). Required. */
  sampleRate: number;
}

/** Options of `ScribeClient.session`: the controller's options, with the audio described the Node way. */
export interface NodeScribeSessionOptions extends Omit<ScribeSessionOptions, 'audio' | 'createDetector'> {
  /** A file (`{ file }`), raw PCM (`{ pcm, sampleRate }`), the microphone (`{ microphone: true }`) or any `SessionAudioSource`. Required. */
  audio: NodeSessionAudio;
  /**
   * `chunks` only: keep the chunks in an on-disk queue in this directory (`createFileChunkStore`): each is written and
   * fsynced before its upload and removed once acknowledged, so `resumePending()` finishes the session after a crash.
   * Ignored when `chunkStore` is given. Default: the client's `queueDir`, else none.
   */
  queueDir?: string;
}

/** Options of `ScribeClient.resumePending` and `pendingSessions`. */
export interface ResumePendingOptions extends Omit<ResumePendingSessionsOptions, 'clock'> {
  /** The queue directory. Default: the client's `queueDir` (a ConfigError when neither is set). */
  queueDir?: string;
}

/** A session controller that leaving an `await using` scope cancels (or, once stopped, waits for). */
export interface NodeScribeSession extends ScribeSession, AsyncDisposable {}

/** Options of `transcribe`: the session to create, how to send the audio, and how long to wait. */
export interface TranscribeOptions extends Omit<NodeScribeSessionOptions, 'audio' | 'results' | 'sessionId'> {
  /** A format name or extension used only to break a tie when a file's bytes are ambiguous. Default: the path's extension. */
  formatHint?: string;
  /** Seconds between polls and in total (`waitForResults`'s `interval` and `timeout`). Default: the configuration's. */
  results?: { interval?: number; timeout?: number };
  /** Cancels everything: the session is not ended and the call rejects with AbortError (TimeoutError for a deadline). */
  signal?: AbortSignal;
  /** Every new snapshot of the session (status through `processing` to the result, counts, seconds), for a progress display. Default none. */
  onState?: (state: SessionState) => void;
}

/** Raw 16-bit little-endian mono PCM: one buffer, or pieces of any size as they arrive. */
export type PcmInput = Uint8Array | Int16ByteSource;

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
  /** The largest response body read; a larger answer fails the call with APIError (a broken or hostile server). Default 32 MiB. */
  maxResponseBytes?: number;
  /** The Silero model behind local speech detection (loaded once per client, on first use). Default: v5 shipped in @scribe/node's models/, one thread. */
  vad?: SileroModelOptions;
  /** An on-disk chunk queue for every chunked `session()` and for `resumePending()` (see `NodeScribeSessionOptions.queueDir`). Default none. */
  queueDir?: string;
}

/**
 * The scribe-ts client for Node: `createSession` → send audio → `waitForResults`. Reads `.env` from the working
 * directory, `SCRIBE_*` variables and `scribe.config.json|yaml` (credentials only from the environment or options).
 * Dispose of it with `close()` or `await using`.
 */
export class ScribeClient implements AsyncDisposable {
  /** The resolved configuration (contains secrets: never log it). */
  readonly config: ScribeConfig;
  /** Session calls: `get`, `patch`, `processTemplate` (creating and ending: `createSession`, `endSession`). */
  readonly sessions: SessionCalls;
  /** Template calls: `list`. */
  readonly templates: TemplatesApi;
  /** The discovery document client (cached). */
  readonly discovery: DiscoveryClient;
  readonly #core: ScribeCore;
  readonly #vadOptions: SileroModelOptions | undefined;
  #vadModel: Promise<SileroModel> | undefined;
  #closed = false;
  readonly #queueDir: string | undefined;
  readonly #clock: Clock | undefined;
  readonly #queues = new Map<string, ChunkStore>();

  constructor(options: ScribeClientOptions = {}) {
    const { cwd, processEnv, dotEnv, getToken, fetch, logger, clock, userAgent, maxResponseBytes, vad, queueDir, ...settings } = options;
    this.#vadOptions = vad;
    this.#queueDir = queueDir;
    this.#clock = clock;
    this.config = loadNodeConfig(settings, { cwd, processEnv, dotEnv, logger });
    this.#core = createScribeCore({ config: this.config, getToken, fetch, logger, clock, userAgent, maxResponseBytes, createWebSocket: createNodeWebSocket });
    this.sessions = this.#core.sessions;
    this.templates = this.#core.templates;
    this.discovery = this.#core.discovery;
    registerClientCore(this, this.#core);
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
   * `audio_files_sent = startIndex + acknowledged` unless `endSession: false`. Resolves with `{ acknowledged, nextIndex }`.
   */
  uploadChunks(sessionId: string, chunks: ChunkSource, options?: UploadChunksOptions): Promise<UploadResult> {
    return this.#core.uploadChunks(sessionId, chunks, options);
  }

  /**
   * Decodes an audio file locally (a path, bytes, a Node `Readable`: WAV, MP3, Ogg Opus/Vorbis, WebM, FLAC, M4A via
   * ffmpeg; the format is read from the bytes), detects speech with Silero on this machine, and uploads only
   * speech-bounded chunks while decoding goes on. Ends the session unless `endSession: false`. Resolves with
   * `{ acknowledged, nextIndex }`; memory stays bounded whatever the file's length.
   */
  uploadAudioFile(sessionId: string, source: AudioInput, options: UploadAudioFileOptions = {}): Promise<UploadResult> {
    return this.#core.withSignal(options, (linked) => {
      const { formatHint, ffmpegPath, ...speechOptions } = linked;
      const blocks = decodeAudio(source, { signal: linked.signal, formatHint, ffmpegPath });
      return uploadSpeech(this.#speechContext(), sessionId, blocks, describeAudioInput(source), speechOptions);
    });
  }

  /**
   * Uploads raw 16-bit little-endian mono PCM at `sampleRate` (one buffer, or pieces as they arrive): speech is
   * detected locally and uploaded in chunks as it is found. Ends the session unless `endSession: false`.
   */
  async uploadPcm(sessionId: string, pcm: PcmInput, options: UploadPcmOptions): Promise<UploadResult> {
    return this.#core.withSignal(options ?? ({} as UploadPcmOptions), (linked) => {
      const { sampleRate, ...speechOptions } = linked;
      const blocks = pcm instanceof Uint8Array ? pcmBlocksFromInt16Bytes(pcm, sampleRate) : pcmBlocksFromInt16Stream(pcm, sampleRate);
      return uploadSpeech(this.#speechContext(), sessionId, blocks, 'the PCM input', speechOptions);
    });
  }

  /**
   * Creates a stream session and opens its WebSocket (contract section 6), resolving once it is ready for audio.
   * Send PCM with `sendAudio` or `sendPcm` (a file, a `Readable`, a microphone); `stop()` flushes, waits for the
   * server and ends the session, and so does leaving an `await using` scope. With the resume extension advertised
   * (the reference server), a dropped connection is reconnected and no audio is lost; see docs/streaming.md.
   */
  async openStream(options: OpenStreamOptions = {}): Promise<NodeAudioStream> {
    const stream = await this.#core.openStream(options);
    const description = this.discovery.peek() ?? (await this.discovery.get({ signal: options.signal }));
    return toNodeAudioStream(stream, streamCapabilities(description).maxSpeed);
  }

  /**
   * One whole session as a controller, lazy until `start()`: create → audio in (speech chunks detected locally, or a
   * live stream with `transport: 'stream'`) → end → result, observable through `subscribe` / `getSnapshot` (status,
   * connection, chunk counts, seconds of audio and speech, level, errors). See docs/sessions.md.
   */
  session(options: NodeScribeSessionOptions): NodeScribeSession {
    const { audio, queueDir = this.#queueDir, chunkStore, ...rest } = options;
    const store = chunkStore ?? (queueDir === undefined ? undefined : this.#queue(queueDir));
    const controller = createScribeSession(this.#core, { ...rest, chunkStore: store, audio: toSessionAudioSource(audio), createDetector: () => this.#createDetector() });
    return Object.assign(controller, { [Symbol.asyncDispose]: () => controller.dispose() });
  }

  /**
   * One call: checks the input (a file is opened and its format told before any session exists, so a missing or
   * non-audio file leaves nothing open), creates a session, sends the audio (speech chunks, or `transport: 'stream'`),
   * ends it and resolves with the result. `input` is a file (path, URL, bytes, `Readable`) or `{ pcm, sampleRate }`.
   */
  async transcribe(input: AudioInput | PcmSessionAudio, options: TranscribeOptions = {}): Promise<SessionResult> {
    const { formatHint, signal, onState, ...sessionOptions } = options;
    const audio: NodeSessionAudio = isPcmInput(input) ? input : { file: input, formatHint };
    if (isPcmInput(input)) assertSampleRate(input.sampleRate, 'The PCM input');
    else await checkAudioInput(input, formatHint);
    throwIfAborted(signal);
    const session = this.session({ ...sessionOptions, audio });
    // Subscribed before start, so the display sees `creating` and `recording` too.
    const unsubscribe = onState ? session.subscribe(() => onState(session.getSnapshot())) : undefined;
    const onAbort = () => void session.cancel();
    try {
      await session.start({ signal });
      signal?.addEventListener('abort', onAbort, { once: true });
      return await waitUnlessAborted(session.result(), signal);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      unsubscribe?.();
    }
  }

  /** Sessions of this client's service left unfinished in the queue directory (a crash, a failure), oldest first. */
  pendingSessions(options: Pick<ResumePendingOptions, 'queueDir' | 'scope'> = {}): Promise<QueuedSession[]> {
    return listPendingSessions(this.#queue(this.#queueDirOf(options)), { scope: options.scope ?? chunkQueueScope(this.config) });
  }

  /**
   * Finishes what a crashed or failed process left in the queue directory: uploads each session's remaining chunks in
   * order under their own names, ends it with every chunk counted, and removes it (core's `resumePendingSessions`).
   * Waits for the network as long as it takes unless `signal` says otherwise.
   */
  resumePending(options: ResumePendingOptions = {}): Promise<ResumedSession[]> {
    const { queueDir, ...rest } = options;
    return resumePendingSessions(this, this.#queue(this.#queueDirOf({ queueDir })), { ...rest, clock: this.#clock });
  }

  #queueDirOf(options: { queueDir?: string }): string {
    const dir = options.queueDir ?? this.#queueDir;
    if (dir === undefined) throw new ConfigError('No queue directory: pass queueDir to the ScribeClient or to this call.');
    return dir;
  }

  // One store object per directory, so a resume in this process sees the sessions its own controllers hold as busy.
  #queue(dir: string): ChunkStore {
    let store = this.#queues.get(dir);
    if (!store) {
      store = createFileChunkStore(dir);
      this.#queues.set(dir, store);
    }
    return store;
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

  /** Cancels calls in flight, refuses new ones and releases the speech model. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#core.close();
    const model = this.#vadModel;
    this.#vadModel = undefined;
    if (model) await model.then((loaded) => loaded.dispose(), () => undefined);
  }

  #speechContext(): SpeechUploadContext {
    return speechUploadContext(this.#core, () => this.#createDetector());
  }

  async #createDetector(): Promise<VoiceActivityDetector> {
    if (this.#closed) throw new SessionStateError('The Scribe client was closed; create a new client to upload audio.');
    // One model per client, loaded on first use; a failed load is retried by the next call.
    this.#vadModel ??= loadSileroModel(this.#vadOptions).catch((error: unknown) => {
      this.#vadModel = undefined;
      throw error;
    });
    return (await this.#vadModel).createDetector();
  }

  /** `await using client = new ScribeClient()` closes it at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function isPcmInput(input: AudioInput | PcmSessionAudio): input is PcmSessionAudio {
  return typeof input === 'object' && input !== null && !(input instanceof Uint8Array) && !(input instanceof URL) && 'pcm' in input;
}
