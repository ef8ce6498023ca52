import { EngineError, type ChunkMeasurement, type Engine, type ExtractInput, type TemplateOutcome, type TranscribeInput, type Transcription } from '../engine.js';
import type { Extractor } from '../extractors/extractor.js';
import { createRuleBasedExtractor } from '../extractors/rules/rule-based-extractor.js';
import type { Transcriber } from '../transcribers/transcriber.js';
import { decodeWithFfmpeg, DecodedTooLongError, type FfmpegInput } from './decode-with-ffmpeg.js';
import { joinSessionAudio } from './join-session-audio.js';

/** Options of `createLocalEngine`. */
export interface LocalEngineOptions {
  transcriber: Transcriber;
  /** Default: the rule-based extractor. */
  extractor?: Extractor;
  /** ffmpeg binary for compressed chunks; undefined: such chunks are skipped with a processing error. */
  ffmpeg?: string;
}

// Without limits from the server: the contract's 24 s chunk ceiling (5.4), and no session limit.
const DEFAULT_MAX_CHUNK_SECONDS = 24;

// Compressed formats (contract 5.3) the engine decodes when it has ffmpeg.
const COMPRESSED_FORMATS = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/ogg;codecs=vorbis', 'audio/mpeg', 'audio/mp4'];

/**
 * The real engine of the local service: joins the session's audio, transcribes it with `transcriber` and extracts
 * each template with `extractor`. A language the transcriber cannot do fails the session `language_unsupported`.
 */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  const extractor = options.extractor ?? createRuleBasedExtractor();
  const { transcriber, ffmpeg } = options;
  return {
    templates: extractor.templates,
    audioFormats: ffmpeg ? COMPRESSED_FORMATS : [],
    ...(ffmpeg ? { measureChunk: (audio: FfmpegInput, maxSeconds: number, signal: AbortSignal) => measureWithFfmpeg(ffmpeg, audio, maxSeconds, signal) } : {}),
    async transcribe(input: TranscribeInput, signal: AbortSignal): Promise<Transcription> {
      checkLanguage(transcriber, input.languageHints);
      const limits = { maxChunkSeconds: input.maxChunkSeconds ?? DEFAULT_MAX_CHUNK_SECONDS, maxSessionSeconds: input.maxSessionSeconds ?? Number.POSITIVE_INFINITY };
      const audio = await joinSessionAudio(input.chunks, ffmpeg, limits, signal);
      if (audio.used === 0) {
        throw new EngineError('processing_failed', `None of the audio could be decoded: ${audio.skipped.map((skip) => skip.message).join('; ')}.`);
      }
      const transcriberInput = { sessionId: input.sessionId, pcm: audio.pcm, languageHints: input.languageHints, ...(input.workDir ? { workDir: input.workDir } : {}) };
      const result = await transcriber.transcribe(transcriberInput, signal);
      return { text: result.text, language: result.language, skipped: audio.skipped };
    },
    async extract(input: ExtractInput, signal: AbortSignal): Promise<TemplateOutcome> {
      return extractor.extract(input, signal);
    },
  };
}

async function measureWithFfmpeg(command: string, input: FfmpegInput, maxSeconds: number, signal: AbortSignal): Promise<ChunkMeasurement> {
  try {
    const decoded = await decodeWithFfmpeg(input, { command, maxSeconds, keepSamples: false, signal });
    return { status: 'ok', durationSeconds: decoded.durationSeconds };
  } catch (error) {
    if (error instanceof DecodedTooLongError) return { status: 'too-long', decodedSeconds: error.decodedSeconds };
    return { status: 'undecodable', message: (error as Error).message };
  }
}

function checkLanguage(transcriber: Transcriber, hints: readonly string[]): void {
  const supported = transcriber.languages;
  if (!supported || hints.length === 0) return;
  const primary = (hint: string) => hint.toLowerCase().split(/[-_]/)[0] as string;
  if (hints.some((hint) => supported.includes(primary(hint)))) return;
  throw new EngineError(
    'language_unsupported',
    `${transcriber.name} transcribes ${supported.join(', ')} only, and the session asked for ${hints.join(', ')}. ` +
      'Use --transcriber openai-compatible with a multilingual speech-to-text server, or send language_hint "en".',
  );
}
