export type { PcmBlock, PcmBlockSource } from './pcm-block';
export type { VoiceActivityDetector } from './voice-activity-detector';
export { floatToInt16, int16ToFloat, INT16_SCALE } from './float-to-int16';
export { int16FromLittleEndianBytes, int16ToLittleEndianBytes } from './int16-little-endian';
export { deinterleave, interleave } from './interleave';
export { downmixToMono } from './downmix-to-mono';
export { concatenateArrays } from './concatenate-arrays';
export { assertSampleRate, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE, SPEECH_SAMPLE_RATE } from './sample-rate';
export { pcmBlocksFromInt16Bytes, type PcmBlocksFromInt16BytesOptions } from './pcm-blocks-from-int16-bytes';
export { pcmBlocksFromInt16Stream, type Int16ByteSource } from './pcm-blocks-from-int16-stream';
export { createResampler, resample, type Resampler, type ResamplerOptions } from './create-resampler';
export { createFramer, type FinalFrame, type Framer } from './create-framer';
export { parseWavFormat, MAX_WAV_CHANNELS, WAVE_FORMAT_EXTENSIBLE, WAVE_FORMAT_IEEE_FLOAT, WAVE_FORMAT_PCM, type WavFormat, type WavSampleFormat } from './wav-format';
export { createWavDecoder, type WavDecoder, type WavDecoderOptions, type WavTruncation } from './create-wav-decoder';
export { decodeWav, wavPcmBlocks, type DecodedWav, type WavByteSource, type WavPcmBlocksOptions } from './decode-wav';
export { encodeWav, WAV_HEADER_BYTES, type EncodeWavOptions } from './encode-wav';
export { resolveSegmenterOptions, type ResolvedSegmenterOptions, type SpeechSegmenterOptions } from './speech-segmenter-options';
export {
  createSpeechSegmenter,
  type PauseStats,
  type SegmentStart,
  type SpeechSegment,
  type SpeechSegmenter,
  type SpeechSegmenterEvent,
} from './create-speech-segmenter';
export { resolveChunkingOptions, type ChunkingFrames, type ChunkingOptions } from './chunking-options';
export { chooseCut, type Cut, type CutInput, type PauseMark } from './choose-cut';
export type { SampleSpan } from './chunk-content';
export { createSpeechChunker, type SpeechChunk, type SpeechChunker, type SpeechChunkerOptions } from './create-speech-chunker';
export { speechChunks, type SpeechChunkStats, type SpeechChunkStream, type SpeechChunksOptions } from './speech-chunks';
export type { AudioProgressEvent, ScribeProgressEvent } from './audio-progress-event';
export {
  createScriptedVoiceActivityDetector,
  frameRms,
  type ScriptedVoiceActivityDetectorOptions,
} from './create-scripted-voice-activity-detector';
export { readAhead } from './read-ahead';
export { speechRatePcm } from './speech-rate-pcm';
export type { LoadOnnxRunner, OnnxModelSource, OnnxRun, OnnxRunner, OnnxTensor } from './onnx-runner';
export { createQueuedSessionOnnxRunner, type OrtSessionLike, type OrtTensorModule } from './queued-session-onnx-runner';
export { detectorOwningModel, type VoiceActivityModel } from './detector-owning-model';
export { createSileroDetector, SILERO_FRAME_SAMPLES, SILERO_SAMPLE_RATE, type SileroDetectorOptions } from './silero-detector';
