import { createHash } from 'node:crypto';
import type { Engine } from './processing/engine.js';

/** A template the server lists at `{P}/templates` and knows how to extract. */
export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
}

/** The reserved id whose result is the transcript itself (contract 3.7, 10 #30). */
export const TRANSCRIPT_TEMPLATE_ID = 'transcript';

/** The production templates (9.3) plus the protocol's standard ids, handed to the engine for extraction. */
export const DEFAULT_TEMPLATES: readonly TemplateInfo[] = [
  { id: 'clinical_notes_template', name: 'Clinical notes', description: 'Comprehensive structured clinical notes.' },
  { id: 'eka_emr_template', name: 'EMR record', description: 'EMR-compatible structured record.' },
  { id: 'transcript_template', name: 'Transcript', description: 'Transcription with light structuring.' },
  { id: 'soap', name: 'SOAP note', description: 'Subjective, objective, assessment and plan.' },
  { id: 'medications', name: 'Medications', description: 'Medications with dosage and frequency.' },
  { id: 'hpi', name: 'History of present illness', description: 'Narrative history of the present illness.' },
  { id: 'vitals', name: 'Vitals', description: 'Vital signs mentioned in the consultation.' },
  { id: 'discharge_summary', name: 'Discharge summary', description: 'Summary for discharge from care.' },
  { id: 'referral_letter', name: 'Referral letter', description: 'Letter referring the patient onwards.' },
];

/** Body of `GET {P}/templates` (contract 2.3). */
export function templatesListBody(templates: readonly TemplateInfo[]): unknown {
  return { templates: templates.map(({ id, name, description }) => ({ id, name, description })) };
}

/**
 * The catalogue as an on-prem EkaScribe holds it: each template under a database-style UUID, derived from its id so it
 * is the same on every start (name-based, RFC 4122 version 5 layout); `transcript` keeps its reserved id.
 */
export function onPremTemplates(templates: readonly TemplateInfo[]): TemplateInfo[] {
  return templates.map((template) => (template.id === TRANSCRIPT_TEMPLATE_ID ? template : { ...template, id: templateUuid(template.id) }));
}

/**
 * The engine behind an on-prem catalogue: it lists the UUID catalogue and is asked to extract under the original id
 * (the rules extractor and other engines know `soap`, not its UUID). Ids it was never given a UUID for pass unchanged.
 */
export function onPremEngine(engine: Engine, templates: readonly TemplateInfo[]): Engine {
  const original = new Map(templates.map((template) => [templateUuid(template.id), template.id]));
  return {
    templates: onPremTemplates(templates),
    ...(engine.audioFormats ? { audioFormats: engine.audioFormats } : {}),
    transcribe: (input, signal) => engine.transcribe(input, signal),
    extract: (input, signal) => engine.extract({ ...input, templateId: original.get(input.templateId) ?? input.templateId }, signal),
  };
}

/** The UUID an on-prem catalogue gives a template id. */
export function templateUuid(id: string): string {
  const bytes = createHash('sha1').update(`scribe-template:${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Body of `GET {P}/templates` on the on-prem variant: a paginated `{items}` page of the whole catalogue. */
export function onPremTemplatesListBody(templates: readonly TemplateInfo[]): unknown {
  const items = templates.map(({ id, name, description }) => ({ id, name, description }));
  return { items, total: items.length, page: 1, page_size: items.length };
}
