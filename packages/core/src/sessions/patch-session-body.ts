import { ValidationError } from '../errors';

/** Fields `patch` may change (contract 2.7, `eka` extension); each replaces the stored value, nothing is merged. */
export interface PatchSessionFields {
  /** Replaces `patient_details`. */
  patientDetails?: Record<string, unknown>;
  /** Opaque status string of the user's own workflow; never ends the session. */
  userStatus?: string;
  /** Opaque processing status string; never ends the session. */
  processingStatus?: string;
  /** Replaces `additional_data`. */
  additionalData?: Record<string, unknown>;
  /** Replaces `language_hint`; a string is wrapped in a list. */
  languageHint?: string | readonly string[];
  /** Replaces the requested templates. */
  templates?: readonly string[];
}

const WIRE_KEYS: Record<keyof PatchSessionFields, string> = {
  patientDetails: 'patient_details',
  userStatus: 'user_status',
  processingStatus: 'processing_status',
  additionalData: 'additional_data',
  languageHint: 'language_hint',
  templates: 'templates',
};

/**
 * The PATCH body for `fields`. Unknown keys are refused locally with ValidationError (the server would answer 400
 * anyway, and a typo such as `patient_detail` should not silently do nothing); undefined values are left out.
 */
export function buildPatchSessionBody(fields: PatchSessionFields): Record<string, unknown> {
  const unknown = Object.keys(fields).filter((key) => !Object.hasOwn(WIRE_KEYS, key));
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown session field(s) ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${Object.keys(WIRE_KEYS).join(', ')}.`, {
      details: { unknown_fields: unknown, allowed_fields: Object.keys(WIRE_KEYS) },
    });
  }
  const body: Record<string, unknown> = {};
  for (const [key, wireKey] of Object.entries(WIRE_KEYS) as [keyof PatchSessionFields, string][]) {
    const value = fields[key];
    if (value === undefined) continue;
    body[wireKey] = key === 'languageHint' && typeof value === 'string' ? [value] : value;
  }
  if (Object.keys(body).length === 0) throw new ValidationError('patch needs at least one field to change.');
  return body;
}
