import type { ScribeProgressEvent, ScribeSession, SessionState } from '@scribe/core';
import type { ScribeResult } from './scribe-result';
import type { ResumedPendingSession, ScribeAudioRequest, ScribeCreateOptions, ScribeReactClient } from './scribe-react-client';
import { asScribeError, IDLE_SCRIBE_STATE, toScribeState, type ScribeLocalState, type ScribeState } from './scribe-state';

/** Chunk events passed to `onChunk`. */
export type ScribeChunkEvent = Extract<ScribeProgressEvent, { type: `chunk-${string}` }>;

/** Options of one controller; read at the moment they are needed, so a re-render's new callbacks are the ones called. */
export interface ScribeControllerOptions {
  /** The client sessions come from. Required. */
  client: ScribeReactClient;
  /** The session to create (templates, model, language, mode, patient details...). Default: the client's defaults. */
  create?: ScribeCreateOptions;
  /** `chunks` or `stream`. Default: the client's. */
  transport?: 'chunks' | 'stream';
  /** Capture options handed to the client with the microphone request. Default `{}`. */
  microphone?: object;
  /**
   * On unmount mid-recording: `keep` releases the microphone, socket and uploads but leaves the chunks recorded so far
   * in the client's durable queue, for `resumePending()` (as a reload would); `cancel` discards them (nothing is
   * ended); `stop` sends what was recorded and ends the session. A session the user already stopped always finishes
   * its stop. Default `keep`: leaving a page never loses a recording.
   */
  releaseOnUnmount?: 'keep' | 'cancel' | 'stop';
  /** Look for unfinished sessions in the client's durable queue on mount. Default true. */
  checkPending?: boolean;
  /** Called with every chunk event (`chunk-ready`, `chunk-queued`, `chunk-uploaded`, `chunk-retried`). Default none. */
  onChunk?: (event: ScribeChunkEvent) => void;
  /** Called once with the final result (completed, partial or failed). Default none. */
  onResult?: (result: ScribeResult) => void;
}

/**
 * The framework-free observer behind `useScribe`: it owns at most one core session at a time (created at the first
 * `start()` / `uploadFile()`, dropped by `reset()`), and exposes the `useSyncExternalStore` contract over it.
 */
export interface ScribeController {
  /** Calls `listener` after every change; returns its unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The current frozen state; the same object until something changed. */
  getSnapshot(): ScribeState;
  /** The server-rendering state: always idle. */
  getServerSnapshot(): ScribeState;
  /** Replaces the options (each render hands in the latest). */
  setOptions(options: ScribeControllerOptions): void;
  /** Starts recording from the microphone; resolves once audio flows or the start failed (then see `error`). Never rejects. */
  start(): Promise<void>;
  /** Sends a recorded file instead; resolves once reading started or failed. Never rejects. Like `start()`, a no-op while a session is held. */
  uploadFile(file: Blob): Promise<void>;
  /** Pauses audio intake. */
  pause(): void;
  /** Resumes audio intake. */
  resume(): void;
  /** Ends intake, sends what is left and ends the session; resolves once ended or failed. Never rejects. */
  stop(): Promise<void>;
  /** Stops everything without ending the session. Never rejects. */
  cancel(): Promise<void>;
  /** Forgets the current session (cancelling it if still running) so that `start()` makes a new one. */
  reset(): void;
  /** Uploads and ends the unfinished sessions of the durable queue, then re-reads the queue; resolves with each session's outcome (none when it failed, see `error`). Never rejects. */
  resumePending(): Promise<readonly ResumedPendingSession[]>;
  /** Marks the controller mounted; the returned function unmounts it, releasing the session unless it is mounted again at once (Strict Mode). */
  mount(): () => void;
}

/** Creates the controller of one `useScribe` instance. Nothing is opened until `start()` or `uploadFile()`. */
export function createScribeController(initial: ScribeControllerOptions): ScribeController {
  let options = initial;
  let session: ScribeSession | undefined;
  let unsubscribeSession: (() => void) | undefined;
  let stopRequested = false;
  let resultReported = false;
  let local: ScribeLocalState = { error: undefined, queueError: undefined, pending: [] };
  let cache = { session: undefined as SessionState | undefined, local, state: IDLE_SCRIBE_STATE };
  let mounts = 0;
  let generation = 0;
  const listeners = new Set<() => void>();
  // Aborted when the component goes away: a resume then stops waiting for the network.
  let lifetime = new AbortController();

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  function getSnapshot(): ScribeState {
    const current = session?.getSnapshot();
    if (current !== cache.session || local !== cache.local) cache = { session: current, local, state: toScribeState(current, local) };
    return cache.state;
  }

  function setLocal(change: Partial<ScribeLocalState>): void {
    local = { ...local, ...change };
    notify();
  }

  function onSessionChange(): void {
    const state = getSnapshot();
    const result = state.result;
    if (!resultReported && result && (state.status === 'completed' || state.status === 'partial' || state.status === 'failed')) {
      resultReported = true;
      callSafely(() => options.onResult?.(result));
    }
    notify();
  }

  function open(audio: ScribeAudioRequest): Promise<void> {
    if (session || local.error) return session ? quietly(session.start()) : Promise.resolve();
    try {
      session = options.client.session({
        audio,
        transport: options.transport,
        create: options.create,
        onProgress: (event) => {
          if (event.type.startsWith('chunk-')) callSafely(() => options.onChunk?.(event as ScribeChunkEvent));
        },
      });
    } catch (error) {
      setLocal({ error: asScribeError(error) });
      return Promise.resolve();
    }
    unsubscribeSession = session.subscribe(onSessionChange);
    notify();
    return quietly(session.start());
  }

  function release(): void {
    lifetime.abort();
    lifetime = new AbortController();
    const current = session;
    if (!current) return;
    if (stopRequested || options.releaseOnUnmount === 'stop') {
      stopRequested = true;
      // Let the stop send what is left and end the session, then stop polling for a result nobody will show.
      void current.stop().then(
        () => current.cancel(),
        () => current.cancel(),
      );
    } else {
      void current.cancel({ keepQueued: options.releaseOnUnmount !== 'cancel' });
    }
  }

  async function refreshPending(): Promise<void> {
    const list = options.client.pendingSessions;
    if (!list) return;
    try {
      const pending = await list.call(options.client);
      setLocal({ pending: Object.freeze([...pending]) });
    } catch (error) {
      setLocal({ queueError: asScribeError(error) });
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot,
    getServerSnapshot: () => IDLE_SCRIBE_STATE,
    setOptions(next) {
      options = next;
    },
    start: () => open({ microphone: options.microphone ?? {} }),
    uploadFile: (file) => open({ file }),
    pause: () => session?.pause(),
    resume: () => session?.resume(),
    stop() {
      if (!session) return Promise.resolve();
      stopRequested = true;
      return quietly(session.stop());
    },
    cancel: () => (session ? quietly(session.cancel()) : Promise.resolve()),
    reset() {
      if (session && !isSettled(session.getSnapshot())) void session.cancel();
      unsubscribeSession?.();
      session = undefined;
      unsubscribeSession = undefined;
      stopRequested = false;
      resultReported = false;
      setLocal({ error: undefined, queueError: undefined });
    },
    async resumePending() {
      const resume = options.client.resumePending;
      if (!resume) return NONE_RESUMED;
      setLocal({ queueError: undefined });
      let resumed = NONE_RESUMED;
      try {
        resumed = Object.freeze([...((await resume.call(options.client, { signal: lifetime.signal })) ?? [])]);
        const failed = resumed.find((entry) => entry.outcome === 'failed');
        if (failed) setLocal({ queueError: asScribeError(failed.error) });
      } catch (error) {
        setLocal({ queueError: asScribeError(error) });
      }
      await refreshPending();
      return resumed;
    },
    mount() {
      mounts += 1;
      const mountedIn = ++generation;
      if (mounts === 1 && mountedIn === 1 && options.checkPending !== false) void refreshPending();
      return () => {
        mounts -= 1;
        // Strict Mode unmounts and mounts again in the same task: release only if no mount followed.
        queueMicrotask(() => {
          if (mounts === 0 && generation === mountedIn) release();
        });
      };
    },
  };
}

const NONE_RESUMED: readonly ResumedPendingSession[] = Object.freeze([]);

/** True once nothing more will happen to the session. */
function isSettled(state: SessionState): boolean {
  return ['completed', 'partial', 'failed', 'expired', 'cancelled', 'error'].includes(state.status);
}

/** The session reports failures in its snapshot; the hook's actions resolve either way, so event handlers need no catch. */
function quietly(promise: Promise<void>): Promise<void> {
  return promise.then(
    () => undefined,
    () => undefined,
  );
}

/** An app callback's bug must not stop the session: it is reported on its own (`reportError` where it exists). */
function callSafely(call: () => void): void {
  try {
    call();
  } catch (error) {
    const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
    if (report) report(error);
    else
      queueMicrotask(() => {
        throw error;
      });
  }
}
