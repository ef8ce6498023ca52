import type { TemplateInfo } from '../../templates.js';
import type { ExtractInput, TemplateOutcome } from '../engine.js';

/** Turns a transcript into one template's document. */
export interface Extractor {
  /** Short name for logs and errors, e.g. `rules`. */
  readonly name: string;
  /** Templates it fills; the engine's catalogue. */
  readonly templates: readonly TemplateInfo[];
  /** Extracts one template. Failures are outcomes (`{status: 'failed', error}`), not exceptions. */
  extract(input: ExtractInput, signal: AbortSignal): Promise<TemplateOutcome>;
}

/** The templates both extractors fill (contract 9.3), plus protocol ids answered from the same facts. */
export const EXTRACTOR_TEMPLATES: readonly TemplateInfo[] = [
  { id: 'clinical_notes_template', name: 'Clinical notes', description: 'SOAP notes: subjective, objective, assessment and plan.' },
  { id: 'eka_emr_template', name: 'EMR record', description: 'Symptoms, medications, vitals, diagnoses, investigations, advice and follow-up.' },
  { id: 'transcript_template', name: 'Transcript', description: 'The transcript in turns and sentences.' },
  { id: 'soap', name: 'SOAP note', description: 'Subjective, objective, assessment and plan.' },
  { id: 'medications', name: 'Medications', description: 'Medications with dose, route, frequency and duration.' },
  { id: 'vitals', name: 'Vitals', description: 'Vital signs with units.' },
];

/** A failed outcome. */
export function failedOutcome(code: string, message: string): TemplateOutcome {
  return { status: 'failed', error: { code, message } };
}
