/**
 * @scribe/core: the runtime-agnostic heart of scribe-ts. Platform packages (@scribe/node, @scribe/browser) fill in
 * its ports; applications normally use those packages. This entry is the stable surface: what an application or an
 * adapter author needs. Building blocks are in `@scribe/core/internal` (unstable); test helpers in `@scribe/core/testing`.
 * The list is checked in CI against packages/core/public-api.txt, so growing it is a visible decision.
 * @module @scribe/core
 */
export {
  APIError,
  AbortError,
  AuthError,
  ChunkQueueFullError,
  ChunkStoreQuotaError,
  ConfigError,
  InvalidAudioError,
  RateLimitError,
  ScribeError,
  SessionExpiredError,
  SessionNotFoundError,
  SessionStateError,
  TimeoutError,
  ValidationError,
  type ScribeErrorCode,
} from './errors';
export { ChunkUploadError } from './uploads/chunk-upload-error';

// The composed client and its configuration.
export { createScribeCore, type ScribeCore, type ScribeCoreOptions } from './client/create-scribe-core';
export { resolveConfig } from './config/resolve-config';
export type { ScribeConfig } from './config/scribe-config';
export type { ScribeOptions } from './config/scribe-options';

// One session from start to result, and the lifecycle it reports.
export { createScribeSession } from './lifecycle/create-scribe-session';
export type { ScribeSession, ScribeSessionCancelOptions, ScribeSessionOptions, ScribeSessionQueueOptions, ScribeSessionStopOptions } from './lifecycle/scribe-session';
export type { SessionAudioSource } from './lifecycle/session-audio-source';
export type { ConnectionState, SessionActivity, SessionLifecycleStatus, SessionState } from './lifecycle/session-state';
export type { SessionEvent } from './lifecycle/session-event';
export { transitionSession } from './lifecycle/transition-session';
export { createSessionStore, type SessionStore } from './lifecycle/create-session-store';

// What the calls take and give back.
export type { CreateSessionOptions } from './sessions/create-session-body';
export type { EndSessionOptions } from './sessions/sessions-api';
export type { CreatedSession, EndSessionResponse, SessionResult, SessionStatus, TemplateEntry } from './protocol';
export type { WaitForResultsOptions } from './polling/result-poller';
export type { ChunkToUpload, UploadChunkOptions, UploadChunksOptions, UploadedChunk, UploadResult } from './uploads/audio-uploads';
export type { ChunkSource } from './uploads/chunk-uploader';
export type { UploadSpeechOptions } from './uploads/upload-speech';
export type { ScribeProgressEvent } from './audio/audio-progress-event';
export type { OpenStreamOptions } from './stream/open-stream';
export type { StreamSession, StreamStopOptions, StreamStopResult } from './stream/stream-session';
export type { StreamSnapshot } from './stream/stream-state';

// Ports the platform adapters implement.
export { createSystemClock, type Clock } from './ports/clock';
export type { Logger } from './ports/logger';
// ExpiringToken is what a GetToken callback may return, so callers can type their callback's answer.
export type { ExpiringToken, GetToken } from './auth/bearer-token-auth';
// A client behind a relay (createScribeRelay in @scribe/node) sends no credentials: the relay holds them.
export { createNoCredentialsAuth, type NoCredentialsAuthOptions, type RelayHeaders } from './auth/no-credentials-auth';
export type { PcmBlock, PcmBlockSource } from './audio/pcm-block';
export type { VoiceActivityDetector } from './audio/voice-activity-detector';
export type { OnnxRun, OnnxRunner, OnnxTensor } from './audio/onnx-runner';
export { createSileroDetector, type SileroDetectorOptions } from './audio/silero-detector';
export type { AudioSource } from './stream/audio-source';
export type { WebSocketFactory, WebSocketLike } from './stream/web-socket-like';

// The durable chunk queue: its port, the in-memory store, and finishing what a crash or reload left.
export type { ChunkStore, ListQueuedSessionsOptions, NewQueuedSession, QueuedChunk, QueuedChunkInfo, QueuedSession, QueuedSessionChange } from './uploads/chunk-store';
export { createMemoryChunkStore, type MemoryChunkStoreOptions } from './uploads/create-memory-chunk-store';
export type { ChunkQueueRetryOptions } from './uploads/chunk-queue-uploader';
export { chunkQueueScope, type ChunkQueueLimits } from './uploads/queue-speech';
export {
  listPendingSessions,
  resumePendingSessions,
  type ListPendingSessionsOptions,
  type ResumeCore,
  type ResumedSession,
  type ResumePendingSessionsOptions,
} from './uploads/resume-pending-sessions';

// Webhooks (server side of an integration).
export { createWebhookReceiver } from './webhooks/create-webhook-receiver';
export { verifyWebhookSignature } from './webhooks/verify-webhook-signature';
