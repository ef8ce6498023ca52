/**
 * @scribe/node: the scribe-ts SDK for Node.js. `ScribeClient` is the entry point; errors, result types and the
 * webhook helpers of @scribe/core are re-exported so applications need only this package.
 * @module @scribe/node
 */
export {
  ScribeClient,
  type NodeScribeSession,
  type NodeScribeSessionOptions,
  type PcmInput,
  type ResumePendingOptions,
  type ScribeClientOptions,
  type TranscribeOptions,
  type UploadAudioFileOptions,
  type UploadPcmOptions,
} from './scribe-client';
export { createFileChunkStore } from './session/file-chunk-store';
export type { FileSessionAudio, MicrophoneSessionAudio, NodeSessionAudio, PcmSessionAudio } from './session/node-session-audio';
export {
  decodeAudio,
  detectAudioFormat,
  loadSileroModel,
  createSileroVad,
  type AudioInput,
  type DecodeAudioOptions,
  type DetectedAudioFormat,
  type SileroModel,
  type SileroModelOptions,
  type SileroRuntime,
} from './audio/index';
export { loadNodeConfig, type NodeConfigSources } from './config/load-node-config';
export { createNodeWebSocket } from './stream/create-node-web-socket';
export { streamPcm, type PcmStreamSource, type StreamPcmOptions, type StreamPcmResult } from './stream/stream-pcm';
export type { NodeAudioStream } from './stream/node-audio-stream';
export { openMicrophone, type Microphone, type MicrophoneCommand, type MicrophoneOptions } from './microphone/open-microphone';
export { CONFIG_FILE_NAMES, readConfigFile, type LoadedConfigFile } from './config/read-config-file';
export { createScribeRelay, type ScribeRelayHandler } from './relay/create-scribe-relay';
export {
  DEFAULT_RELAY_LIMITS,
  type ScribeRelayAuthorize,
  type ScribeRelayLimits,
  type ScribeRelayOptions,
  type ScribeRelayUser,
} from './relay/scribe-relay-options';
export { toNodeHandler, type NodeRequestListener } from './relay/to-node-handler';
export {
  APIError,
  AbortError,
  AuthError,
  ConfigError,
  InvalidAudioError,
  RateLimitError,
  ScribeError,
  SessionExpiredError,
  SessionNotFoundError,
  SessionStateError,
  TimeoutError,
  ValidationError,
  ChunkUploadError,
  ChunkQueueFullError,
  ChunkStoreQuotaError,
  createMemoryChunkStore,
  resumePendingSessions,
  listPendingSessions,
  type ChunkStore,
  type QueuedSession,
  type QueuedChunk,
  type ResumedSession,
  createWebhookReceiver,
  verifyWebhookSignature,
  type ScribeErrorCode,
  type ScribeOptions,
  type GetToken,
  type ExpiringToken,
  type ScribeConfig,
  type CreatedSession,
  type CreateSessionOptions,
  type EndSessionOptions,
  type EndSessionResponse,
  type SessionResult,
  type TemplateEntry,
  type SessionStatus,
  type ChunkSource,
  type ChunkToUpload,
  type UploadChunkOptions,
  type UploadChunksOptions,
  type UploadSpeechOptions,
  type ScribeSession,
  type ScribeSessionOptions,
  type ScribeSessionStopOptions,
  type SessionAudioSource,
  type SessionState,
  type SessionLifecycleStatus,
  type SessionActivity,
  type UploadedChunk,
  type UploadResult,
  type UploadProgressEvent,
  type WaitForResultsOptions,
  type Logger,
  type ScribeProgressEvent,
  type AudioProgressEvent,
  type SpeechChunkerOptions,
  type VoiceActivityDetector,
  type PcmBlock,
  type AudioSource,
  type OpenStreamOptions,
  type StreamSession,
  type StreamSnapshot,
  type StreamConnectionState,
  type StreamPhase,
  type StreamStopOptions,
  type StreamStopResult,
  type StreamFrameMode,
  type WebSocketLike,
  type WebSocketFactory,
} from '@scribe/core/internal';
export { StreamIncompleteError, type StreamDelivery } from '@scribe/core/stream';
