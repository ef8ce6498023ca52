import { describe, expect, it } from 'vitest';
import type { ScribeClient } from '@scribe/node';
import { ekaClient, productionLayoutClient, TEST_TEMPLATES } from '../support/client-factory';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { sentBodies } from '../support/recording-fetch';
import { TEST_TRANSCRIPT, templateDocument } from '../support/test-engine';
import { chunkNames, makeWavChunks } from '../support/wav-fixtures';

const layouts: { name: string; prefix: string; client: (t: TestServer) => ScribeClient }[] = [
  { name: 'base URL at the origin', prefix: '/v1', client: (t) => ekaClient(t) },
  { name: 'production layout (base URL `{origin}/voice`)', prefix: '/voice/v1', client: (t) => productionLayoutClient(t) },
];

describe.each(layouts)('eka lifecycle, $name', ({ prefix, client: makeClient }) => {
  it('[#1][#38][#61] create → uploadChunks → waitForResults returns the transcript and templates in list form', async () => {
    const t = await startTestServer();
    const client = makeClient(t);

    const session = await client.createSession();
    const { acknowledged: acknowledged } = await client.uploadChunks(session.sessionId, makeWavChunks(3, 1.5));
    const result = await client.waitForResults(session.sessionId);

    expect(acknowledged).toBe(3);
    expect(result.status).toBe('completed');
    expect(result.transcript).toBe(TEST_TRANSCRIPT);
    expect(result.audioFiles).toEqual(chunkNames(3));
    expect(result.templates).toEqual(TEST_TEMPLATES.map((id) => ({ [id]: { status: 'success', data: templateDocument(id) } })));
    expect(result.template('clinical_notes_template')?.data).toEqual(templateDocument('clinical_notes_template'));
    expect(result.template('soap')).toBeUndefined();
    // The server answered the login-token caller in the eka list form; the SDK kept it as a list.
    const getBody = (await t.exchanges()).filter((exchange) => exchange.method === 'GET' && exchange.status === 200).at(-1);
    expect(Array.isArray(JSON.parse(getBody!.text).templates)).toBe(true);
    // Every protocol call went under the layout's prefix; login went to the auth host's origin.
    const protocolPaths = t.server.requests.filter((request) => !request.path.startsWith('/connect-auth/')).map((request) => request.path);
    expect(protocolPaths.length).toBeGreaterThan(0);
    for (const path of protocolPaths) expect(path.startsWith(`${prefix}/`)).toBe(true);
    expect(t.requests(/^\/connect-auth\/v1\/account\/login$/)).toHaveLength(1);
  });

  it('[#38] uploads each chunk as raw bytes to {base}/v1/sessions/{id}/audio/{name}, sequentially, with the bearer token', async () => {
    const t = await startTestServer();
    const client = makeClient(t);
    const session = await client.createSession();
    // Each upload is held 150 ms by the server: sequential uploads arrive at least that far apart.
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'delay', ms: 150, times: 3 });

    await client.uploadChunks(session.sessionId, makeWavChunks(3), { endSession: false });

    const uploads = t.requests(/\/audio/);
    expect(uploads.map((request) => request.path)).toEqual(chunkNames(3).map((name) => `${prefix}/sessions/${session.sessionId}/audio/${name}`));
    for (const upload of uploads) {
      expect(upload.method).toBe('POST');
      expect(upload.headers['content-type']).toBe('audio/wav');
      expect(upload.headers.authorization).toBe('Bearer [redacted]');
      expect(upload.headers['msa-version']).toBeUndefined();
    }
    for (let index = 1; index < uploads.length; index += 1) {
      expect(Date.parse(uploads[index]!.timestamp) - Date.parse(uploads[index - 1]!.timestamp)).toBeGreaterThanOrEqual(140);
    }
  });
});

describe('eka request bodies', () => {
  it('[#13][#19] logs in lazily with client_id and client_secret, without an auth header; the business id comes from the token', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    expect(t.server.requests).toHaveLength(0);

    await client.templates.list();

    const [login] = t.requests(/\/login$/);
    expect(sentBodies(await t.exchanges(), /\/login$/)).toEqual([{ client_id: 'local-dev-client', client_secret: 'local-dev-secret' }]);
    expect(login?.body).toEqual({ client_id: 'local-dev-client', client_secret: '[redacted]' });
    expect(login?.headers.authorization).toBeUndefined();
    expect(client.businessId()).toBe('b_local_dev');
  });

  it('[#13] with an API key configured too, the login body carries it and protocol calls still use the bearer token', async () => {
    const t = await startTestServer();
    const client = ekaClient(t, { apiKey: 'sk_test_local_dev' });

    await client.templates.list();

    expect(sentBodies(await t.exchanges(), /\/login$/)).toEqual([{ client_id: 'local-dev-client', client_secret: 'local-dev-secret', api_key: 'sk_test_local_dev' }]);
    const [templates] = t.requests(/\/v1\/templates$/);
    expect(templates?.headers.authorization).toBe('Bearer [redacted]');
    expect(templates?.headers['x-api-key']).toBeUndefined();
  });

  it('[#26] create sends exactly the eka client keys; end sends audio_files_sent', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);

    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(2));

    const [create] = t.requests(/\/v1\/sessions$/, 'POST');
    expect(create?.body).toEqual({
      templates: TEST_TEMPLATES,
      model: 'lite',
      session_mode: 'dictation',
      upload_type: 'chunked',
      communication_protocol: 'http',
    });
    const [end] = t.requests(/\/end$/);
    expect(end?.body).toEqual({ audio_files_sent: 2 });
  });
});
