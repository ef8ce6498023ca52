/** What a transcriber receives: the session's audio joined in chunk order. */
export interface TranscriberInput {
  sessionId: string;
  /** Mono float32 PCM at 16 kHz. */
  pcm: Float32Array;
  /** Requested languages; empty means detect. */
  languageHints: readonly string[];
  /** Where temporary files go: under the server's data directory, swept at start-up. Default: the transcriber's own choice. */
  workDir?: string;
}

/** A transcript. */
export interface TranscriberResult {
  /** Utterances separated by line breaks. */
  text: string;
  /** Language of the transcript (BCP 47 or ISO 639-1). */
  language: string;
}

/** Speech recognition behind the local engine. */
export interface Transcriber {
  /** Short name for logs and errors, e.g. `pocketsphinx`. */
  readonly name: string;
  /** ISO 639-1 codes it can transcribe, or undefined when any language may be asked for. */
  readonly languages?: readonly string[];
  /** Transcribes; throws an `EngineError` whose message says what went wrong and what to do. */
  transcribe(input: TranscriberInput, signal: AbortSignal): Promise<TranscriberResult>;
}
