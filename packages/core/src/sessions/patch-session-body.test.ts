import { describe, expect, it } from 'vitest';
import { buildPatchSessionBody, type PatchSessionFields } from './patch-session-body';

describe('buildPatchSessionBody', () => {
  it('maps every allowed field to its wire key, wrapping a string language hint', () => {
    expect(
      buildPatchSessionBody({
        patientDetails: { name: 'P' },
        userStatus: 'reviewed',
        processingStatus: 'x',
        additionalData: { a: 1 },
        languageHint: 'hi',
        templates: ['eka_emr_template'],
      }),
    ).toEqual({
      patient_details: { name: 'P' },
      user_status: 'reviewed',
      processing_status: 'x',
      additional_data: { a: 1 },
      language_hint: ['hi'],
      templates: ['eka_emr_template'],
    });
  });

  it('rejects unknown keys locally with ValidationError naming them', () => {
    const fields = { patientDetail: {}, status: 'completed' } as unknown as PatchSessionFields;
    expect(() => buildPatchSessionBody(fields)).toThrow(expect.objectContaining({ code: 'validation_error', details: expect.objectContaining({ unknown_fields: ['patientDetail', 'status'] }) }));
  });

  it('refuses an empty patch', () => {
    expect(() => buildPatchSessionBody({})).toThrow(expect.objectContaining({ code: 'validation_error' }));
  });
});
