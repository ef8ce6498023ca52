import { describe, expect, it } from 'vitest';
import { ConfigError, SessionNotFoundError, SessionStateError, ValidationError } from '@scribe/node';
import { ekaClient, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { templateDocument } from '../support/test-engine';
import { chunkNames, makeWavChunks } from '../support/wav-fixtures';

describe('templates list', () => {
  it.each([
    { dialect: 'eka', path: '/v1/templates' },
    { dialect: 'msa', path: '/v1/templates' },
  ])('$dialect: lists the production templates from GET $path', async ({ dialect, path }) => {
    const t = await startTestServer();
    const client = dialect === 'eka' ? ekaClient(t) : msaClient(t);

    const templates = await client.templates.list();

    expect(templates.map((template) => template.id)).toEqual(expect.arrayContaining(['clinical_notes_template', 'eka_emr_template', 'transcript_template']));
    expect(templates.find((template) => template.id === 'clinical_notes_template')?.name).toBe('Clinical notes');
    expect(t.requests(/templates/).map((request) => request.path)).toEqual([path]);
  });
});

describe('sessions.get, patch and processTemplate (eka extensions)', () => {
  it('get reads an open session as a result (202), with additional_data and patient_details echoed', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession({ additionalData: { encounter: 'E-17', nested: { ok: true } }, patientDetails: { name: 'A. Patient', age: 40 } });
    await client.uploadChunks(session.sessionId, makeWavChunks(2), { endSession: false });

    const result = await client.sessions.get(session.sessionId);

    expect(result.status).toBe('recording');
    expect(result.httpStatus).toBe(202);
    expect(result.terminal).toBe(false);
    expect(result.audioFiles).toEqual(chunkNames(2));
    expect(result.additionalData).toEqual({ encounter: 'E-17', nested: { ok: true } });
    expect(result.patientDetails).toEqual({ name: 'A. Patient', age: 40 });
    expect(result.createdAt?.date).toBeInstanceOf(Date);
  });

  it('patch replaces fields of an open session and answers the session body; after end it is a SessionStateError', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession({ patientDetails: { name: 'Before' } });

    const patched = await client.sessions.patch(session.sessionId, { patientDetails: { name: 'After', oid: 'o-1' }, userStatus: 'reviewing' });
    await client.endSession(session.sessionId);
    const late = await client.sessions.patch(session.sessionId, { userStatus: 'done' }).catch((caught: unknown) => caught);

    expect(patched.patientDetails).toEqual({ name: 'After', oid: 'o-1' });
    expect(patched.status).toBe('created');
    expect(t.requests(/\/sessions\/[^/]+$/, 'PATCH')[0]?.body).toEqual({ patient_details: { name: 'After', oid: 'o-1' }, user_status: 'reviewing' });
    expect(late).toBeInstanceOf(SessionStateError);
    expect((late as SessionStateError).serverCode).toBe('session_ended');
  });

  it('patch with an unknown field is refused locally', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    const before = t.server.requests.length;

    await expect(client.sessions.patch(session.sessionId, { patient_detail: {} } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(t.server.requests).toHaveLength(before);
  });

  it('processTemplate reruns extraction of a completed session, for all templates or one', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession({ templates: ['clinical_notes_template'] });
    await client.uploadChunks(session.sessionId, makeWavChunks(1));
    await client.waitForResults(session.sessionId);
    const extractionsBefore = t.engine.extractCalls.length;

    const all = await client.sessions.processTemplate(session.sessionId);
    await client.waitForResults(session.sessionId);
    const one = await client.sessions.processTemplate(session.sessionId, { templateId: 'soap' });
    const result = await client.waitForResults(session.sessionId);

    expect(all).toMatchObject({ sessionId: session.sessionId, status: 'processing', templateId: undefined });
    expect(one).toMatchObject({ status: 'processing', templateId: 'soap' });
    expect(t.engine.extractCalls.slice(extractionsBefore).map((call) => call.templateId)).toEqual(['clinical_notes_template', 'soap']);
    expect(result.status).toBe('completed');
    expect(result.template('soap')?.data).toEqual(templateDocument('soap'));
    expect(t.requests(/\/process\/template/).map((request) => request.path)).toEqual([
      `/v1/sessions/${session.sessionId}/process/template`,
      `/v1/sessions/${session.sessionId}/process/template/soap`,
    ]);
  });

  it('get with templateId filters the templates (`?template_id=`)', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));
    await client.waitForResults(session.sessionId);

    const filtered = await client.sessions.get(session.sessionId, { templateId: 'eka_emr_template' });

    expect(filtered.templates).toEqual([{ eka_emr_template: { status: 'success', data: templateDocument('eka_emr_template') } }]);
    expect(t.requests(/\/sessions\/[^/]+$/, 'GET').at(-1)?.query).toEqual({ template_id: 'eka_emr_template' });
  });
});

describe('[#63] session ids are opaque and percent-encoded', () => {
  it('a client-chosen id with `-` and `_` goes through the whole lifecycle unchanged', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const sessionId = 'visit-2026_04_abc-DEF_123';

    const created = await client.createSession({ sessionId });
    await client.uploadChunks(sessionId, makeWavChunks(2));
    const result = await client.waitForResults(sessionId);

    expect(created.sessionId).toBe(sessionId);
    expect(result.sessionId).toBe(sessionId);
    expect(result.status).toBe('completed');
    const sessionPaths = t.server.requests.filter((request) => request.path.includes('/sessions/')).map((request) => request.path);
    expect(sessionPaths.length).toBeGreaterThan(3);
    for (const path of sessionPaths) expect(path.startsWith(`/v1/sessions/${sessionId}/`) || path === `/v1/sessions/${sessionId}`).toBe(true);
  });

  it('an id with reserved characters is percent-encoded into one path segment, never another route', async () => {
    const t = await startTestServer();
    const client = msaClient(t);

    const error = await client.sessions.get('ses x/../templates?a=b#c').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionNotFoundError);
    const [request] = t.requests(/\/sessions\//);
    expect(request?.path).toBe('/v1/sessions/ses%20x%2F..%2Ftemplates%3Fa%3Db%23c');
    expect(request?.query).toEqual({});
    expect(t.requests(/\/templates$/)).toHaveLength(0);
  });

  it('ids the SDK never checks: ses_expired123 and a 64-character id reach the server as given', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const long = 'a'.repeat(32) + '_' + 'B'.repeat(31);

    await expect(client.sessions.get('ses_expired123')).rejects.toBeInstanceOf(SessionNotFoundError);
    const created = await client.createSession({ sessionId: long });

    expect(created.sessionId).toBe(long);
    expect(t.requests(/\/sessions\/ses_expired123$/)).toHaveLength(1);
  });

  it('reusing a client-chosen id → SessionStateError session_already_exists', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    await client.createSession({ sessionId: 'repeated-session-id-0001' });

    const error = await client.createSession({ sessionId: 'repeated-session-id-0001' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionStateError);
    expect((error as SessionStateError).status).toBe(409);
    expect((error as SessionStateError).serverCode).toBe('session_already_exists');
  });
});

describe('[#27] templates for create', () => {
  it('call templates beat default_templates; neither → ConfigError and no request', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { defaultTemplates: ['soap'] });
    const bare = ekaClient(t, { defaultTemplates: [] });

    await client.createSession({ templates: ['hpi'] });
    await client.createSession();
    const error = await bare.createSession().catch((caught: unknown) => caught);

    expect(t.requests(/\/v1\/sessions$/).map((request) => (request.body as { templates: string[] }).templates)).toEqual([['hpi'], ['soap']]);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('No templates specified and no default_templates configured');
    expect(t.requests(/\/v1\/sessions$/)).toHaveLength(2);
  });
});
