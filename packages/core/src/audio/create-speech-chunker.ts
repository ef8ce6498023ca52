import { ChunkContent, type SampleSpan } from './chunk-content';
import { chooseCut, type PauseMark } from './choose-cut';
import { resolveChunkingOptions, type ChunkingOptions } from './chunking-options';
import { createSpeechSegmenter, type SpeechSegmenterEvent } from './create-speech-segmenter';
import { encodePcm16Wav } from './encode-wav';
import { floatToInt16 } from './float-to-int16';
import { resolveSegmenterOptions, type SpeechSegmenterOptions } from './speech-segmenter-options';

/** One upload-ready chunk of speech: a 16 kHz mono 16-bit WAV file and where its audio came from. */
export interface SpeechChunk {
  /** Position among the chunks of this stream, from 0 (the uploader assigns its own upload index). */
  index: number;
  /** The WAV file (canonical 44-byte header, PCM 16-bit mono). */
  bytes: Uint8Array;
  /** Seconds of audio in the chunk (the spans' total; pauses between segments are not included). */
  durationSeconds: number;
  /** Where the chunk's first sample was in the original audio, in samples of the chunk's rate. */
  startSample: number;
  /** Sample after the chunk's last one in the original audio (exclusive). */
  endSample: number;
  /** `startSample` in seconds. */
  startSeconds: number;
  /** `endSample` in seconds; `endSeconds − startSeconds` exceeds `durationSeconds` when pauses were left out. */
  endSeconds: number;
  /** The stretches of the original timeline the chunk's audio is made of, in order. */
  spans: readonly SampleSpan[];
  /** Why the chunk ends: at a pause, cut inside speech by the maximum, after a long pause, or at the stream end. */
  reason: 'pause' | 'forced' | 'gap' | 'end';
}

/** Options of `createSpeechChunker`: segmentation, chunking, and the frame format. */
export interface SpeechChunkerOptions extends SpeechSegmenterOptions, ChunkingOptions {
  /** Called with every segmenter event (speech-start, speech-end, speech-misfire). Default: none. */
  onSpeechEvent?: (event: SpeechSegmenterEvent) => void;
}

/** Frame-level chunker: push every VAD frame with its probability, get chunks as soon as they are decided. */
export interface SpeechChunker {
  /** Takes the next frame (`frameSamples` samples in [-1, 1]) and its speech probability. */
  push(frame: Float32Array, probability: number): SpeechChunk[];
  /** Ends the stream; `totalSamples` (real samples, the last frame may be zero-padded) clips the final chunk. */
  finish(totalSamples?: number): SpeechChunk[];
  /** Samples held now: pending chunk audio plus the pre-speech look-back. */
  readonly bufferedSamples: number;
  /** The most samples ever held at once: at most one maximum chunk + 2 × (pre-pad + min speech + redemption) frames. */
  readonly highWaterSamples: number;
}

const NO_CHUNKS: SpeechChunk[] = [];

/**
 * Creates the speech chunker: a segmenter finds speech, the audio of each segment (pads included) is kept, silence
 * between segments is dropped, and the kept audio is cut into chunks at the quietest pause near the preferred length,
 * never longer than the maximum. Holds at most one maximum chunk of audio plus the look-back, whatever the stream length.
 */
export function createSpeechChunker(options: SpeechChunkerOptions = {}): SpeechChunker {
  const config = resolveSegmenterOptions(options);
  const { frameSamples, sampleRate } = config;
  const limits = resolveChunkingOptions(options, frameSamples, sampleRate);
  const segmenter = createSpeechSegmenter(config);
  // Speech is confirmed at most minSpeech + redemption − 2 frames after its first frame (a dip shorter than the
  // hangover can delay it), and its padded start is preSpeechPad before that: all the look-back ever needed.
  const lookback = createLookback(config.preSpeechPadFrames + config.minSpeechFrames + config.redemptionFrames, frameSamples);
  const content = new ChunkContent(frameSamples, limits.maxFrames + config.redemptionFrames + lookback.capacity + 2);
  let pauses: PauseMark[] = [];
  let index = 0;
  let endSample = Number.POSITIVE_INFINITY;
  let highWater = 0;

  const buffered = () => (content.length + lookback.size) * frameSamples;

  function emit(frames: number, reason: SpeechChunk['reason'], out: SpeechChunk[]): void {
    const { samples, spans } = content.take(frames, endSample);
    pauses = pauses.filter((pause) => pause.at > frames).map((pause) => ({ ...pause, at: pause.at - frames }));
    if (samples.length === 0) return;
    const startSample = spans[0]!.startSample;
    const last = spans[spans.length - 1]!.endSample;
    out.push({
      index: index++,
      bytes: encodePcm16Wav(samples, sampleRate),
      durationSeconds: samples.length / sampleRate,
      startSample,
      endSample: last,
      startSeconds: startSample / sampleRate,
      endSeconds: last / sampleRate,
      spans,
      reason,
    });
  }

  function onEvent(event: SpeechSegmenterEvent | undefined, frameIndex: number): void {
    if (event === undefined) return;
    if (event.type === 'speech-start') {
      const at = content.length;
      for (let f = event.segment.startFrame; f <= frameIndex; f++) content.append(lookback.samples(f), lookback.probability(f), f);
      if (at > 0) pauses.push({ at, meanProbability: event.segment.pauseBefore.meanProbability, frames: event.segment.pauseBefore.frames });
    } else if (event.type === 'speech-end') {
      content.truncateFrom(event.segment.endFrame);
    }
    options.onSpeechEvent?.(event);
  }

  // Cuts while the rules allow; `ended` means no more audio will come.
  function decide(out: SpeechChunk[], ended: boolean): void {
    for (;;) {
      const speaking = segmenter.speaking;
      const uncertain = speaking ? Math.max(0, segmenter.frameCount - segmenter.provisionalEndFrame) : 0;
      const committed = Math.max(0, content.length - uncertain);
      const cut = chooseCut({ committedFrames: committed, endsInPause: !speaking, pauses, probability: (i) => content.probability(i) }, limits);
      if (cut) {
        emit(cut.at, cut.reason, out);
        continue;
      }
      if (content.length > 0 && !speaking && (ended || segmenter.silentFrames > limits.maxMergeGapFrames)) emit(content.length, ended ? 'end' : 'gap', out);
      return;
    }
  }

  return {
    push(frame, rawProbability) {
      const probability = rawProbability > 1 ? 1 : rawProbability >= 0 ? rawProbability : 0;
      if (frame.length !== frameSamples) throw new RangeError(`SpeechChunker.push: expected ${frameSamples} samples, got ${frame.length}.`);
      const frameIndex = segmenter.frameCount;
      lookback.store(frameIndex, frame, probability);
      const wasSpeaking = segmenter.speaking;
      const event = segmenter.push(probability);
      if (wasSpeaking) content.append(lookback.samples(frameIndex), lookback.probability(frameIndex), frameIndex);
      onEvent(event, frameIndex);
      highWater = Math.max(highWater, buffered());
      if (!wasSpeaking && !segmenter.speaking && content.length === 0) return NO_CHUNKS;
      const out: SpeechChunk[] = [];
      decide(out, false);
      return out.length > 0 ? out : NO_CHUNKS;
    },
    finish(totalSamples) {
      if (totalSamples !== undefined) endSample = totalSamples;
      onEvent(segmenter.flush(endSample), segmenter.frameCount - 1);
      const out: SpeechChunk[] = [];
      decide(out, true);
      return out;
    },
    get bufferedSamples() {
      return buffered();
    },
    get highWaterSamples() {
      return highWater;
    },
  };
}

/** The last `capacity` frames, as 16-bit samples and probabilities, addressed by timeline frame index. */
function createLookback(capacity: number, frameSamples: number) {
  const samples = new Int16Array(capacity * frameSamples);
  const probabilities = new Float32Array(capacity);
  let stored = 0;
  const slot = (frame: number) => frame % capacity;
  return {
    capacity,
    get size() {
      return Math.min(stored, capacity);
    },
    store(frame: number, audio: Float32Array, probability: number) {
      floatToInt16(audio, samples, slot(frame) * frameSamples);
      probabilities[slot(frame)] = probability;
      stored = frame + 1;
    },
    samples: (frame: number) => samples.subarray(slot(frame) * frameSamples, (slot(frame) + 1) * frameSamples),
    probability: (frame: number) => probabilities[slot(frame)]!,
  };
}
