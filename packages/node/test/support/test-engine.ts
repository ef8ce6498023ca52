import type { Engine, ExtractInput, TemplateOutcome, TranscribeInput } from '@scribe/server';

/** The transcript every session processed by the test engine gets. */
export const TEST_TRANSCRIPT = 'Doctor: How are you feeling today? Patient: Much better, the cough has gone.';

/** An engine for the reference server that records its calls and can hold sessions in `processing`. */
export interface TestEngine extends Engine {
  /** Inputs of every transcription, oldest first. */
  readonly transcribeCalls: TranscribeInput[];
  /** Inputs of every extraction, oldest first. */
  readonly extractCalls: ExtractInput[];
  /** Lets held transcriptions finish (no-op unless `hold` was set). */
  release(): void;
}

/** Options of {@link createTestEngine}. */
export interface TestEngineOptions {
  /** Keep every session in `processing` until `release()` (or until the server aborts the run). Default false. */
  hold?: boolean;
}

/** The document the test engine extracts for a template: small, deterministic, and naming the template. */
export function templateDocument(templateId: string): Record<string, unknown> {
  return { template: templateId, assessment: 'Resolving viral cough.', plan: 'Rest and fluids; review in a week.' };
}

/** A deterministic engine: a fixed transcript (plus the chunk names it heard) and one document per template. */
export function createTestEngine(options: TestEngineOptions = {}): TestEngine {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  if (!options.hold) release();
  const engine: TestEngine = {
    transcribeCalls: [],
    extractCalls: [],
    release: () => release(),
    async transcribe(input, signal) {
      engine.transcribeCalls.push(input);
      await Promise.race([released, abortedPromise(signal)]);
      signal.throwIfAborted();
      return { text: TEST_TRANSCRIPT, language: 'en' };
    },
    async extract(input): Promise<TemplateOutcome> {
      engine.extractCalls.push(input);
      return { status: 'success', data: templateDocument(input.templateId) };
    },
  };
  return engine;
}

function abortedPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
