import { describe, expect, it } from 'vitest';
import { msaClient, TEST_TEMPLATES } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { TEST_TRANSCRIPT, templateDocument } from '../support/test-engine';
import { chunkNames, makeWavChunks } from '../support/wav-fixtures';

describe('msa lifecycle (discovery at the origin, API key)', () => {
  it('[#3][#39][#61] create → uploadChunks → waitForResults returns the templates in list form although the wire is keyed', async () => {
    const t = await startTestServer();
    const client = msaClient(t);

    const session = await client.createSession();
    const { acknowledged: acknowledged } = await client.uploadChunks(session.sessionId, makeWavChunks(4, 1.2));
    const result = await client.waitForResults(session.sessionId);

    expect(acknowledged).toBe(4);
    expect(result.status).toBe('completed');
    expect(result.transcript).toBe(TEST_TRANSCRIPT);
    expect(result.audioFiles).toEqual(chunkNames(4));
    expect(result.audioFilesReceived).toBe(4);
    expect(result.templates).toEqual(TEST_TEMPLATES.map((id) => ({ [id]: { status: 'success', data: templateDocument(id) } })));
    expect(result.template('eka_emr_template')?.data).toEqual(templateDocument('eka_emr_template'));
    expect(result.templatesById.clinical_notes_template?.status).toBe('success');
    // The API-key caller got the keyed msa form on the wire: normalisation, not the server, made the list.
    const lastGet = (await t.exchanges()).filter((exchange) => exchange.method === 'GET' && /\/sessions\/[^/]+$/.test(exchange.url)).at(-1);
    const wireTemplates = JSON.parse(lastGet!.text).templates;
    expect(Array.isArray(wireTemplates)).toBe(false);
    expect(Object.keys(wireTemplates)).toEqual(TEST_TEMPLATES);
  });

  it('[#3][#10][#20] fetches discovery first, without credentials, then sends X-API-Key and MSA-Version on every call', async () => {
    const t = await startTestServer();
    const client = msaClient(t);

    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(1));

    const [first, ...rest] = t.server.requests;
    expect(first?.path).toBe('/.well-known/medscribealliance');
    expect(first?.headers['x-api-key']).toBeUndefined();
    expect(first?.headers.authorization).toBeUndefined();
    expect(rest.length).toBeGreaterThanOrEqual(3);
    for (const request of rest) {
      expect(request.path.startsWith('/v1/')).toBe(true);
      expect(request.headers['x-api-key']).toBe('[redacted]');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['msa-version']).toBe('0.1');
      expect(request.query).toEqual({});
    }
    expect(t.requests(/login/)).toHaveLength(0);
  });

  it('[#39] uploads multipart (part file, filename chunk_N.wav) to the same-origin upload_url unchanged', async () => {
    const t = await startTestServer();
    const client = msaClient(t);

    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(2), { endSession: false });

    expect(session.uploadUrl).toBe(`${t.url}/v1/sessions/${session.sessionId}/audio`);
    const uploads = t.requests(/\/audio$/);
    expect(uploads).toHaveLength(2);
    for (const upload of uploads) {
      expect(upload.method).toBe('POST');
      expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    }
    const stored = await client.sessions.get(session.sessionId);
    expect(stored.audioFiles).toEqual(chunkNames(2));
    expect(stored.status).toBe('recording');
  });

  it('[#26] create sends the msa client keys: no eka extensions unless set', async () => {
    const t = await startTestServer();
    const client = msaClient(t);

    await client.createSession({ templates: ['soap'] });

    const [create] = t.requests(/\/v1\/sessions$/, 'POST');
    expect(create?.body).toEqual({ templates: ['soap'], model: 'lite', upload_type: 'chunked', communication_protocol: 'http' });
  });
});
