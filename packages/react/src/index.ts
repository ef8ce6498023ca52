/**
 * @scribe/react: React bindings for scribe-ts. `ScribeProvider` holds a client (normally `createBrowserClient` from
 * `@scribe/browser`); `useScribe()` records and follows one session; `useScribeResult(id)` follows a session started
 * elsewhere. No protocol, audio or retry logic lives here: the client and core's session controller do it all.
 * The 'use client' directive follows this comment: TypeDoc reads a module's comment only at the very top of the file,
 * and a comment before the directive prologue leaves the directive in force (the built files start with it).
 * @module @scribe/react
 */
'use client';
export { ScribeProvider, type ScribeContextValue, type ScribeProviderProps, type ScribeSessionDefaults } from './scribe-provider';
export { useScribe, type ScribeActions, type UseScribeOptions, type UseScribeReturn } from './use-scribe';
export { useScribeResult, type UseScribeResultOptions, type UseScribeResultReturn } from './use-scribe-result';
export { createScribeController, type ScribeChunkEvent, type ScribeController, type ScribeControllerOptions } from './create-scribe-controller';
export { IDLE_SCRIBE_STATE, type ScribeChunkCounts, type ScribeState } from './scribe-state';
export { toScribeResult, type ScribeNotes, type ScribeResult } from './scribe-result';
export type { PendingSession, ResumedPendingSession, ScribeAudioRequest, ScribeCreateOptions, ScribeReactClient, ScribeSessionRequest } from './scribe-react-client';
