/**
 * @scribe/browser: the scribe-ts SDK in a browser tab, on @scribe/core's session controller.
 * @module @scribe/browser
 */
export { SCRIBE_BROWSER_PACKAGE } from './package-name';
export { createBrowserClient, BrowserScribeClient, type BrowserScribeSessionOptions } from './client/browser-client';
export { resolveBrowserOptions, type BrowserAuthMode, type BrowserClientOptions, type BrowserQueueOptions, type ResolvedBrowserOptions } from './client/browser-options';
export { toSessionAudioSource, type BrowserSessionAudio, type FileSessionAudio, type MicrophoneSessionAudio, type PcmSessionAudio } from './client/browser-session-audio';
export { loadBrowserSileroModel, createBrowserSileroDetector, type BrowserSileroModel, type BrowserSileroOptions } from './vad/browser-silero';
export { loadWebOnnxRunner, type OrtWebModule, type WebOnnxRunnerOptions } from './vad/onnx-web-runner';
export { resolveAssets, type BrowserAssets } from './vad/assets';
export { createMicrophoneSource, type MicrophoneSource, type MicrophoneSourceOptions } from './microphone/microphone-source';
export { MicrophoneEndedError, MicrophoneInUseError, MicrophoneNotFoundError, MicrophonePermissionError } from './microphone/microphone-errors';
export { BLOB_AUDIO_DEFAULTS, createBlobAudioSource, type BlobAudioSourceOptions } from './decode/blob-audio-source';
export * from './core-exports';
export { createIndexedDbChunkStore, DEFAULT_QUEUE_DATABASE, type IndexedDbChunkStore, type IndexedDbChunkStoreOptions } from './queue/indexeddb-chunk-store';
export type { BrowserResumePendingOptions } from './queue/browser-chunk-queue';
