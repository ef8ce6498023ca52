import type { ScribeProgressEvent } from '../audio/audio-progress-event';
import { speechRatePcm } from '../audio/speech-rate-pcm';
import type { ScribeCore } from '../client/create-scribe-core';
import { AbortError, ConfigError, ScribeError } from '../errors';
import { createSystemClock } from '../ports/clock';
import type { SessionResult } from '../protocol/session-result';
import type { StreamSession } from '../stream/stream-session';
import { errorForAbort, waitUnlessAborted } from '../errors/abort';
import { noSpeechError, speechUploadContext, uploadSpeech } from '../uploads/upload-speech';
import { chunkQueueScope, queueSpeech } from '../uploads/queue-speech';
import { claimQueuedSession } from '../uploads/queued-session-claims';
import { endWithRetries } from '../uploads/resume-pending-sessions';
import type { EndSessionResponse } from '../protocol/end-session-response';
import { createAudioIntake, type AudioIntake } from './audio-intake';
import { coalesceSessionStore, DEFAULT_PROGRESS_INTERVAL_MS } from './coalesced-session-store';
import { createSessionStore } from './create-session-store';
import type { ScribeSession, ScribeSessionCancelOptions, ScribeSessionOptions } from './scribe-session';
import { INITIAL_SESSION_STATE } from './session-state';

/** What a session controller needs from its client: the composed core, or any object with these calls. */
export type ScribeSessionCore = Pick<ScribeCore, 'config' | 'discovery' | 'createSession' | 'uploadChunk' | 'uploadChunks' | 'endSession' | 'waitForResults' | 'openStream'>;

/**
 * Creates the controller of one session: lazy until `start()`, then create → audio in (speech chunks or a live
 * stream) → end → result, every step dispatched into a lifecycle store that UIs read. Platform packages pass their
 * ports (audio source, voice-activity detector, WebSocket factory through the core).
 */
export function createScribeSession(core: ScribeSessionCore, options: ScribeSessionOptions): ScribeSession {
  const transport = options.transport ?? 'chunks';
  const clock = options.clock ?? createSystemClock();
  const store = createSessionStore();
  const lifetime = new AbortController();
  // Progress reports (audio, stream bytes) coalesced in time: a bounded update rate for UIs, status changes at once.
  const updates = coalesceSessionStore(store, clock, options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS, lifetime.signal);
  const startIndex = options.speech?.startIndex ?? 0;
  const chunkStore = transport === 'chunks' ? options.chunkStore : undefined;
  let releaseClaim: (() => void) | undefined;
  let sessionId: string | undefined;
  let intake: AudioIntake | undefined;
  let stream: StreamSession | undefined;
  let startRun: Promise<void> | undefined;
  let stopRun: Promise<void> | undefined;
  let cancelRun: Promise<void> | undefined;
  let delivered: Promise<void> | undefined;
  let finalize = true;
  let stopRequested = false;
  let pauseRequested = false;
  let cancelled = false;
  let failure: unknown;
  // A live source that failed mid-recording (a device unplugged): what it captured is sent, then this is the error.
  let sourceFailure: { error: unknown } | undefined;
  const outcome = deferred<SessionResult>();

  const emit = (event: ScribeProgressEvent) => {
    translateProgress(event);
    try {
      options.onProgress?.(event);
    } catch {
      // A callback's bug must not stop the session.
    }
  };

  function translateProgress(event: ScribeProgressEvent): void {
    switch (event.type) {
      case 'speech-started':
        return void updates.dispatch({ type: 'speech-started' });
      case 'speech-found':
        return void updates.dispatch({ type: 'speech-found', speechSeconds: event.speechSeconds });
      case 'chunk-ready':
        return void updates.dispatch({ type: 'chunk-queued', index: startIndex + event.index });
      case 'chunk-queued':
        return void updates.dispatch({ type: 'chunk-upload-started', index: event.index });
      case 'chunk-uploaded':
        updates.dispatch({ type: 'chunk-uploaded', index: event.index });
        // The durable queue got through again.
        if (store.getSnapshot().activity.connection === 'reconnecting') updates.dispatch({ type: 'connection-changed', connection: 'idle' });
        return;
      case 'upload-waiting':
        // The durable queue waits for the network: the chunk goes back to waiting, the connection shows it.
        updates.dispatch({ type: 'chunk-failed', index: event.index, willRetry: true, error: event.error });
        return void updates.dispatch({ type: 'connection-changed', connection: 'reconnecting' });
      case 'chunk-retried':
        // The retry is already under way inside the transport: the chunk stays in flight, its error is remembered.
        updates.dispatch({ type: 'chunk-failed', index: event.index, willRetry: true, error: event.error });
        return void updates.dispatch({ type: 'chunk-upload-started', index: event.index });
      default:
        return;
    }
  }

  async function runStart(signal: AbortSignal | undefined): Promise<void> {
    if (cancelled) throw cancelledError();
    const onCallerAbort = () => void cancel();
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      if (signal?.aborted) throw errorForAbort(signal);
      updates.dispatch({ type: 'create-requested' });
      // A live source (a microphone) opens first, so a refused permission or a missing device fails before any
      // request and leaves no empty session on the service. A file opens after the create, as it is cheap to retry.
      if (options.audio.live) intake = await openIntake(false);
      await createOrAttach();
      intake ??= await openIntake(stopRequested);
      if (pauseRequested) pause();
      if (stopRequested) void intake.stop();
      delivered = deliver(intake);
      delivered.catch(fail);
    } catch (error) {
      fail(error);
      releaseClaim?.();
      // The caller's own abort or deadline is what they see (AbortError or TimeoutError), then a cancel's AbortError.
      throw signal?.aborted ? errorForAbort(signal) : cancelled ? cancelledError() : error;
    } finally {
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Opens the source (or, when stopped before it was opened, none) behind the intake that gates it. */
  async function openIntake(empty: boolean): Promise<AudioIntake> {
    const source = empty ? [] : await options.audio.open(lifetime.signal);
    const opened = createAudioIntake({
      source,
      live: options.audio.live,
      close: options.audio.close ? () => options.audio.close!() : undefined,
      pauseSource: options.audio.pause ? () => options.audio.pause!() : undefined,
      resumeSource: options.audio.resume ? () => options.audio.resume!() : undefined,
      clock,
      signal: lifetime.signal,
      onBlock: (progress) => updates.dispatch({ type: 'audio-received', ...progress }),
      onEnd: () => {
        updates.flush(); // the exact audio totals, also when nothing follows (a stop without finalize)
        if (finalize && !sourceFailure) updates.dispatch({ type: 'end-requested' });
      },
      onSourceFailed: (error) => {
        sourceFailure = { error };
        updates.dispatch({ type: 'source-failed', error });
      },
    });
    // Cancelled while the source was opening (a permission prompt): it is released at once.
    if (lifetime.signal.aborted) {
      await opened.stop().catch(() => undefined);
      throw errorForAbort(lifetime.signal);
    }
    return opened;
  }

  async function createOrAttach(): Promise<void> {
    if (transport === 'stream') {
      const opened = await core.openStream({ ...options.create, ...options.stream, waitForOpen: false, signal: lifetime.signal });
      stream = opened;
      // The stream lives as long as this session, not the client: a cancel or a failure drops it without the stop
      // frame (the service keeps the audio, the session is not ended) and stops its reconnecting.
      const drop = () => opened.abort(lifetime.signal.reason);
      if (lifetime.signal.aborted) drop();
      else lifetime.signal.addEventListener('abort', drop, { once: true });
      sessionId = stream.sessionId;
      updates.dispatch({ type: 'session-created', sessionId });
      watch(stream);
      await stream.opened();
      return;
    }
    if (!options.createDetector) throw new ConfigError('A chunked session needs createDetector (voice-activity detection runs locally); the platform packages pass Silero.');
    const created = options.sessionId === undefined ? await core.createSession({ ...options.create, signal: lifetime.signal }) : undefined;
    sessionId = created?.sessionId ?? options.sessionId!;
    if (chunkStore) {
      releaseClaim = claimQueuedSession(chunkStore, sessionId);
      const { scope = chunkQueueScope(core.config), label } = options.queue ?? {};
      await chunkStore.putSession({ sessionId, scope, startIndex, uploadUrl: created?.uploadUrl, label, createdAt: clock.wallNow() });
    }
    updates.dispatch({ type: 'session-created', sessionId, session: created });
  }

  function watch(live: StreamSession): void {
    const report = () => {
      const snapshot = live.getSnapshot();
      updates.dispatch({ type: 'connection-changed', connection: snapshot.connection });
      updates.dispatch({ type: 'stream-progressed', bytesSent: snapshot.bytesSent, bytesAcknowledged: snapshot.bytesAcknowledged, reconnects: snapshot.reconnects });
    };
    const unsubscribe = live.subscribe(report);
    lifetime.signal.addEventListener('abort', () => queueMicrotask(unsubscribe), { once: true });
    report();
  }

  /** Audio in until the source ends, then end and poll. */
  async function deliver(input: AudioIntake): Promise<void> {
    const id = sessionId!;
    if (stream) {
      const pieces = speechRatePcm(input.blocks);
      if (options.audio.live) {
        // Live audio arrives in real time by itself.
        for await (const piece of pieces) await stream.sendAudio(piece, { signal: lifetime.signal });
      } else {
        // A file would go as fast as the socket drains, past the service's max_speed (a 4429): paced at 90 % of it.
        const [{ streamCapabilities }, { streamPcm }] = await Promise.all([import('../stream/stream-capabilities'), import('../stream/stream-pcm')]);
        const maxSpeed = streamCapabilities(await core.discovery.get({ signal: lifetime.signal })).maxSpeed;
        await streamPcm(stream, pieces, { pace: 'fast', signal: lifetime.signal }, { clock, maxSpeed });
      }
      // A stream that failed after taking the audio in rejects here rather than being ended as if complete. After a
      // source failure the stream is flushed and stopped, and the session left open.
      const stopped = await stream.stop({ finalize: finalize && !sourceFailure, signal: lifetime.signal });
      if (sourceFailure) throw sourceFailure.error;
      if (!finalize) return;
      updates.dispatch({ type: 'session-ended', response: stopped.end });
    } else if (chunkStore) {
      await deliverThroughQueue(input, id);
    } else {
      const what = options.audio.description ?? 'the audio';
      const { acknowledged, nextIndex } = await uploadSpeech(speechUploadContext(core, options.createDetector!), id, input.blocks, what, {
        ...options.speech,
        endSession: false,
        signal: lifetime.signal,
        onProgress: emit,
      });
      if (sourceFailure) throw sourceFailure.error;
      if (!finalize) return;
      if (nextIndex === 0) throw noSpeechError(what, store.getSnapshot().activity.audioSeconds, id);
      const response = await core.endSession(id, { audioFilesSent: startIndex + acknowledged, signal: lifetime.signal });
      updates.dispatch({ type: 'session-ended', response });
    }
    if (options.results !== false) void poll();
  }

  /** The chunked path with a durable queue: detection → store → uploads, then end once every chunk is acknowledged. */
  async function deliverThroughQueue(input: AudioIntake, id: string): Promise<void> {
    const queueStore = chunkStore!;
    const { retry, maxChunks, maxBytes } = options.queue ?? {};
    try {
      const { nextIndex } = await queueSpeech({ ...core, createDetector: options.createDetector! }, id, input.blocks, {
        ...options.speech,
        store: queueStore,
        clock,
        limits: { maxChunks, maxBytes },
        retry,
        signal: lifetime.signal,
        onProgress: emit,
        onQueueChanged: (chunksPending) => void updates.dispatch({ type: 'queue-changed', chunksPending }),
      });
      // Every chunk is acknowledged: nothing is left to resume (after a source failure the session stays open, for the
      // app to record into again or to end, so the queue must not end it later).
      if (!finalize || nextIndex === 0 || sourceFailure) await queueStore.deleteSession(id);
      if (sourceFailure) throw sourceFailure.error;
      if (!finalize) return;
      if (nextIndex === 0) throw noSpeechError(options.audio.description ?? 'the audio', store.getSnapshot().activity.audioSeconds, id);
      await queueStore.updateSession(id, { endRequested: true });
      let response: EndSessionResponse | undefined;
      try {
        response = await endWithRetries(() => core.endSession(id, { audioFilesSent: nextIndex, signal: lifetime.signal }), clock, retry, lifetime.signal);
      } catch (error) {
        // An earlier attempt did end it (its answer was lost): ended all the same.
        if (!(ScribeError.is(error) && error.serverCode === 'session_ended')) throw error;
      }
      await queueStore.deleteSession(id);
      updates.dispatch({ type: 'session-ended', response });
    } finally {
      releaseClaim?.();
    }
  }

  let pollRun: Promise<void> | undefined;
  function poll(): Promise<void> {
    pollRun ??= core
      .waitForResults(sessionId!, {
        ...(options.results || undefined),
        signal: lifetime.signal,
        onUpdate: (result) => void updates.dispatch({ type: 'status-polled', result }),
      })
      .then((result) => {
        updates.dispatch({ type: 'status-polled', result });
        outcome.resolve(result);
      }, fail);
    return pollRun;
  }

  function fail(error: unknown): void {
    if (cancelled || failure !== undefined) return;
    failure = error;
    const snapshot = store.getSnapshot();
    if ((error as { fileName?: unknown } | undefined)?.fileName !== undefined && snapshot.activity.uploadsInFlight > 0) {
      updates.dispatch({ type: 'chunk-failed', error });
    }
    updates.dispatch({ type: 'error', error });
    outcome.reject(error);
    // Nothing more will be sent: release the microphone and any socket. Queued chunks stay for resume.
    void intake?.stop().catch(() => undefined);
    lifetime.abort(ScribeError.is(error) ? error : new AbortError('The session failed.'));
  }

  function pause(): void {
    pauseRequested = true;
    if (!intake || stopRequested) return;
    const elapsedMs = intake.pause();
    updates.dispatch({ type: 'paused', elapsedMs });
  }

  // The stop itself runs once; a caller's signal only ends that caller's wait, so a later stop() waits again.
  async function runStop(finalizeSession: boolean): Promise<void> {
    stopRequested = true;
    finalize = finalizeSession;
    await startRun!.catch(() => undefined);
    if (!intake || cancelled) return;
    // A crash from here on still ends the session on resume (it would anyway; the flag tells a UI the intent).
    if (chunkStore && finalizeSession && failure === undefined) await chunkStore.updateSession(sessionId!, { endRequested: true }).catch(() => undefined);
    await intake.stop();
    await delivered;
  }

  function cancel(cancelOptions: ScribeSessionCancelOptions = {}): Promise<void> {
    cancelRun ??= (async () => {
      cancelled = true;
      updates.dispatch({ type: 'cancelled' });
      lifetime.abort(cancelledError());
      outcome.reject(cancelledError());
      await intake?.stop().catch(() => undefined);
      // Wait until the pipeline has let go of the socket and the uploads.
      await delivered?.catch(() => undefined);
      // A cancelled session is not to be finished later: its queued chunks go, unless the caller keeps them for a
      // resume (the session's record stays as a crash would leave it).
      if (chunkStore && sessionId !== undefined && !cancelOptions.keepQueued) {
        await chunkStore.deleteSession(sessionId).catch(() => undefined);
        updates.dispatch({ type: 'queue-changed', chunksPending: 0 });
      }
      releaseClaim?.();
    })();
    return cancelRun;
  }

  return {
    get sessionId() {
      return sessionId;
    },
    getSnapshot: store.getSnapshot,
    getServerSnapshot: () => INITIAL_SESSION_STATE,
    subscribe: updates.subscribe,
    start(startOptions) {
      startRun ??= runStart(startOptions?.signal);
      return startRun;
    },
    pause,
    resume() {
      pauseRequested = false;
      if (!intake?.resume) return;
      intake.resume();
      updates.dispatch({ type: 'resumed' });
    },
    stop(stopOptions = {}) {
      // Before start there is nothing to stop, and a later start must still work (React Strict Mode's double mount).
      if (!startRun) return Promise.resolve();
      stopRun ??= runStop(stopOptions.finalize ?? true);
      return waitUnlessAborted(stopRun, stopOptions.signal);
    },
    cancel,
    result() {
      if (options.results === false && delivered && !pollRun) void delivered.then(poll, () => undefined);
      return outcome.promise;
    },
    async dispose() {
      if (!stopRun) await cancel();
      else await stopRun.catch(() => undefined);
    },
  };
}

function cancelledError(): AbortError {
  return new AbortError('The session was cancelled.');
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
