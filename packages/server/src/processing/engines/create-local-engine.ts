import { EngineError, type Engine, type ExtractInput, type TemplateOutcome, type TranscribeInput, type Transcription } from '../engine.js';
import type { Extractor } from '../extractors/extractor.js';
import { createRuleBasedExtractor } from '../extractors/rules/rule-based-extractor.js';
import type { Transcriber } from '../transcribers/transcriber.js';
import { joinSessionAudio } from './join-session-audio.js';

/** Options of `createLocalEngine`. */
export interface LocalEngineOptions {
  transcriber: Transcriber;
  /** Default: the rule-based extractor. */
  extractor?: Extractor;
  /** ffmpeg binary for compressed chunks; undefined: such chunks are skipped with a processing error. */
  ffmpeg?: string;
}

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
    async transcribe(input: TranscribeInput, signal: AbortSignal): Promise<Transcription> {
      checkLanguage(transcriber, input.languageHints);
      const audio = await joinSessionAudio(input.chunks, ffmpeg, signal);
      if (audio.used === 0) {
        throw new EngineError('processing_failed', `None of the audio could be decoded: ${audio.skipped.map((skip) => skip.message).join('; ')}.`);
      }
      const result = await transcriber.transcribe({ sessionId: input.sessionId, pcm: audio.pcm, languageHints: input.languageHints }, signal);
      return { text: result.text, language: result.language, skipped: audio.skipped };
    },
    async extract(input: ExtractInput, signal: AbortSignal): Promise<TemplateOutcome> {
      return extractor.extract(input, signal);
    },
  };
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
