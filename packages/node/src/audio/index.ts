/**
 * Audio for @scribe/node: decoding local files and streams into PCM blocks, and Silero voice-activity detection on
 * onnxruntime-node. Both implement ports declared in @scribe/core (`PcmBlockSource`, `VoiceActivityDetector`).
 */
export { decodeAudio, type DecodeAudioOptions } from './decode-audio';
export type { AudioInput } from './open-audio-input';
export {
  detectAudioFormat,
  type AudioCodec,
  type AudioContainer,
  type DetectAudioFormatOptions,
  type DetectedAudioFormat,
} from './detect-audio-format';
export {
  createSileroVad,
  loadSileroModel,
  resolveSileroModelPath,
  type SileroModel,
  type SileroModelOptions,
  type SileroRuntime,
} from './silero-vad';
