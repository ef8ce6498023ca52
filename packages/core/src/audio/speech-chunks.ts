import { ConfigError, InvalidAudioError, ValidationError } from '../errors';
import { silentLogger, type Logger } from '../ports/logger';
import { errorForAbort, throwIfAborted } from '../errors/abort';
import type { AudioProgressEvent } from './audio-progress-event';
import { createFramer, type Framer } from './create-framer';
import { createResampler, type Resampler, type ResamplerOptions } from './create-resampler';
import { createSpeechChunker, type SpeechChunk, type SpeechChunker, type SpeechChunkerOptions } from './create-speech-chunker';
import { mixedDownFrames } from './downmix-to-mono';
import type { PcmBlock, PcmBlockSource } from './pcm-block';
import { assertSampleRate, SPEECH_SAMPLE_RATE } from './sample-rate';
import type { VoiceActivityDetector } from './voice-activity-detector';
import { toAsyncIterator } from './to-async-iterator';

/** Options of `speechChunks`. Frame size and rate come from the detector. */
export interface SpeechChunksOptions extends Omit<SpeechChunkerOptions, 'frameSamples' | 'sampleRate'> {
  /** The voice-activity detector (16 kHz). It is reset at the start; the caller disposes it. Required. */
  vad: VoiceActivityDetector;
  /** Stops decoding with AbortError (or the signal's ScribeError reason), even while waiting for the source. */
  signal?: AbortSignal;
  /** Progress: `audio-decoded`, `speech-started`, `speech-found`, `chunk-ready`. Exceptions it throws are logged and ignored. Default: none. */
  onProgress?: (event: AudioProgressEvent) => void;
  /** Resampling filter settings (rates are fixed by the source and the detector). Default: `createResampler` defaults. */
  resampler?: Omit<ResamplerOptions, 'inputRate' | 'outputRate'>;
  /** Logger. Default: silent. */
  logger?: Logger;
}

/** Counters of a running pipeline. */
export interface SpeechChunkStats {
  /** Seconds of source audio read. */
  decodedSeconds: number;
  /** Seconds of speech found (pads included). */
  speechSeconds: number;
  /** Chunks yielded. */
  chunks: number;
  /** 16 kHz samples held by the chunker now. */
  bufferedSamples: number;
  /** The most 16 kHz samples the chunker held at once: the memory bound, whatever the input length. */
  highWaterSamples: number;
}

/** The chunks of one source, pulled lazily; iterate it once. `stats` can be read at any time. */
export interface SpeechChunkStream extends AsyncIterable<SpeechChunk> {
  /** Live counters. */
  readonly stats: SpeechChunkStats;
}

/**
 * The local audio pipeline: mixes each block down to mono, resamples it to 16 kHz, frames it for the detector, runs
 * the detector frame by frame, segments and chunks the speech, and yields WAV chunks as soon as each is decided, so
 * uploads start while decoding goes on. Memory stays at about one maximum chunk whatever the input length: the
 * source is pulled only as fast as chunks are consumed. The result plugs into `uploadChunks` as it is.
 */
export function speechChunks(source: PcmBlockSource, options: SpeechChunksOptions): SpeechChunkStream {
  const { vad } = options;
  if (vad.sampleRate !== SPEECH_SAMPLE_RATE) throw new ConfigError(`The voice-activity detector must take ${SPEECH_SAMPLE_RATE} Hz audio; it takes ${vad.sampleRate} Hz.`);
  const stats: SpeechChunkStats = { decodedSeconds: 0, speechSeconds: 0, chunks: 0, bufferedSamples: 0, highWaterSamples: 0 };
  const logger = options.logger ?? silentLogger;
  const emit = (event: AudioProgressEvent) => {
    try {
      options.onProgress?.(event);
    } catch (error) {
      logger.warn('onProgress threw; ignored', { type: event.type, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const chunker = createSpeechChunker({
    ...options,
    frameSamples: vad.frameSamples,
    sampleRate: SPEECH_SAMPLE_RATE,
    onSpeechEvent: (event) => {
      options.onSpeechEvent?.(event);
      // Only transitions are reported (a segment's start and end), never a frame: cheap enough for a store.
      if (event.type === 'speech-start') {
        emit({ type: 'speech-started', startSeconds: event.segment.startSeconds, seconds: ((event.frame + 1) * vad.frameSamples) / SPEECH_SAMPLE_RATE });
        return;
      }
      if (event.type !== 'speech-end') return;
      stats.speechSeconds += event.segment.endSeconds - event.segment.startSeconds;
      emit({ type: 'speech-found', speechSeconds: stats.speechSeconds, startSeconds: event.segment.startSeconds, endSeconds: event.segment.endSeconds });
    },
  });
  const framer = createFramer(vad.frameSamples);
  let started = false;
  return {
    get stats() {
      return { ...stats, bufferedSamples: chunker.bufferedSamples, highWaterSamples: chunker.highWaterSamples };
    },
    [Symbol.asyncIterator]() {
      if (started) throw new ValidationError('A speech chunk stream can be iterated only once.');
      started = true;
      return run({ source, options, chunker, framer, stats, emit })[Symbol.asyncIterator]();
    },
  };
}

interface RunContext {
  source: PcmBlockSource;
  options: SpeechChunksOptions;
  chunker: SpeechChunker;
  framer: Framer;
  stats: SpeechChunkStats;
  emit: (event: AudioProgressEvent) => void;
}

async function* run(context: RunContext): AsyncGenerator<SpeechChunk, void, undefined> {
  const { options, chunker, framer, stats, emit } = context;
  const { vad, signal } = options;
  let resampler: Resampler | undefined;
  let totalSamples = 0;

  async function* feed(samples: Float32Array): AsyncGenerator<SpeechChunk, void, undefined> {
    totalSamples += samples.length;
    for (const frame of framer.push(samples)) yield* detect(frame);
  }

  async function* detect(frame: Float32Array): AsyncGenerator<SpeechChunk, void, undefined> {
    throwIfAborted(signal);
    const probability = await vad.process(frame);
    throwIfAborted(signal);
    yield* deliver(chunker.push(frame, probability));
  }

  function* deliver(chunks: SpeechChunk[]): Generator<SpeechChunk, void, undefined> {
    for (const chunk of chunks) {
      stats.chunks += 1;
      emit({ type: 'chunk-ready', index: chunk.index, startSeconds: chunk.startSeconds, endSeconds: chunk.endSeconds, durationSeconds: chunk.durationSeconds, byteLength: chunk.bytes.length });
      yield chunk;
    }
  }

  throwIfAborted(signal);
  vad.reset();
  const iterator = toAsyncIterator(context.source);
  let finished = false;
  try {
    for (;;) {
      const next = await nextUnlessAborted(iterator, signal);
      if (next.done) break;
      const block = next.value;
      const frames = framesOf(block);
      if (resampler?.inputRate !== block.sampleRate) {
        // A source may change rate mid-stream (a device switch): finish the old filter, then start a new one.
        const tail = resampler?.flush();
        if (tail) yield* feed(tail);
        resampler = createResampler({ ...options.resampler, inputRate: block.sampleRate, outputRate: SPEECH_SAMPLE_RATE });
      }
      stats.decodedSeconds += frames / block.sampleRate;
      emit({ type: 'audio-decoded', seconds: stats.decodedSeconds });
      // The resampler mixes the channels down as it takes them in: no mono block in between.
      yield* feed(resampler.processChannels(block.channels));
    }
    finished = true;
  } finally {
    if (!finished) void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
  if (resampler) yield* feed(resampler.flush());
  const final = framer.flush();
  if (final) yield* detect(final.frame);
  yield* deliver(chunker.finish(totalSamples));
}

function framesOf(block: PcmBlock): number {
  if (block.channels.length === 0) throw new InvalidAudioError('An audio block has zero channels.');
  assertSampleRate(block.sampleRate, 'An audio block');
  return mixedDownFrames(block.channels);
}


// A microphone may never yield again; an abort must not wait for it.
async function nextUnlessAborted(iterator: AsyncIterator<PcmBlock>, signal: AbortSignal | undefined): Promise<IteratorResult<PcmBlock>> {
  throwIfAborted(signal);
  if (!signal) return iterator.next();
  const next = iterator.next();
  next.catch(() => undefined);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(errorForAbort(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([next, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
