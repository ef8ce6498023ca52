import type * as z from 'zod';
import { clinicalNotesTemplateSchema } from './clinical-notes-template';
import { ekaEmrTemplateSchema } from './eka-emr-template';
import { transcriptTemplateSchema } from './transcript-template';

/**
 * The data schema of each production template (contract 9.3) as the reference server and its engines fill them.
 * EkaScribe's own documents may carry other fields; the schemas are loose, so unknown fields survive a parse.
 */
export const TEMPLATE_DATA_SCHEMAS = {
  transcript_template: transcriptTemplateSchema,
  clinical_notes_template: clinicalNotesTemplateSchema,
  eka_emr_template: ekaEmrTemplateSchema,
} as const;

/** A template id with a documented data shape. */
export type KnownTemplateId = keyof typeof TEMPLATE_DATA_SCHEMAS;

/** The data type of a known template id. */
export type TemplateData<Id extends KnownTemplateId> = z.infer<(typeof TEMPLATE_DATA_SCHEMAS)[Id]>;

/**
 * Checks a template entry's `data` against its documented shape: `{success: true, data}` typed for that template,
 * or `{success: false, issues}` naming the paths that did not fit (never the values: they are patient data).
 */
export function parseTemplateData<Id extends KnownTemplateId>(
  templateId: Id,
  data: unknown,
): { success: true; data: TemplateData<Id> } | { success: false; issues: string[] } {
  const result = TEMPLATE_DATA_SCHEMAS[templateId].safeParse(data);
  if (result.success) return { success: true, data: result.data as TemplateData<Id> };
  return { success: false, issues: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
}
