import type { SessionRecord, TemplateEntry, TemplateResultWire } from '../store/session-record.js';
import { TRANSCRIPT_TEMPLATE_ID, type TemplateInfo } from '../templates.js';
import type { Engine, TemplateOutcome } from './engine.js';

/** What extraction needs besides the engine. */
export interface ExtractionInput {
  record: SessionRecord;
  templateIds: readonly string[];
  transcript: string;
  language: string;
  catalogue: readonly TemplateInfo[];
  signal: AbortSignal;
}

/**
 * Extracts each template in order. `transcript` is answered by the server itself; ids outside the catalogue fail
 * alone with `template_not_found`; an engine that throws fails that template with `extraction_failed`.
 */
export async function extractTemplates(engine: Engine, input: ExtractionInput): Promise<TemplateEntry[]> {
  const entries: TemplateEntry[] = [];
  for (const templateId of input.templateIds) {
    if (input.signal.aborted) break;
    for (const result of await extractOne(engine, templateId, input)) entries.push({ templateId, result });
  }
  return entries;
}

async function extractOne(engine: Engine, templateId: string, input: ExtractionInput): Promise<TemplateResultWire[]> {
  if (templateId === TRANSCRIPT_TEMPLATE_ID) return [{ status: 'success', data: { transcript: input.transcript } }];
  if (!input.catalogue.some((template) => template.id === templateId)) {
    return [failed('template_not_found', `Unknown template ${templateId}`)];
  }
  const { record } = input;
  try {
    const outcome = await engine.extract(
      {
        sessionId: record.sessionId,
        templateId,
        transcript: input.transcript,
        language: input.language,
        model: record.model,
        sessionMode: record.sessionMode,
        ...(record.patientDetails ? { patientDetails: record.patientDetails } : {}),
      },
      input.signal,
    );
    const outcomes = Array.isArray(outcome) ? outcome : [outcome];
    if (outcomes.length === 0) return [failed('extraction_failed', `No document was extracted for ${templateId}`)];
    return outcomes.map(toWire);
  } catch (error) {
    return [failed('extraction_failed', error instanceof Error ? error.message : String(error))];
  }
}

function toWire(outcome: TemplateOutcome): TemplateResultWire {
  if (outcome.status === 'success') return { ...(outcome.extra ?? {}), status: 'success', data: outcome.data };
  return failed(outcome.error.code, outcome.error.message);
}

function failed(code: string, message: string): TemplateResultWire {
  return { status: 'failed', error: { code, message } };
}

/** Normalises an engine's language to the 2-letter code reported as `language_detected` (contract 10 #38). */
export function primaryLanguage(language: string, fallback: string): string {
  const match = /^([A-Za-z]{2})(?:$|[-_])/.exec(language.trim());
  return match ? (match[1] as string).toLowerCase() : fallback;
}
