import { describe, expect, it } from 'vitest';
import { createSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk, endSession } from './helpers/harness.js';
import { createTestEngine } from './helpers/engines.js';
import { startWebhookReceiver, eventsOf } from './helpers/webhook-receiver.js';
import { makeWav } from './helpers/wav.js';

const Z_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function createExpecting(t: Awaited<ReturnType<typeof startTestServer>>, body: unknown, status: number, code?: string) {
  const response = await t.call('POST', '/v1/sessions', { headers: KEY_HEADERS, json: body });
  expect(response.status, JSON.stringify(body)).toBe(status);
  if (code) expect(response.body.error.code, JSON.stringify(body)).toBe(code);
  return response;
}

describe('create session (2.4)', () => {
  it('[#29] 1000 creates: ids match ^ses_[A-Za-z0-9]{24}$ and are unique; Z timestamps; absolute upload_url; lifetime = model maximum', async () => {
    const t = await startTestServer({ rateLimit: false });
    const ids = new Set<string>();
    for (let batch = 0; batch < 20; batch += 1) {
      const responses = await Promise.all(Array.from({ length: 50 }, () => t.call('POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['soap'] }, validate: false })));
      for (const { status, body } of responses) {
        expect(status).toBe(201);
        expect(body.session_id).toMatch(/^ses_[A-Za-z0-9]{24}$/);
        ids.add(body.session_id);
      }
    }
    expect(ids.size).toBe(1000);
    const response = await t.call('POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['soap'], model: 'pro' } });
    expect(response.body.status).toBe('created');
    expect(response.body.created_at).toMatch(Z_TIMESTAMP);
    expect(response.body.expires_at).toMatch(Z_TIMESTAMP);
    expect(Date.parse(response.body.expires_at) - Date.parse(response.body.created_at)).toBe(3600 * 1000);
    expect(response.body.upload_url).toBe(`${t.server.url}/v1/sessions/${response.body.session_id}/audio`);
  }, 30_000);

  it('[#29] expires_at − created_at follows the configured model maximum', async () => {
    const t = await startTestServer({ sessionDurationSeconds: 90 });
    const response = await createExpecting(t, { templates: ['soap'] }, 201);
    expect(Date.parse(response.body.expires_at) - Date.parse(response.body.created_at)).toBe(90_000);
  });

  it('[#30] templates: missing → 400 missing_required_field', async () => {
    const t = await startTestServer();
    await createExpecting(t, {}, 400, 'missing_required_field');
    await createExpecting(t, { templates: null }, 400, 'missing_required_field');
  });

  it('[#30] templates: empty, not an array, over the maximum, repeated or with a bad id → 400 invalid_request', async () => {
    const t = await startTestServer();
    for (const templates of [[], 'soap', ['a', 'b', 'c'], ['soap', 'soap'], ['bad id'], ['x'.repeat(65)], [''], [3]]) {
      await createExpecting(t, { templates }, 400, 'invalid_request');
    }
  });

  it('[#30] templates: up to the maximum, transcript not counted, unknown ids accepted; maximum configurable', async () => {
    const t = await startTestServer();
    await createExpecting(t, { templates: ['soap', 'medications', 'transcript'] }, 201);
    await createExpecting(t, { templates: ['transcript'] }, 201);
    await createExpecting(t, { templates: ['not_a_known_template.v2'] }, 201);
    const three = await startTestServer({ maxTemplates: 3 });
    await createExpecting(three, { templates: ['a', 'b', 'c'] }, 201);
    await createExpecting(three, { templates: ['a', 'b', 'c', 'd'] }, 400, 'invalid_request');
  });

  it('[#30] model: default lite; unknown → 400 invalid_request', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    const id = (await createExpecting(t, { templates: ['soap'] }, 201)).body.session_id;
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.2 }));
    await endSession(t, id, 1);
    expect((await settledSession(t, id)).body.model_used).toBe('lite');
    await createExpecting(t, { templates: ['soap'], model: 'pro' }, 201);
    for (const model of ['ultra', 5, '']) await createExpecting(t, { templates: ['soap'], model }, 400, 'invalid_request');
  });

  it('[#30] session_mode: default dictation; other values → 400', async () => {
    const t = await startTestServer();
    const id = (await createExpecting(t, { templates: ['soap'] }, 201)).body.session_id;
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.session_mode).toBe('dictation');
    await createExpecting(t, { templates: ['soap'], session_mode: 'consultation' }, 201);
    for (const mode of ['meeting', 1]) await createExpecting(t, { templates: ['soap'], session_mode: mode }, 400, 'invalid_request');
  });

  it("[#30] language_hint: string or array of the model's languages or auto_detect; else 400", async () => {
    const t = await startTestServer();
    for (const hint of ['en', ['hi', 'en'], ['auto_detect'], 'auto_detect', []]) await createExpecting(t, { templates: ['soap'], language_hint: hint }, 201);
    for (const hint of ['fr', ['en', 'xx'], 7, [7], { en: true }]) await createExpecting(t, { templates: ['soap'], language_hint: hint }, 400, 'invalid_request');
  });

  it('[#30] transcript_language: a 2-letter code or an array of them; else 400', async () => {
    const t = await startTestServer();
    for (const value of ['en', ['en', 'hi']]) await createExpecting(t, { templates: ['soap'], transcript_language: value }, 201);
    for (const value of ['english', ['en', 'x'], 3]) await createExpecting(t, { templates: ['soap'], transcript_language: value }, 400, 'invalid_request');
  });

  it('[#30] upload_type: default chunked; single accepted; other → 400', async () => {
    const t = await startTestServer();
    const id = (await createExpecting(t, { templates: ['soap'] }, 201)).body.session_id;
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.upload_type).toBe('chunked');
    await createExpecting(t, { templates: ['soap'], upload_type: 'single' }, 201);
    for (const type of ['batch', 1]) await createExpecting(t, { templates: ['soap'], upload_type: type }, 400, 'invalid_request');
  });

  it('[#30] communication_protocol: http with chunked/single; websocket with chunked, rpc or unknown → 400', async () => {
    const t = await startTestServer();
    await createExpecting(t, { templates: ['soap'], upload_type: 'chunked', communication_protocol: 'http' }, 201);
    await createExpecting(t, { templates: ['soap'], upload_type: 'single', communication_protocol: 'http' }, 201);
    for (const protocol of ['websocket', 'rpc', 'grpc']) {
      await createExpecting(t, { templates: ['soap'], upload_type: 'chunked', communication_protocol: protocol }, 400, 'invalid_request');
    }
  });

  it('[#30] additional_data and patient_details: objects of at most 16 KiB; else 400', async () => {
    const t = await startTestServer();
    const big = { blob: 'x'.repeat(16 * 1024) };
    for (const field of ['additional_data', 'patient_details']) {
      await createExpecting(t, { templates: ['soap'], [field]: { fits: 'x'.repeat(16 * 1024 - 20) } }, 201);
      await createExpecting(t, { templates: ['soap'], [field]: big }, 400, 'invalid_request');
      for (const value of [[1], 'text', 5]) await createExpecting(t, { templates: ['soap'], [field]: value }, 400, 'invalid_request');
    }
  });

  it('[#30] session_id: 16-64 characters of [A-Za-z0-9_-]; else 400; unknown keys ignored; never 422', async () => {
    const t = await startTestServer();
    for (const id of ['short', 'x'.repeat(65), 'has space in it 123', 'ses_bad/slash_123456', 1234567890123456]) {
      await createExpecting(t, { templates: ['soap'], session_id: id }, 400, 'invalid_request');
    }
    await createExpecting(t, { templates: ['soap'], whatever: { nested: true }, another: 1 }, 201);
    await createExpecting(t, [], 400, 'invalid_request');
    await createExpecting(t, 'string', 400, 'invalid_request');
  });

  it('[#31] an unknown template id is accepted and ends as a template_not_found entry in a partial session', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    const id = await createSession(t, { templates: ['soap', 'made_up_template'] });
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.3 }));
    await endSession(t, id, 1);
    const result = await settledSession(t, id);
    expect(result.status).toBe(206);
    expect(result.body.status).toBe('partial');
    expect(result.body.templates.soap.status).toBe('success');
    expect(result.body.templates.made_up_template).toEqual({ status: 'failed', error: { code: 'template_not_found', message: 'Unknown template made_up_template' } });
  });

  it('[#32] a client-chosen session_id is used as given; reuse by the same business → 409 session_already_exists', async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    const chosen = 'my-client_chosen-ID-0001';
    const created = await createExpecting(t, { templates: ['soap'], session_id: chosen }, 201);
    expect(created.body.session_id).toBe(chosen);
    expect(created.body.upload_url).toBe(`${t.server.url}/v1/sessions/${chosen}/audio`);
    expect((await t.call('GET', `/v1/sessions/${chosen}`, { headers: KEY_HEADERS })).body.session_id).toBe(chosen);
    const again = await createExpecting(t, { templates: ['soap'], session_id: chosen }, 409, 'session_already_exists');
    expect(again.body.error.details).toEqual({ session_id: chosen });
    // Ids are unique per business: another business may use the same one.
    const other = await t.call('POST', '/v1/sessions', { headers: { 'jwt-payload': '{"b-id":"b_other"}' }, json: { templates: ['soap'], session_id: chosen } });
    expect(other.status).toBe(201);
  });

  it('[#33] additional_data is echoed deep-equal and patient_details echoed in create and every GET', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    const additional = { encounter: 'E-17', nested: { list: [1, 'two', null, { deep: true }], unicode: 'नमस्ते' }, empty: {} };
    const patient = { name: 'Asha', age: 41 };
    const created = await createExpecting(t, { templates: ['soap'], additional_data: additional, patient_details: patient }, 201);
    expect(created.body.additional_data).toEqual(additional);
    expect(created.body.patient_details).toEqual(patient);
    const id = created.body.session_id;
    const bodies = [(await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body];
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.2 }));
    bodies.push((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body);
    await endSession(t, id, 1);
    bodies.push((await settledSession(t, id)).body);
    expect(bodies.map((body) => body.status)).toEqual(['created', 'recording', 'completed']);
    for (const body of bodies) {
      expect(body.additional_data).toEqual(additional);
      expect(body.patient_details).toEqual(patient);
    }
    const plain = await createExpecting(t, { templates: ['soap'] }, 201);
    expect((await t.call('GET', `/v1/sessions/${plain.body.session_id}`, { headers: KEY_HEADERS })).body.additional_data).toEqual({});
  });

  it('[#34] upload_type stream gets a ws:// upload_url (communication_protocol defaults to websocket); stream + http → 400', async () => {
    const t = await startTestServer();
    const stream = await createExpecting(t, { templates: ['soap'], upload_type: 'stream', communication_protocol: 'websocket' }, 201);
    expect(stream.body.upload_url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v1\/stream\/sessions\/[A-Za-z0-9]{32}\/audio$/);
    const defaulted = await createExpecting(t, { templates: ['soap'], upload_type: 'stream' }, 201);
    expect(defaulted.body.upload_url).toMatch(/^ws:\/\//);
    const mixed = await createExpecting(t, { templates: ['soap'], upload_type: 'stream', communication_protocol: 'http' }, 400, 'invalid_request');
    expect(mixed.body.error.details.field).toBe('communication_protocol');
  });

  it('[#35] a successful create sends session.started (and a refused one sends nothing)', async () => {
    const t = await startTestServer({ webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    const receiver = await startWebhookReceiver();
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.started'] } });
    await createExpecting(t, { templates: [] }, 400);
    const id = await createSession(t);
    await receiver.waitFor(1);
    await t.server.idle();
    expect(eventsOf(receiver.deliveries)).toEqual([{ event: 'session.started', session_id: id }]);
  });
});
