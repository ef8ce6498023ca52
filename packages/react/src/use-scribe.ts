'use client';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createScribeController, type ScribeController, type ScribeControllerOptions } from './create-scribe-controller';
import { createOptions, useScribeContext, type ScribeSessionDefaults } from './scribe-provider';
import type { ResumedPendingSession, ScribeReactClient } from './scribe-react-client';
import type { ScribeState } from './scribe-state';

/**
 * Options of `useScribe`; every field is optional and read when it is needed, so new callbacks need no memoising.
 * The session options are the controller's (`create`, `transport`, `microphone`, `releaseOnUnmount`, `checkPending`,
 * `onChunk`, `onResult`); `templates`/`model`/`language`/`mode` win over the provider's defaults.
 */
export interface UseScribeOptions extends ScribeSessionDefaults, Omit<ScribeControllerOptions, 'client'> {
  /** A client to use instead of the provider's. Default: the nearest `ScribeProvider`'s. */
  client?: ScribeReactClient;
}

/** The actions of `useScribe`; stable across renders. Promises never reject: failures land in `error`. */
export interface ScribeActions {
  /** Records from the microphone: creates the session, opens the microphone; resolves once audio flows or it failed. After a final status, call `reset()` first. */
  start(): Promise<void>;
  /** Pauses audio intake (the microphone's audio is dropped meanwhile). */
  pause(): void;
  /** Resumes audio intake. */
  resume(): void;
  /** Stops recording, sends what is left and ends the session; the result follows in `result`. Resolves once ended. */
  stop(): Promise<void>;
  /** Stops at once without ending the session (nothing is processed); releases the microphone. */
  cancel(): Promise<void>;
  /** Forgets the session (cancelling it if still running) so the next `start()` or `uploadFile()` makes a new one. */
  reset(): void;
  /** Sends a recorded file (`File` or `Blob`) as the session's audio instead of the microphone. Like `start()`, it does nothing while the hook holds a session (running or finished): `reset()` first. */
  uploadFile(file: Blob): Promise<void>;
  /** Uploads and ends the unfinished sessions of the durable queue (`pending`); resolves with each one's outcome (`ended` ones have results to show with `useScribeResult`). */
  resumePending(): Promise<readonly ResumedPendingSession[]>;
}

/** What `useScribe` returns: the state and the actions in one object. */
export type UseScribeReturn = ScribeState & ScribeActions;

/**
 * Records a consultation and follows it to its note. One controller per component instance, created on first render
 * and read through `useSyncExternalStore`; nothing is opened until `start()` or `uploadFile()`, so Strict Mode's double
 * mount and server rendering open no microphone, session or socket. Unmounting releases them (see `releaseOnUnmount`).
 */
export function useScribe(options: UseScribeOptions = {}): UseScribeReturn {
  const { client, defaults } = useScribeContext(options.client);
  const controllerOptions = { ...options, client, create: createOptions(defaults, options) };
  const [controller] = useState<ScribeController>(() => createScribeController(controllerOptions));
  // The committed render's options are the ones the next action reads (a discarded render's are never seen).
  useEffect(() => controller.setOptions(controllerOptions));
  useEffect(() => controller.mount(), [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getServerSnapshot);
  const actions = useMemo<ScribeActions>(
    () => ({
      start: controller.start,
      pause: controller.pause,
      resume: controller.resume,
      stop: controller.stop,
      cancel: controller.cancel,
      reset: controller.reset,
      uploadFile: controller.uploadFile,
      resumePending: controller.resumePending,
    }),
    [controller],
  );
  return useMemo(() => ({ ...state, ...actions }), [state, actions]);
}
