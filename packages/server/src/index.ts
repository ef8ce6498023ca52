/**
 * @scribe/server: a local MedScribeAlliance / EkaScribe-compatible service for development and tests, with its
 * processing engine, webhook signing and fault-injection hooks.
 * @module @scribe/server
 */
export { startServer, type ScribeServer } from './server.js';
export type { ServerOptions, RateLimitOptions, StreamOptions, WebhookOptions } from './options.js';
export { DEV_ACCOUNT, type AccountConfig } from './auth/accounts.js';
export { defaultModels, DEFAULT_LANGUAGES, type ModelConfig } from './models.js';
export { DEFAULT_TEMPLATES, TRANSCRIPT_TEMPLATE_ID, type TemplateInfo } from './templates.js';
export {
  createDefaultEngine,
  EngineError,
  ENGINE_SAMPLE_RATE,
  type Engine,
  type EngineAudioChunk,
  type ChunkMeasurement,
  type EngineErrorCode,
  type ExtractInput,
  type SkippedChunk,
  type TemplateOutcome,
  type TranscribeInput,
  type Transcription,
} from './processing/engine.js';
export * from './processing/index.js';
export { WEBHOOK_EVENTS, type WebhookEvent } from './webhooks/registry.js';
export { webhookSignatureHeader, webhookSignatureV1 } from './webhooks/signature.js';
export type { ActiveFault, FaultAction, FaultSpec } from './testing/faults.js';
export type { FaultController } from './testing/fault-controller.js';
export type { StreamFaultController } from './testing/stream-fault-controller.js';
export { startCuttableProxy, type CuttableProxy } from './testing/cuttable-proxy.js';
export { STREAM_CLOSE } from './stream/stream-close-codes.js';
export type { RecordedRequest } from './testing/request-log.js';
export type { UploadNote } from './http/context.js';
export type { CredentialKind } from './auth/authenticate.js';
export {
  createContractValidator,
  ContractViolationError,
  type ContractExchange,
  type ContractSchemaName,
  type ContractValidation,
  type ContractValidator,
  type ContractValidatorOptions,
} from './testing/contract-validator.js';
export type { Clock } from './time.js';
export { SERVER_VERSION } from './version.js';
