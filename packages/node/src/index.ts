/**
 * @scribe/node: the scribe-ts SDK for Node.js. `ScribeClient` is the entry point; errors, result types and the
 * webhook helpers of @scribe/core are re-exported so applications need only this package.
 */
export { ScribeClient, type ScribeClientOptions } from './scribe-client';
export { loadNodeConfig, type NodeConfigSources } from './config/load-node-config';
export { CONFIG_FILE_NAMES, readConfigFile, type LoadedConfigFile } from './config/read-config-file';
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
  createWebhookReceiver,
  verifyWebhookSignature,
  type ScribeErrorCode,
  type ScribeOptions,
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
  type UploadedChunk,
  type UploadProgressEvent,
  type WaitForResultsOptions,
  type Logger,
} from '@scribe/core';
