import { describe, expect, it } from 'vitest';
import type { ScribeConfig } from '../config/scribe-config';
import { createDiscoveryClient } from '../discovery/discovery-client';
import { APIError, AuthError, SessionStateError } from '../errors';
import { createManualClock } from '../testing/manual-clock';
import { createScriptedTransport, type ScriptedHandler } from '../testing/scripted-transport';
import { createTestConfig, createTestDiscoveryDocument } from '../testing/test-config';
import type { TransportRequest } from '../transport/transport';
import { createSessionsApi } from './sessions-api';

const ORIGIN = 'https://scribe.example.com';
const eka = createTestConfig({ dialect: 'eka', baseUrl: 'https://api.eka.care/voice' });
const msa = createTestConfig({ dialect: 'msa', discoveryUrl: ORIGIN });
const WELL_KNOWN = `${ORIGIN}/.well-known/medscribealliance`;

const created = (id = 'ses_4fQ9x2LmA7bC1dE3gH5jK8nP') => ({
  status: 201,
  data: { session_id: id, status: 'created', created_at: '2026-11-24T10:30:00.000Z', expires_at: '2026-11-24T11:30:00.000Z', upload_url: `${ORIGIN}/v1/sessions/${id}/audio` },
});
const sessionBody = (status: string, extra: Record<string, unknown> = {}) => ({ session_id: 's1', status, audio_files_received: 2, audio_files: ['chunk_0.wav', 'chunk_1.wav'], ...extra });

function setup(config: ScribeConfig, route: ScriptedHandler, discoveryPatch: Record<string, unknown> = {}) {
  const transport = createScriptedTransport((request, n) =>
    request.url === WELL_KNOWN ? { data: createTestDiscoveryDocument(ORIGIN, discoveryPatch) } : route(request, n),
  );
  const discovery = createDiscoveryClient({ config, transport, clock: createManualClock() });
  const api = createSessionsApi({ config, transport, discovery });
  const calls = () => transport.requests.filter((r) => r.url !== WELL_KNOWN);
  return { transport, api, calls };
}

/** Simulates the real transport retrying once after an ambiguous failure, then getting `error`. */
function retriedThen(request: TransportRequest, error: Error): never {
  request.onRetry?.({ attempt: 1, delayMs: 500, error: new APIError('HTTP 503', { status: 503, retryable: true }) });
  throw error;
}

describe('sessions.create', () => {
  it('[#26] eka: POST {base}/v1/sessions with the 2.4 body, not retried, no discovery needed', async () => {
    const { api, transport } = setup(eka, () => created());
    const session = await api.create();
    expect(session.sessionId).toBe('ses_4fQ9x2LmA7bC1dE3gH5jK8nP');
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]).toMatchObject({ method: 'POST', url: 'https://api.eka.care/voice/v1/sessions', idempotent: false });
    expect(transport.requests[0]?.body).toEqual({ templates: ['clinical_notes_template'], model: 'lite', session_mode: 'dictation', upload_type: 'chunked', communication_protocol: 'http' });
  });

  it('[#27] no templates anywhere → ConfigError and no request at all (not even discovery)', async () => {
    for (const config of [createTestConfig({ defaultTemplates: [] }), createTestConfig({ dialect: 'msa', discoveryUrl: ORIGIN, defaultTemplates: [] })]) {
      const { api, transport } = setup(config, () => created());
      await expect(api.create()).rejects.toMatchObject({ code: 'config_error', message: expect.stringContaining('No templates specified and no default_templates configured') });
      expect(transport.requests).toHaveLength(0);
    }
  });

  it('[#3][#10] msa: discovery first, then POST to the discovery base with MSA-Version', async () => {
    const { api, transport } = setup(msa, () => created());
    await api.create({ templates: ['soap'] });
    expect(transport.requests.map((r) => r.url)).toEqual([WELL_KNOWN, `${ORIGIN}/v1/sessions`]);
    expect(transport.requests[1]?.headers).toMatchObject({ 'MSA-Version': '0.1' });
    expect(transport.requests[1]?.body).toEqual({ templates: ['soap'], model: 'lite', upload_type: 'chunked', communication_protocol: 'http' });
  });

  it('[#10] msa: no shared version → error before any session call', async () => {
    const { api, calls } = setup(msa, () => created(), { supported_versions: ['1.0'], protocol_version: '1.0' });
    await expect(api.create()).rejects.toMatchObject({ serverCode: 'unsupported_version' });
    expect(calls()).toHaveLength(0);
  });

  it('[#28] msa: an unlisted model or upload type is refused locally, no create request', async () => {
    const { api, calls } = setup(msa, () => created());
    await expect(api.create({ model: 'ultra' })).rejects.toMatchObject({ code: 'validation_error' });
    await expect(api.create({ uploadType: 'stream' })).rejects.toMatchObject({ code: 'validation_error' });
    expect(calls()).toHaveLength(0);
  });

  it('with a client-chosen session_id it is retryable, and a retry answered 409 session_already_exists reads the session', async () => {
    const id = 'client_chosen_session_01';
    const { api, calls } = setup(eka, (request) => {
      if (request.method === 'POST') retriedThen(request, new SessionStateError('exists', { status: 409, serverCode: 'session_already_exists' }));
      return { status: 202, data: { session_id: id, status: 'created', created_at: '2026-11-24T10:30:00Z' } };
    });
    const session = await api.create({ sessionId: id });
    expect(session).toMatchObject({ sessionId: id, status: 'created' });
    expect(calls()[0]).toMatchObject({ idempotent: true, body: expect.objectContaining({ session_id: id }) });
    expect(calls()[1]).toMatchObject({ method: 'GET', url: `https://api.eka.care/voice/v1/sessions/${id}` });
  });

  it('a stream session without upload_url → APIError', async () => {
    const { api } = setup(eka, () => ({ status: 201, data: { session_id: 's1', status: 'created' } }));
    await expect(api.create({ uploadType: 'stream' })).rejects.toMatchObject({ code: 'api_error' });
  });

  it('a 409 without a preceding ambiguous retry is a real conflict: thrown', async () => {
    const { api, calls } = setup(eka, () => {
      throw new SessionStateError('exists', { status: 409, serverCode: 'session_already_exists' });
    });
    await expect(api.create({ sessionId: 'client_chosen_session_01' })).rejects.toMatchObject({ code: 'session_state' });
    expect(calls()).toHaveLength(1);
  });
});

describe('sessions.get', () => {
  it('[#60][#63] GET with 410 as a result status, session path flag, encoded id and template_id query', async () => {
    const { api, calls } = setup(eka, () => ({ status: 206, data: sessionBody('partial', { templates: [{ soap: { status: 'success', data: {} } }] }) }));
    const result = await api.get('ses_a-b/c', { templateId: 'soap' });
    expect(calls()[0]).toMatchObject({ method: 'GET', url: 'https://api.eka.care/voice/v1/sessions/ses_a-b%2Fc', query: { template_id: 'soap' }, sessionPath: true, resultStatuses: [410] });
    expect(result).toMatchObject({ status: 'partial', httpStatus: 206 });
    expect(result.template('soap')?.status).toBe('success');
  });

  it('[#60] a 410 expired body is a result, state from body.status', async () => {
    const { api } = setup(eka, () => ({ status: 410, data: sessionBody('expired', { expired_at: '2026-11-24T11:30:00Z' }) }));
    await expect(api.get('s1')).resolves.toMatchObject({ status: 'expired', httpStatus: 410 });
  });
});

describe('sessions.end', () => {
  it('[#48] always sends audio_files_sent (0 when nothing was uploaded by this client)', async () => {
    const { api, calls } = setup(eka, () => ({ status: 202, data: { session_id: 's1', status: 'processing', audio_files_received: 0, audio_files: [] } }));
    await expect(api.end('s1')).resolves.toMatchObject({ status: 'processing' });
    await api.end('s2', { audioFilesSent: 4 });
    expect(calls().map((r) => r.body)).toEqual([{ audio_files_sent: 0 }, { audio_files_sent: 4 }]);
    expect(calls()[0]).toMatchObject({ method: 'POST', url: 'https://api.eka.care/voice/v1/sessions/s1/end', idempotent: true });
    await expect(api.end('s3', { audioFilesSent: -1 })).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('[#49] an ambiguous failure whose retry gets 400 session_ended is reconciled by GET: processing counts as ended', async () => {
    const { api, calls } = setup(eka, (request) => {
      if (request.method === 'POST') retriedThen(request, new SessionStateError('ended', { status: 400, serverCode: 'session_ended' }));
      return { status: 202, data: sessionBody('processing') };
    });
    const ended = await api.end('s1', { audioFilesSent: 2 });
    expect(ended).toMatchObject({ sessionId: 's1', status: 'processing', audioFilesReceived: 2, audioFiles: ['chunk_0.wav', 'chunk_1.wav'] });
    expect(calls().map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it.each(['completed', 'partial', 'failed'])('[#49] reconciliation accepts a terminal %s session', async (status) => {
    const { api } = setup(eka, (request) => {
      if (request.method === 'POST') retriedThen(request, new SessionStateError('ended', { status: 400, serverCode: 'session_ended' }));
      return { status: 200, data: sessionBody(status) };
    });
    await expect(api.end('s1')).resolves.toMatchObject({ status });
  });

  it('[#49] reconciliation: an expired session → SessionExpiredError; a still-open one → the original error', async () => {
    const expired = setup(eka, (request) => {
      if (request.method === 'POST') retriedThen(request, new SessionStateError('ended', { status: 400, serverCode: 'session_ended' }));
      return { status: 410, data: sessionBody('expired') };
    });
    await expect(expired.api.end('s1')).rejects.toMatchObject({ code: 'session_expired' });
    const open = setup(eka, (request) => {
      if (request.method === 'POST') retriedThen(request, new SessionStateError('ended', { status: 400, serverCode: 'session_ended' }));
      return { status: 202, data: sessionBody('recording') };
    });
    await expect(open.api.end('s1')).rejects.toMatchObject({ code: 'session_state', serverCode: 'session_ended' });
  });

  it('[#49] session_ended on the first attempt (a second end) is not reconciled', async () => {
    const { api, calls } = setup(eka, () => {
      throw new SessionStateError('ended', { status: 400, serverCode: 'session_ended' });
    });
    await expect(api.end('s1')).rejects.toMatchObject({ code: 'session_state' });
    expect(calls()).toHaveLength(1);
  });
});

describe('sessions.patch, processTemplate, templates', () => {
  it('patch: PATCH the session with wire keys; unknown keys → ValidationError, no request', async () => {
    const { api, calls } = setup(eka, () => ({ data: sessionBody('recording', { patient_details: { name: 'P' } }) }));
    const result = await api.patch('s1', { patientDetails: { name: 'P' }, languageHint: 'hi' });
    expect(result.patientDetails).toEqual({ name: 'P' });
    expect(calls()[0]).toMatchObject({ method: 'PATCH', url: 'https://api.eka.care/voice/v1/sessions/s1', body: { patient_details: { name: 'P' }, language_hint: ['hi'] } });
    await expect(api.patch('s1', { status: 'x' } as never)).rejects.toMatchObject({ code: 'validation_error' });
    expect(calls()).toHaveLength(1);
  });

  it('processTemplate: all templates or one', async () => {
    const { api, calls } = setup(eka, () => ({ status: 202, data: { session_id: 's1', status: 'processing', template_id: 'soap' } }));
    await api.processTemplate('s1');
    await expect(api.processTemplate('s1', { templateId: 'soap' })).resolves.toMatchObject({ status: 'processing', templateId: 'soap' });
    expect(calls().map((r) => r.url)).toEqual([
      'https://api.eka.care/voice/v1/sessions/s1/process/template',
      'https://api.eka.care/voice/v1/sessions/s1/process/template/soap',
    ]);
  });

  it('templates.list: eka path, msa templates_url', async () => {
    const list = () => ({ data: { templates: [{ id: 'clinical_notes_template', name: 'Clinical notes' }] } });
    const e = setup(eka, list);
    await expect(e.api.templates.list()).resolves.toMatchObject([{ id: 'clinical_notes_template' }]);
    expect(e.calls()[0]?.url).toBe('https://api.eka.care/voice/v1/templates');
    const m = setup(msa, list, { endpoints: { base_url: `${ORIGIN}/v1`, templates_url: `${ORIGIN}/catalog/templates` } });
    await m.api.templates.list();
    expect(m.calls()[0]?.url).toBe(`${ORIGIN}/catalog/templates`);
  });

  it('[#5] msa: an API 401 drops the discovery cache, so the next call refetches it', async () => {
    let fail = true;
    const { api, transport } = setup(msa, () => {
      if (fail) {
        fail = false;
        throw new AuthError('rejected', { status: 401, serverCode: 'authentication_failed' });
      }
      return { data: sessionBody('recording') };
    });
    await expect(api.get('s1')).rejects.toMatchObject({ code: 'auth_error' });
    await api.get('s1');
    expect(transport.requests.map((r) => r.url)).toEqual([WELL_KNOWN, `${ORIGIN}/v1/sessions/s1`, WELL_KNOWN, `${ORIGIN}/v1/sessions/s1`]);
  });

  it('msa: an explicit base_url wins over discovery endpoints', async () => {
    const config = createTestConfig({ dialect: 'msa', discoveryUrl: ORIGIN, baseUrl: 'https://proxy.example.com/scribe/v1', explicitUrls: { baseUrl: true, authBaseUrl: false, discoveryUrl: true } });
    const { api, calls } = setup(config, () => ({ data: { templates: [] } }));
    await api.templates.list();
    expect(calls()[0]?.url).toBe('https://proxy.example.com/scribe/v1/templates');
  });
});
