import { encodeWav } from '@scribe/core/internal';
import { ENGINE_SAMPLE_RATE, EngineError } from '../engine.js';
import { endpointUrl } from '../openai-endpoint.js';
import type { Transcriber, TranscriberInput, TranscriberResult } from './transcriber.js';

/** Options of `createOpenAiCompatibleTranscriber`. */
export interface OpenAiCompatibleTranscriberOptions {
  /** Server URL: its base (`http://127.0.0.1:8080`), its `/v1`, or the full `/v1/audio/transcriptions` address. */
  url: string;
  /** Sent as `Authorization: Bearer <key>` when given. */
  apiKey?: string;
  /** The `model` form field. Default `whisper-1` (local servers mostly ignore it). */
  model?: string;
  /** Per-request timeout in ms. Default 300000. */
  timeoutMs?: number;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Transcribes through any HTTP endpoint shaped like OpenAI's `POST /v1/audio/transcriptions` (a local whisper.cpp or
 * faster-whisper server, for example): the session's audio goes up as one 16 kHz WAV in a multipart form with the
 * first language hint, and the JSON answer's `text` is the transcript.
 */
export function createOpenAiCompatibleTranscriber(options: OpenAiCompatibleTranscriberOptions): Transcriber {
  const url = endpointUrl(options.url, '/audio/transcriptions');
  const fetcher = options.fetch ?? fetch;
  return {
    name: 'openai-compatible',
    async transcribe(input: TranscriberInput, signal: AbortSignal): Promise<TranscriberResult> {
      const form = new FormData();
      const wav = encodeWav(input.pcm, { sampleRate: ENGINE_SAMPLE_RATE });
      form.append('file', new Blob([wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }), `${input.sessionId}.wav`);
      form.append('model', options.model ?? 'whisper-1');
      form.append('response_format', 'json');
      const hint = input.languageHints[0];
      if (hint) form.append('language', hint);
      const headers: Record<string, string> = options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {};
      let response: Response;
      try {
        response = await fetcher(url, { method: 'POST', body: form, headers, signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 300_000)]) });
      } catch (error) {
        throw new EngineError('processing_failed', `The transcription endpoint ${url} could not be reached: ${(error as Error).message}`);
      }
      const body = await response.text();
      if (!response.ok) throw new EngineError('processing_failed', `The transcription endpoint ${url} answered HTTP ${response.status}: ${body.slice(0, 200)}`);
      let parsed: { text?: unknown; language?: unknown };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        throw new EngineError('processing_failed', `The transcription endpoint ${url} answered something that is not JSON (${body.slice(0, 80)}...).`);
      }
      if (typeof parsed.text !== 'string') throw new EngineError('processing_failed', `The transcription endpoint ${url} answered JSON without a "text" string.`);
      return { text: parsed.text.trim(), language: typeof parsed.language === 'string' && parsed.language ? parsed.language : (hint ?? 'en') };
    },
  };
}
