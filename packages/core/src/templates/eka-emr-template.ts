import * as z from 'zod';
import { clinicalDurationSchema } from './clinical-duration';

/** A symptom the patient has (negated mentions are listed under `absent_symptoms` instead). */
export const emrSymptomSchema = /* @__PURE__ */ z.looseObject({
  /** Canonical name, e.g. `chest pain` for "pain in the chest". */
  name: z.string(),
  /** How long it has lasted, when said. */
  duration: clinicalDurationSchema.nullable(),
  /**
   * When it began, as said, when that is a point in time rather than a length ("since Monday", "since this morning"):
   * kept as words because the day it names depends on when and where the consultation took place. Absent in
   * documents written before it existed.
   */
  onset: z.string().nullable().optional(),
  /** `mild`, `moderate`, `severe`, ... when said. */
  severity: z.string().nullable(),
  /** ICD-10 code of the symptom, when the lexicon has one. */
  icd10: z.string().nullable(),
  /** The sentence it was found in. */
  text: z.string(),
});

/** A symptom the patient denied ("no fever"). */
export const emrAbsentSymptomSchema = /* @__PURE__ */ z.looseObject({ name: z.string(), text: z.string() });

/** A dose: `{value: 500, unit: "mg", text: "500 mg"}`. */
export const emrDoseSchema = /* @__PURE__ */ z.looseObject({ value: z.number().nonnegative(), unit: z.string(), text: z.string() });

/** How often a medicine is taken. */
export const emrFrequencySchema = /* @__PURE__ */ z.looseObject({
  /** Normalised wording: `once daily`, `twice daily`, `every 6 hours`, `at night`, `1-0-1`, ... */
  text: z.string(),
  /** Doses per day when it follows from the wording; null for weekly or as-needed use. */
  times_per_day: z.number().nonnegative().nullable(),
  /** Morning-noon-night pattern (`1-0-1`) when one was said or follows from BD/TDS-style codes. */
  pattern: z.string().nullable(),
  /** Taken only when needed (SOS, PRN). */
  as_needed: z.boolean(),
});

/** A medicine prescribed or being taken. */
export const emrMedicationSchema = /* @__PURE__ */ z.looseObject({
  /** Generic (INN) name from the lexicon, e.g. `paracetamol` for "acetaminophen". */
  name: z.string(),
  /** The words used in the consultation. */
  spoken_name: z.string(),
  /** WHO ATC code of the lexicon entry, when it has one. */
  atc: z.string().nullable(),
  dose: emrDoseSchema.nullable(),
  /** `oral`, `inhaled`, `topical`, `intravenous`, ... when said or implied by the form (tablet, inhaler). */
  route: z.string().nullable(),
  frequency: emrFrequencySchema.nullable(),
  duration: clinicalDurationSchema.nullable(),
  /** `after food`, `before food`, `at bedtime`, ... */
  timing: z.string().nullable(),
  text: z.string(),
});

/** Kinds of vital sign the extractor knows. */
export const VITAL_NAMES = [
  'blood_pressure',
  'pulse',
  'temperature',
  'respiratory_rate',
  'oxygen_saturation',
  'weight',
  'height',
  'blood_glucose',
] as const;

/** A measured vital sign with its unit. */
export const emrVitalSchema = /* @__PURE__ */ z.looseObject({
  name: z.enum(VITAL_NAMES),
  /** The reading as written in a chart: `140/90`, `101`, `98.6`. */
  value: z.string(),
  /** `mmHg`, `/min`, `°F`, `°C`, `%`, `kg`, `cm`, `mg/dL`, ... */
  unit: z.string(),
  text: z.string(),
});

/** A condition stated in the consultation. */
export const emrDiagnosisSchema = /* @__PURE__ */ z.looseObject({
  name: z.string(),
  /** WHO ICD-10 code of the lexicon entry, when it has one. */
  icd10: z.string().nullable(),
  /** `suspected` when hedged ("looks like", "probably"), else `stated`. */
  certainty: z.enum(['stated', 'suspected']),
  text: z.string(),
});

/** A test ordered or discussed. */
export const emrInvestigationSchema = /* @__PURE__ */ z.looseObject({ name: z.string(), text: z.string() });

/** When to come back. */
export const emrFollowUpSchema = /* @__PURE__ */ z.looseObject({
  interval: clinicalDurationSchema.nullable(),
  /** The sentence, including any condition ("if the fever does not go away"). */
  text: z.string(),
});

/** Data of `eka_emr_template`: structured EMR fields. */
export const ekaEmrTemplateSchema = /* @__PURE__ */ z.looseObject({
  symptoms: z.array(emrSymptomSchema),
  absent_symptoms: z.array(emrAbsentSymptomSchema),
  medications: z.array(emrMedicationSchema),
  vitals: z.array(emrVitalSchema),
  diagnoses: z.array(emrDiagnosisSchema),
  investigations: z.array(emrInvestigationSchema),
  /** Advice sentences (diet, rest, lifestyle), as said. */
  advice: z.array(z.string()),
  follow_up: emrFollowUpSchema.nullable(),
});

/** One symptom of `eka_emr_template`. */
export type EmrSymptom = z.infer<typeof emrSymptomSchema>;
/** One denied symptom of `eka_emr_template`. */
export type EmrAbsentSymptom = z.infer<typeof emrAbsentSymptomSchema>;
/** A medication dose. */
export type EmrDose = z.infer<typeof emrDoseSchema>;
/** A medication frequency. */
export type EmrFrequency = z.infer<typeof emrFrequencySchema>;
/** One medication of `eka_emr_template`. */
export type EmrMedication = z.infer<typeof emrMedicationSchema>;
/** A vital sign kind. */
export type VitalName = (typeof VITAL_NAMES)[number];
/** One vital of `eka_emr_template`. */
export type EmrVital = z.infer<typeof emrVitalSchema>;
/** One diagnosis of `eka_emr_template`. */
export type EmrDiagnosis = z.infer<typeof emrDiagnosisSchema>;
/** One investigation of `eka_emr_template`. */
export type EmrInvestigation = z.infer<typeof emrInvestigationSchema>;
/** The follow-up of `eka_emr_template`. */
export type EmrFollowUp = z.infer<typeof emrFollowUpSchema>;
/** Data of `eka_emr_template`. */
export type EkaEmrTemplate = z.infer<typeof ekaEmrTemplateSchema>;

/** An `eka_emr_template` with nothing in it: what a consultation with no clinical content records. */
export function emptyEkaEmr(): EkaEmrTemplate {
  return { symptoms: [], absent_symptoms: [], medications: [], vitals: [], diagnoses: [], investigations: [], advice: [], follow_up: null };
}
