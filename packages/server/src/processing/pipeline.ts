import type { SessionStore } from '../store/session-store.js';
import { sessionKey } from '../store/session-store.js';
import type { ProcessingErrorEntry, SessionRecord, TemplateEntry } from '../store/session-record.js';
import type { TemplateInfo } from '../templates.js';
import type { Clock } from '../time.js';
import type { WebhookEvent } from '../webhooks/registry.js';
import { AUTO_DETECT } from '../sessions/validation.js';
import { EngineError, type Engine } from './engine.js';
import { extractTemplates, primaryLanguage } from './extraction.js';
import { loadChunks } from './load-chunks.js';

/** What the pipeline needs. */
export interface PipelineDependencies {
  store: SessionStore;
  engine: Engine;
  catalogue: readonly TemplateInfo[];
  maxChunkSeconds: number;
  /** The engine's temporary files go here (`{dataDir}/tmp`, swept at start-up). */
  workDir: string;
  now: Clock;
  emit(record: SessionRecord, event: WebhookEvent): void;
  log(line: string): void;
}

type RunResult =
  | { kind: 'failed'; code: string; message: string; errors: ProcessingErrorEntry[] }
  | { kind: 'done'; transcript: string; language: string; processed: number; errors: ProcessingErrorEntry[]; entries: TemplateEntry[] };

/**
 * Runs transcription and extraction for sessions in `processing`, off the request path. The work to do is the
 * record's `pendingRun`, saved before the run starts, so a run cut short by a restart is simply started again.
 */
export class ProcessingPipeline {
  private readonly running = new Map<string, Promise<void>>();
  private readonly closing = new AbortController();

  constructor(private readonly deps: PipelineDependencies) {}

  /**
   * Processes a session's pending work in the background. A call while a run of the same session is still winding
   * down (a reprocess request right after the result was saved) queues behind it instead of being lost.
   */
  start(record: SessionRecord): void {
    const key = sessionKey(record.businessId, record.sessionId);
    if (this.closing.signal.aborted) return;
    const previous = this.running.get(key) ?? Promise.resolve();
    const run = previous
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.run(record.businessId, record.sessionId))
      .catch((error: unknown) => this.deps.log(`processing ${record.sessionId} crashed: ${(error as Error).stack ?? String(error)}`))
      .finally(() => {
        if (this.running.get(key) === run) this.running.delete(key);
      });
    this.running.set(key, run);
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Aborts runs in progress without recording an outcome; they resume at the next start. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.idle();
  }

  private async run(businessId: string, sessionId: string): Promise<void> {
    const record = this.deps.store.get(businessId, sessionId);
    if (!record || record.status !== 'processing' || !record.pendingRun) return;
    const signal = this.closing.signal;
    const result = record.pendingRun.kind === 'full' ? await this.fullRun(record, signal) : await this.templatesRun(record, record.pendingRun.templateIds, signal);
    if (signal.aborted) return;
    await this.finish(record, result);
  }

  private async fullRun(record: SessionRecord, signal: AbortSignal): Promise<RunResult> {
    const errors: ProcessingErrorEntry[] = [];
    if (record.audioFilesSent !== undefined && record.audioFilesSent !== record.files.length) {
      errors.push({ type: 'audio_files_mismatch', message: `client sent ${record.audioFilesSent}, server received ${record.files.length}` });
    }
    if (record.streamBytesSent !== undefined && record.streamBytesStored !== undefined && record.streamBytesSent > record.streamBytesStored) {
      errors.push({ type: 'stream_incomplete', message: `client streamed ${record.streamBytesSent} bytes, server stored ${record.streamBytesStored}` });
    }
    if (record.files.length === 0) return { kind: 'failed', code: 'audio_too_short', message: 'No audio was received before the session ended.', errors };
    // The session's lifetime is its model's maximum duration: no more audio than that is ever decoded for it.
    const maxSessionSeconds = (record.expiresAt - record.createdAt) / 1000;
    const { chunks, skipped } = await loadChunks(this.deps.store, record, this.deps.maxChunkSeconds, maxSessionSeconds);
    errors.push(...skipped);
    if (chunks.length === 0) return { kind: 'failed', code: 'processing_failed', message: 'None of the audio files could be decoded.', errors };
    const hints = (record.languageHint ?? []).filter((language) => language !== AUTO_DETECT);
    const transcriptLanguages = record.transcriptLanguage === undefined ? [] : [record.transcriptLanguage].flat();
    let transcription;
    try {
      transcription = await this.deps.engine.transcribe(
        {
          sessionId: record.sessionId,
          chunks,
          languageHints: hints,
          transcriptLanguages,
          model: record.model,
          sessionMode: record.sessionMode,
          maxChunkSeconds: this.deps.maxChunkSeconds,
          maxSessionSeconds,
          workDir: this.deps.workDir,
        },
        signal,
      );
    } catch (error) {
      const code = error instanceof EngineError ? error.code : 'processing_failed';
      return { kind: 'failed', code, message: error instanceof Error ? error.message : String(error), errors };
    }
    for (const skip of transcription.skipped ?? []) errors.push({ type: 'audio_file_skipped', message: skip.message, file: skip.fileName });
    const language = primaryLanguage(transcription.language, hints[0] ?? 'en');
    const entries = await extractTemplates(this.deps.engine, {
      record,
      templateIds: record.templates,
      transcript: transcription.text,
      language,
      catalogue: this.deps.catalogue,
      signal,
    });
    const processed = chunks.length - (transcription.skipped?.length ?? 0);
    return { kind: 'done', transcript: transcription.text, language, processed, errors, entries };
  }

  private async templatesRun(record: SessionRecord, templateIds: string[], signal: AbortSignal): Promise<RunResult> {
    const transcript = record.transcript ?? '';
    const language = record.languageDetected ?? 'en';
    const fresh = await extractTemplates(this.deps.engine, { record, templateIds, transcript, language, catalogue: this.deps.catalogue, signal });
    // Keep other templates' results and put the new ones where the placeholders stood.
    const entries: TemplateEntry[] = [];
    for (const entry of record.results ?? []) {
      if (!templateIds.includes(entry.templateId)) entries.push(entry);
      else if (entry.result.status === 'processing') entries.push(...fresh.filter((candidate) => candidate.templateId === entry.templateId));
    }
    return { kind: 'done', transcript, language, processed: record.audioFilesProcessed ?? record.files.length, errors: record.processingErrors, entries };
  }

  private async finish(started: SessionRecord, result: RunResult): Promise<void> {
    const { store } = this.deps;
    const saved = await store.withLock(started.businessId, started.sessionId, async () => {
      const current = store.get(started.businessId, started.sessionId);
      if (!current || current.status !== 'processing') return undefined;
      const next: SessionRecord = { ...current, pendingRun: undefined, completedAt: this.deps.now() };
      if (result.kind === 'failed') {
        const error = { code: result.code, message: result.message };
        Object.assign(next, { status: 'failed', error, processingErrors: result.errors });
        next.results = current.templates.map((templateId) => ({ templateId, result: { status: 'failed', error } }));
      } else {
        const clean = result.errors.length === 0 && result.entries.every((entry) => entry.result.status === 'success');
        Object.assign(next, {
          status: clean ? 'completed' : 'partial',
          transcript: result.transcript,
          languageDetected: result.language,
          audioFilesProcessed: result.processed,
          processingErrors: result.errors,
          results: result.entries,
          error: undefined,
        });
      }
      const firstTerminal = !current.terminalEventSent;
      next.terminalEventSent = true;
      await store.save(next);
      return firstTerminal ? next : undefined;
    });
    if (saved) this.deps.emit(saved, `session.${saved.status}` as WebhookEvent);
  }
}
