import { describe, expect, it } from 'vitest';
import { parseCreateSessionResponse } from './created-session';
import { parseEndSessionResponse } from './end-session-response';
import { parseProcessTemplateResponse } from './process-template-response';
import { parseStreamMessage } from './stream-message';
import { parseTemplatesList } from './templates-list';
import { parseTokenResponse } from './token-response';
import { parseUploadAck } from './upload-ack';
import { parseWebhookList, parseWebhookRegistration } from './webhook-registration';
import { thrownScribeError } from '../../test/thrown-scribe-error';

describe('parseTokenResponse [#14]', () => {
  it('reads the login answer', () => {
    expect(parseTokenResponse({ access_token: 'at', refresh_token: 'rt', expires_in: 1800, token_type: 'Bearer' })).toEqual({
      accessToken: 'at',
      refreshToken: 'rt',
      expiresIn: 1800,
      expiresInDefaulted: false,
      tokenType: 'Bearer',
    });
  });

  it.each([undefined, 0, -5, 'soon', null])('expires_in %s → 3600', (expiresIn) => {
    const token = parseTokenResponse({ access_token: 'at', expires_in: expiresIn });
    expect(token.expiresIn).toBe(3600);
    expect(token.expiresInDefaulted).toBe(true);
    expect(token.refreshToken).toBeUndefined();
  });

  it.each([{}, { access_token: '' }, { access_token: 5 }, 'not json', undefined, []])('no access_token (%j) → AuthError', (body) => {
    const error = thrownScribeError(() => parseTokenResponse(body));
    expect(error.code).toBe('auth_error');
    expect(error.message).toBe('login response missing access_token');
  });
});

describe('parseCreateSessionResponse', () => {
  it('reads the 201 body with string or integer timestamps', () => {
    const created = parseCreateSessionResponse({
      session_id: 'ses_4fQ9x2LmA7bC1dE3gH5jK8nP',
      status: 'created',
      created_at: '2026-11-24T10:30:00.000Z',
      expires_at: 1795437000,
      upload_url: 'http://127.0.0.1:1/v1/sessions/ses_4fQ9x2LmA7bC1dE3gH5jK8nP/audio',
      extra: 1,
    });
    expect(created.sessionId).toBe('ses_4fQ9x2LmA7bC1dE3gH5jK8nP');
    expect(created.status).toBe('created');
    expect(created.createdAt?.date?.toISOString()).toBe('2026-11-24T10:30:00.000Z');
    expect(created.expiresAt?.date?.getTime()).toBe(1795437000_000);
    expect(created.uploadUrl).toContain('/audio');
    expect(created.raw.extra).toBe(1);
  });

  it('defaults a missing status to created and tolerates a missing upload_url', () => {
    const created = parseCreateSessionResponse({ session_id: 'custom-id-0000000001' });
    expect(created.status).toBe('created');
    expect(created.uploadUrl).toBeUndefined();
  });

  it('throws APIError naming session_id when it is missing', () => {
    const error = thrownScribeError(() => parseCreateSessionResponse({ status: 'created' }));
    expect(error.code).toBe('api_error');
    expect(error.message).toContain('session_id');
  });
});

describe('parseEndSessionResponse', () => {
  it('reads the 202 body', () => {
    expect(parseEndSessionResponse({ session_id: 's', status: 'processing', message: 'm', audio_files_received: 3, audio_files: ['chunk_0.wav'] })).toMatchObject({
      sessionId: 's',
      status: 'processing',
      message: 'm',
      audioFilesReceived: 3,
      audioFiles: ['chunk_0.wav'],
    });
  });

  it('accepts an empty body and rejects HTML', () => {
    expect(parseEndSessionResponse(undefined)).toMatchObject({ status: 'processing', audioFiles: [], raw: {} });
    expect(parseEndSessionResponse('')).toMatchObject({ status: 'processing' });
    expect(thrownScribeError(() => parseEndSessionResponse('<html></html>')).code).toBe('api_error');
  });
});

describe('parseProcessTemplateResponse', () => {
  it('reads the 202 body', () => {
    expect(parseProcessTemplateResponse({ session_id: 's', status: 'processing', template_id: 'soap', message: 'ok' })).toMatchObject({ templateId: 'soap', status: 'processing' });
    expect(parseProcessTemplateResponse(undefined).status).toBe('processing');
  });
});

describe('parseUploadAck [#92] [contradiction #17]', () => {
  it('reads the optional 2.10 body', () => {
    expect(parseUploadAck({ session_id: 's', success: true, status: 'received', file_name: 'chunk_0.wav', original_filename: 'chunk_0.wav', chunk_index: 0, audio_files_received: 1 })).toEqual({
      sessionId: 's',
      success: true,
      status: 'received',
      fileName: 'chunk_0.wav',
      originalFilename: 'chunk_0.wav',
      chunkIndex: 0,
      audioFilesReceived: 1,
      raw: { session_id: 's', success: true, status: 'received', file_name: 'chunk_0.wav', original_filename: 'chunk_0.wav', chunk_index: 0, audio_files_received: 1 },
    });
  });

  it.each([undefined, '', '<xml/>', 'OK', null, []])('never throws on %j', (body) => {
    expect(parseUploadAck(body).success).toBeUndefined();
  });
});

describe('parseTemplatesList', () => {
  it('reads a paginated {items: [...]} list (self-hosted EkaScribe), with template_id for id', () => {
    const list = parseTemplatesList({ items: [{ id: 'a1b2', name: 'SOAP' }, { template_id: 'c3d4' }], total: 2 });
    expect(list.map((template) => template.id)).toEqual(['a1b2', 'c3d4']);
    expect(list[0]?.name).toBe('SOAP');
  });

  it('reads {templates: [...]} and tolerates bare lists, strings and junk', () => {
    const list = parseTemplatesList({ templates: [{ id: 'clinical_notes_template', name: 'Clinical notes', description: 'd', extra: 1 }, 'soap', { name: 'no id' }, 7] });
    expect(list.map((item) => item.id)).toEqual(['clinical_notes_template', 'soap']);
    expect(list[0]).toMatchObject({ name: 'Clinical notes', description: 'd', raw: { extra: 1 } });
    expect(parseTemplatesList([{ id: 'a' }]).map((item) => item.id)).toEqual(['a']);
  });

  it('throws APIError without a list', () => {
    expect(thrownScribeError(() => parseTemplatesList({ results: [] })).code).toBe('api_error');
    expect(thrownScribeError(() => parseTemplatesList({ items: 'none' })).code).toBe('api_error');
    expect(parseTemplatesList({ items: [] })).toEqual([]);
  });
});

describe('webhook registration bodies', () => {
  it('reads register and list answers', () => {
    const item = { webhook_id: 'wh_1', url: 'https://x/hook', events: ['session.completed'], status: 'active', created_at: '2026-01-01T00:00:00Z' };
    expect(parseWebhookRegistration(item)).toMatchObject({ webhookId: 'wh_1', url: 'https://x/hook', events: ['session.completed'], status: 'active' });
    expect(parseWebhookList({ webhooks: [item, { url: 'no id' }] }).map((hook) => hook.webhookId)).toEqual(['wh_1']);
    expect(thrownScribeError(() => parseWebhookRegistration({})).message).toContain('webhook_id');
    expect(thrownScribeError(() => parseWebhookList({})).code).toBe('api_error');
  });
});

describe('parseStreamMessage', () => {
  it('reads acks and keeps everything else as unknown', () => {
    expect(parseStreamMessage('{"event":"ack","bytes":9600}')).toMatchObject({ type: 'ack', bytes: 9600 });
    expect(parseStreamMessage({ event: 'ack', bytes: -1 }).type).toBe('unknown');
    expect(parseStreamMessage('{"event":"mark"}').type).toBe('unknown');
    expect(parseStreamMessage('not json').type).toBe('unknown');
  });
});
