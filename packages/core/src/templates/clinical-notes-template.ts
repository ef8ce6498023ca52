import * as z from 'zod';

/**
 * Data of `clinical_notes_template`: a SOAP note. Each section is plain text written only from facts found in the
 * transcript; a section with nothing to say is an empty string, never filler.
 */
export const clinicalNotesTemplateSchema = /* @__PURE__ */ z.looseObject({
  /** What the patient reports: complaints with durations, denied symptoms, known conditions, current medicines. */
  subjective: z.string(),
  /** What was measured or observed: vitals with units. */
  objective: z.string(),
  /** Diagnoses or impressions stated in the consultation. */
  assessment: z.string(),
  /** Medicines prescribed, investigations ordered, advice and follow-up. */
  plan: z.string(),
  /** The first complaint, when there is one. */
  chief_complaint: z.string().nullable(),
});

/** Data of `clinical_notes_template`. */
export type ClinicalNotesTemplate = z.infer<typeof clinicalNotesTemplateSchema>;
