import { describe, expect, it } from 'vitest';
import { ContractViolationError, createContractValidator } from '../src/index.js';
import { contract } from './helpers/harness.js';

const completed = {
  session_id: 'ses_4fQ9x2LmA7bC1dE3gH5jK8nP',
  status: 'completed',
  created_at: '2026-11-24T10:30:00.000Z',
  completed_at: '2026-11-24T10:31:00.000Z',
  model_used: 'lite',
  language_detected: 'en',
  audio_files_received: 1,
  audio_files: ['chunk_0.wav'],
  additional_data: {},
  transcript: 'text',
  templates: { soap: { status: 'success', data: { s: 'x' } } },
};

describe('createContractValidator', () => {
  it('[#59] accepts the documented exceptions of 2.9: list-form templates, client-chosen ids, widened statuses, end body', () => {
    expect(contract.validateSchema('SessionCompletedResponse', completed)).toEqual({ valid: true, schema: 'SessionCompletedResponse', errors: [] });
    expect(contract.validateSchema('SessionCompletedResponse', { ...completed, templates: [{ soap: { status: 'success', data: {} } }, { soap: { status: 'failed', error: { code: 'x', message: 'y' } } }] }).valid).toBe(true);
    expect(contract.validateSchema('SessionCompletedResponse', { ...completed, session_id: 'my-client_chosen-ID-0001-with-a-long-tail-abc' }).valid).toBe(true);
    expect(contract.validateSchema('SessionProcessingResponse', { ...completed, status: 'recording', expires_at: completed.created_at, transcript: '' }).valid).toBe(true);
    expect(contract.validateSchema('SessionPartialResponse', { ...completed, status: 'partial', audio_files_processed: 0 }).valid).toBe(true);
    expect(contract.validateRequest({ method: 'POST', path: 'http://x/v1/sessions/ses_abcdefghijkl/end', body: { audio_files_sent: 3 } }).valid).toBe(true);
    expect(contract.validateRequest({ method: 'POST', path: '/voice/v1/sessions', body: { templates: ['soap'], upload_type: 'chunked', communication_protocol: 'http', language_hint: ['auto_detect'] } }).valid).toBe(true);
  });

  it('[#59] still catches violations the exceptions do not cover', () => {
    const cases: [Parameters<typeof contract.validateSchema>[0], unknown][] = [
      ['SessionCompletedResponse', { ...completed, status: 'initialising' }],
      ['SessionCompletedResponse', { ...completed, created_at: '24/11/2026' }],
      ['SessionCompletedResponse', { ...completed, templates: [{ soap: { status: 'done' } }] }],
      ['SessionCompletedResponse', { ...completed, templates: [{ soap: { status: 'success' }, medications: { status: 'success' } }] }],
      ['SessionCompletedResponse', { ...completed, session_id: 'short' }],
      ['SessionCompletedResponse', { ...completed, audio_files: undefined }],
      ['SessionProcessingResponse', { ...completed, transcript: null }],
      ['EndSessionRequest', { audio_files_sent: -1 }],
      ['CreateSessionRequest', { templates: ['soap'] }],
      ['ErrorEnvelope', { error: { code: 'x' } }],
      ['ErrorEnvelope', { detail: 'not an envelope' }],
      ['WebhookResponse', { webhook_id: 'wh_1', url: 'https://x.test', events: [], status: 'active', created_at: '2026-11-24T10:30:00Z', secret: 's' }],
      ['WebhookPayload', { event: 'session.completed', timestamp: '2026-11-24T10:30:00Z', session_id: 'ses_1', data: {} }],
      ['DiscoveryResponse', { protocol: 'other' }],
    ];
    for (const [name, value] of cases) {
      const result = contract.validateSchema(name, value);
      expect(result.valid, `${name} ${JSON.stringify(value).slice(0, 80)}`).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  it('[#59] picks response schemas by method, path and status; 4xx must be the envelope', () => {
    expect(contract.responseSchemaFor('GET', '/voice/v1/sessions/ses_x', 206)).toBe('SessionPartialResponse');
    expect(contract.responseSchemaFor('GET', 'http://127.0.0.1:1/v1/sessions/ses_x?template_id=a', 410)).toBe('ExpiredSessionResponse');
    expect(contract.responseSchemaFor('POST', '/v1/sessions/ses_x/audio/chunk_0.wav', 200)).toBe('UploadAudioResponse');
    expect(contract.responseSchemaFor('POST', '/v1/sessions', 409)).toBe('ErrorEnvelope');
    expect(contract.responseSchemaFor('DELETE', '/v1/webhooks/wh_1', 204)).toBeUndefined();
    expect(contract.validateResponse({ method: 'GET', path: '/v1/sessions/ses_x', status: 404, body: '<html>' }).valid).toBe(false);
    expect(() => contract.assertResponse({ method: 'POST', path: '/v1/sessions', status: 201, body: { session_id: 'ses_1' } })).toThrow(ContractViolationError);
    expect(() => contract.assertRequest({ method: 'POST', path: '/v1/sessions', body: {} })).toThrow(/CreateSessionRequest/);
  });

  it('loads the spec from an explicit directory and fails clearly when it is missing', () => {
    expect(createContractValidator({ specDir: new URL('../spec/', import.meta.url).pathname }).validateSchema('HealthResponse', { status: 'ok' }).valid).toBe(true);
    expect(() => createContractValidator({ specDir: '/nonexistent' })).toThrow();
  });
});
