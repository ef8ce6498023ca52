import { describe, expect, it } from 'vitest';
import { ScribeError } from '../errors';
import { parsePatchSessionResponse, parseSessionResult, SessionResult } from './session-result';

const partialKeyed = {
  session_id: 'ses_4fQ9x2LmA7bC1dE3gH5jK8nP',
  status: 'partial',
  created_at: '2026-11-24T10:30:00.000Z',
  expires_at: '2026-11-24T11:30:00.000Z',
  completed_at: '2026-11-24T10:33:00.000Z',
  model_used: 'lite',
  language_detected: 'en',
  audio_files_received: 3,
  audio_files_processed: 2,
  audio_files: ['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav'],
  additional_data: { encounter: 'E-17' },
  transcript: 'Doctor: ...',
  templates: {
    clinical_notes_template: { status: 'success', data: { subjective: '...' } },
    soap: { status: 'failed', error: { code: 'template_not_found', message: 'Unknown template soap' } },
  },
  processing_errors: [{ type: 'audio_file_skipped', message: 'chunk_2.wav could not be decoded', file: 'chunk_2.wav' }],
  server_extra: { kept: true },
};

const ekaList = {
  session_id: 'ses_a-b_c',
  status: 'completed',
  created_at: 1764066600,
  expires_at: 1764070200000,
  transcript: 'Doctor: hello',
  templates: [
    { clinical_notes_template: { status: 'success', data: { plan: 'rest' } } },
    { eka_emr_template: { status: 'success', data: { medications: [] }, document_id: 'doc_1' } },
    { eka_emr_template: { status: 'success', data: { medications: ['x'] }, document_id: 'doc_2' } },
  ],
  patient_details: { name: 'A', oid: 'o1' },
};

describe('parseSessionResult [#60, #61, #62]', () => {
  it('reads an msa keyed 206 body into the list form with a keyed accessor', () => {
    const result = parseSessionResult(partialKeyed, 206);
    expect(result).toBeInstanceOf(SessionResult);
    expect(result.status).toBe('partial');
    expect(result.httpStatus).toBe(206);
    expect(result.terminal).toBe(true);
    expect(result.templates).toEqual([
      { clinical_notes_template: { status: 'success', data: { subjective: '...' } } },
      { soap: { status: 'failed', error: { code: 'template_not_found', message: 'Unknown template soap' } } },
    ]);
    expect(result.template('soap')?.error?.code).toBe('template_not_found');
    expect(result.template('missing')).toBeUndefined();
    expect(Object.keys(result.templatesById)).toEqual(['clinical_notes_template', 'soap']);
    expect(result.audioFilesReceived).toBe(3);
    expect(result.audioFilesProcessed).toBe(2);
    expect(result.audioFiles).toEqual(['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav']);
    expect(result.processingErrors).toEqual(partialKeyed.processing_errors);
    expect(result.additionalData).toEqual({ encounter: 'E-17' });
    expect(result.modelUsed).toBe('lite');
    expect(result.languageDetected).toBe('en');
    expect(result.transcript).toBe('Doctor: ...');
    expect(result.completedAt?.date?.toISOString()).toBe('2026-11-24T10:33:00.000Z');
    expect(result.raw.server_extra).toEqual({ kept: true });
  });

  it('reads an eka list body with repeated ids, integer timestamps and patient details', () => {
    const result = parseSessionResult(ekaList, 200);
    expect(result.sessionId).toBe('ses_a-b_c');
    expect(result.templates).toHaveLength(3);
    expect(result.templatesFor('eka_emr_template').map((entry) => entry.document_id)).toEqual(['doc_1', 'doc_2']);
    expect(result.template('eka_emr_template')?.document_id).toBe('doc_1');
    expect(result.templatesById.eka_emr_template?.document_id).toBe('doc_1');
    expect(result.createdAt).toEqual({ raw: 1764066600, date: new Date(1764066600_000) });
    expect(result.expiresAt?.date?.getTime()).toBe(1764070200000);
    expect(result.patientDetails).toEqual({ name: 'A', oid: 'o1' });
  });

  it('iterates like the Python docs: for doc in templates, for (id, payload) in doc', () => {
    const seen: string[] = [];
    for (const doc of parseSessionResult(ekaList).templates) {
      for (const [templateId, payload] of Object.entries(doc)) seen.push(`${templateId}:${payload.status}`);
    }
    expect(seen).toEqual(['clinical_notes_template:success', 'eka_emr_template:success', 'eka_emr_template:success']);
  });

  it('reads the failed shape with a session error (object or string)', () => {
    const failed = parseSessionResult({
      session_id: 'ses_x',
      status: 'failed',
      audio_files_received: 0,
      audio_files: [],
      additional_data: {},
      error: { code: 'audio_too_short', message: 'No audio was received before the session ended.' },
    }, 200);
    expect(failed.terminal).toBe(true);
    expect(failed.error).toEqual({ code: 'audio_too_short', message: 'No audio was received before the session ended.' });
    expect(failed.templates).toEqual([]);
    expect(failed.transcript).toBeUndefined();
    expect(parseSessionResult({ session_id: 's', status: 'failed', error: 'kaput' }).error).toMatchObject({ code: 'unknown', message: 'kaput' });
  });

  it('reads the 410 expired body (null transcript, empty templates)', () => {
    const expired = parseSessionResult({
      session_id: 'ses_expired123',
      status: 'expired',
      created_at: '2025-01-19T10:00:00Z',
      expires_at: '2025-01-19T11:00:00Z',
      expired_at: '2025-01-19T11:00:00',
      message: 'Session expired before it was ended.',
      audio_files_received: 2,
      audio_files: ['chunk_0.wav', 'chunk_1.wav'],
      additional_data: {},
      templates: {},
      transcript: null,
    }, 410);
    expect(expired.status).toBe('expired');
    expect(expired.transcript).toBeUndefined();
    expect(expired.templates).toEqual([]);
    expect(expired.message).toBe('Session expired before it was ended.');
    expect(expired.expiredAt?.date?.toISOString()).toBe('2025-01-19T11:00:00.000Z');
  });

  it('[contradiction #3] reads a 410 error envelope as expired when the caller names the session', () => {
    const envelope = { error: { code: 'session_expired', message: 'Session expired' } };
    const result = parseSessionResult(envelope, 410, { sessionId: 'ses_1' });
    expect(result.status).toBe('expired');
    expect(result.sessionId).toBe('ses_1');
    expect(result.error?.code).toBe('session_expired');
    expect(result.raw).toEqual(envelope);
  });

  it('keeps unknown statuses as non-terminal and in-progress bodies with an empty transcript', () => {
    const result = parseSessionResult({ session_id: 's', status: 'transcribing', transcript: '', templates: { soap: { status: 'processing' } } }, 202);
    expect(result.status).toBe('transcribing');
    expect(result.terminal).toBe(false);
    expect(result.transcript).toBe('');
    expect(result.template('soap')?.status).toBe('processing');
  });

  it('folds template_errors into templates', () => {
    const result = parseSessionResult({ session_id: 's', status: 'partial', templates: [{ soap: { plan: 'x' } }], template_errors: [{ template_id: 'hpi', error: 'timeout', message: 'slow' }] });
    expect(result.templates).toEqual([{ soap: { status: 'success', data: { plan: 'x' } } }, { hpi: { status: 'failed', error: { code: 'timeout', message: 'slow' } } }]);
  });

  it('tolerates wrongly typed optional fields', () => {
    const result = parseSessionResult({ session_id: 's', status: 'completed', audio_files: 'x', audio_files_received: '4', transcript: 5, additional_data: [] });
    expect(result.audioFiles).toEqual([]);
    expect(result.audioFilesReceived).toBe(4);
    expect(result.transcript).toBeUndefined();
    expect(result.additionalData).toBeUndefined();
  });

  it('accepts a JSON text body', () => {
    expect(parseSessionResult(JSON.stringify(ekaList)).sessionId).toBe('ses_a-b_c');
  });

  it.each([
    [{ status: 'completed' }, 'session_id'],
    [{ session_id: 's' }, 'status'],
    ['<html>bad gateway</html>', 'expected a JSON object'],
    [null, 'expected a JSON object'],
  ])('throws APIError for a non-session body %#', (body, fragment) => {
    let caught: unknown;
    try {
      parseSessionResult(body);
    } catch (error) {
      caught = error;
    }
    expect(ScribeError.is(caught) && caught.code).toBe('api_error');
    expect((caught as Error).message).toContain(fragment);
  });

  it('is frozen and serialises to a clean wire-like shape that parses back equal', () => {
    const result = parseSessionResult({ ...partialKeyed, template_errors: [{ template_id: 'hpi', code: 'timeout', message: 'slow' }] }, 206);
    expect(Object.isFrozen(result)).toBe(true);
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(json.http_status).toBe(206);
    expect(json.template_errors).toBeUndefined();
    expect(json.server_extra).toEqual({ kept: true });
    expect(Array.isArray(json.templates)).toBe(true);
    expect(json.created_at).toBe('2026-11-24T10:30:00.000Z');
    const again = parseSessionResult(json);
    expect(again.httpStatus).toBe(206);
    expect(again.templates).toEqual(result.templates);
    expect(again.toJSON()).toEqual(json);
  });

  it('PATCH answers are session bodies', () => {
    expect(parsePatchSessionResponse({ session_id: 's', status: 'recording', patient_details: { a: 1 } }).patientDetails).toEqual({ a: 1 });
  });
});
