export {
  createAudioUploads,
  type AudioUploads,
  type AudioUploadsOptions,
  type ChunkToUpload,
  type UploadChunkOptions,
  type UploadChunksOptions,
  type UploadedChunk,
  type UploadResult,
} from './audio-uploads';
export { chunkFileName, fileExtension, parseChunkFileName, type ChunkFileNameOptions } from './chunk-file-name';
export { ChunkUploadError, type ChunkUploadProgress } from './chunk-upload-error';
export {
  createChunkUploader,
  type AudioChunk,
  type ChunkSource,
  type ChunkUploader,
  type ChunkUploaderOptions,
  type NamedChunk,
  type SendChunk,
  type UploadProgressEvent,
} from './chunk-uploader';
export { advertisedContentType, contentTypeForFileName, OCTET_STREAM } from './content-type';
export { effectiveMaxChunkSeconds, PRODUCTION_MAX_CHUNK_SECONDS } from './max-chunk-seconds';
export { appendPathSegment, buildUploadRequest, sameOrigin, type UploadRequest, type UploadRequestInput } from './upload-request';
export { isWav, readWavDurationSeconds } from './wav-duration';
export { noSpeechError, speechUploadContext, uploadSpeech, type SpeechUploadContext, type UploadSpeechOptions } from './upload-speech';
export type { ChunkStore, ListQueuedSessionsOptions, NewQueuedSession, QueuedChunk, QueuedChunkInfo, QueuedSession, QueuedSessionChange } from './chunk-store';
export { createMemoryChunkStore, alreadyQueued, type MemoryChunkStoreOptions } from './create-memory-chunk-store';
export { newQueuedSessionRecord } from './new-queued-session-record';
export {
  createChunkQueueUploader,
  isWorthRetrying,
  type ChunkQueueRetryOptions,
  type ChunkQueueUploader,
  type ChunkQueueUploaderOptions,
  type SendQueuedChunk,
} from './chunk-queue-uploader';
export {
  chunkQueueScope,
  DEFAULT_QUEUE_MAX_BYTES,
  DEFAULT_QUEUE_MAX_CHUNKS,
  queueSpeech,
  type ChunkQueueLimits,
  type QueuedSpeechContext,
  type QueueSpeechOptions,
} from './queue-speech';
export {
  endWithRetries,
  listPendingSessions,
  resumePendingSessions,
  type ListPendingSessionsOptions,
  type ResumeCore,
  type ResumedSession,
  type ResumePendingSessionsOptions,
} from './resume-pending-sessions';
export { claimQueuedSession } from './queued-session-claims';
