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
