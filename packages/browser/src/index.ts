/**
 * @scribe/browser: the scribe-ts SDK in a browser tab, on @scribe/core's session controller.
 * @packageDocumentation
 */
export { SCRIBE_BROWSER_PACKAGE } from './package-name';
export { createMicrophoneSource, type MicrophoneSource, type MicrophoneSourceOptions } from './microphone/microphone-source';
export { MicrophoneEndedError, MicrophoneInUseError, MicrophoneNotFoundError, MicrophonePermissionError } from './microphone/microphone-errors';
export { BLOB_AUDIO_DEFAULTS, createBlobAudioSource, type BlobAudioSourceOptions } from './decode/blob-audio-source';
