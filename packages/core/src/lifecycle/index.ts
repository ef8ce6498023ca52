/** The session lifecycle: a pure reducer over a status union with activity as a separate axis, and its store. */
export {
  INITIAL_SESSION_ACTIVITY,
  INITIAL_SESSION_STATE,
  SESSION_LIFECYCLE_STATUSES,
  hasPendingUploads,
  isFinalLifecycleStatus,
  type ConnectionState,
  type CreatingSessionState,
  type ErrorSessionState,
  type ExpiredSessionState,
  type CancelledSessionState,
  type FinishedSessionState,
  type IdleSessionState,
  type LiveSessionState,
  type SessionActivity,
  type SessionLifecycleStatus,
  type SessionState,
} from './session-state';
export { SESSION_EVENT_TYPES, type SessionEvent, type SessionEventType } from './session-event';
export { transition, transitionSession } from './transition-session';
export { createSessionStore, type SessionStore, type SessionStoreListener } from './create-session-store';
export { createScribeSession, type ScribeSessionCore } from './create-scribe-session';
export type { ScribeSession, ScribeSessionCancelOptions, ScribeSessionOptions, ScribeSessionQueueOptions, ScribeSessionStopOptions, SessionAudioTransport } from './scribe-session';
export type { SessionAudioSource } from './session-audio-source';
