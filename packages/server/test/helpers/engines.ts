import type { Engine, ExtractInput, TemplateOutcome, TranscribeInput } from '../../src/index.js';

/** A deterministic engine for tests that records what it was given. */
export interface RecordingEngine extends Engine {
  transcribeCalls: TranscribeInput[];
  extractCalls: ExtractInput[];
}

/** Options of the test engine. */
export interface TestEngineOptions {
  language?: string;
  /** Templates whose extraction fails. */
  failTemplates?: string[];
  /** Awaited before transcription finishes (lets a test hold a session in `processing`). */
  gate?: () => Promise<void>;
  /** Extra documents per template (several outcomes for one id). */
  documentsPerTemplate?: number;
  /** Thrown by `transcribe`. */
  fail?: Error;
  /** Chunks the engine reports as unusable. */
  skip?: string[];
}

/** Transcribes to a text naming the chunks (and their decoded sample counts); extracts a small document. */
export function createTestEngine(options: TestEngineOptions = {}): RecordingEngine {
  const engine: RecordingEngine = {
    transcribeCalls: [],
    extractCalls: [],
    async transcribe(input, signal) {
      engine.transcribeCalls.push(input);
      if (options.gate) await Promise.race([options.gate(), aborted(signal)]);
      if (options.fail) throw options.fail;
      const parts = input.chunks.map((chunk) => `${chunk.fileName}:${chunk.pcm ? chunk.pcm.length : `${chunk.bytes.length}b`}`);
      const skipped = (options.skip ?? []).map((fileName) => ({ fileName, message: `${fileName} could not be decoded` }));
      return { text: `heard ${parts.join(' ')}`, language: options.language ?? 'en-IN', skipped };
    },
    async extract(input) {
      engine.extractCalls.push(input);
      if (options.failTemplates?.includes(input.templateId)) {
        return { status: 'failed', error: { code: 'extraction_failed', message: `cannot extract ${input.templateId}` } };
      }
      const documents: TemplateOutcome[] = [];
      for (let i = 0; i < (options.documentsPerTemplate ?? 1); i += 1) {
        documents.push({ status: 'success', data: { template: input.templateId, summary: input.transcript, document: i }, extra: { document_id: `doc_${i}` } });
      }
      return documents.length === 1 ? (documents[0] as TemplateOutcome) : documents;
    },
  };
  return engine;
}

/** A promise with its resolve function exposed, to open a gate from a test. */
export function createGate(): { wait: () => Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait: () => promise, open };
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
