import { describe, expect, it } from 'vitest';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk } from './helpers/harness.js';
import { createTestEngine } from './helpers/engines.js';
import { prepareSession, startGatedServer } from './helpers/states.js';
import { eventsOf, startWebhookReceiver } from './helpers/webhook-receiver.js';
import { makeWav } from './helpers/wav.js';

describe('process template (2.8)', () => {
  it('(2.8) reprocessing all templates reruns extraction from the stored transcript without a second terminal webhook', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine, webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    const receiver = await startWebhookReceiver();
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.completed', 'session.partial'] } });
    const id = await createSession(t, { templates: ['soap', 'medications'] });
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(t, id, 1);
    const first = await settledSession(t, id);
    const response = await t.call('POST', `/v1/sessions/${id}/process/template`, { headers: KEY_HEADERS });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ session_id: id, status: 'processing', message: 'Reprocessing all templates.' });
    const second = await settledSession(t, id);
    expect(second.body.status).toBe('completed');
    expect(second.body.transcript).toBe(first.body.transcript);
    expect(engine.transcribeCalls).toHaveLength(1);
    expect(engine.extractCalls.map((call) => call.templateId)).toEqual(['soap', 'medications', 'soap', 'medications']);
    expect(eventsOf(receiver.deliveries).map((delivery) => delivery.event)).toEqual(['session.completed']);
  });

  it('(2.8) reprocessing one template adds it when new and leaves the others as they were', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine });
    const id = await createSession(t, { templates: ['soap'] });
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(t, id, 1);
    await settledSession(t, id);
    const response = await t.call('POST', `/voice/v1/sessions/${id}/process/template/hpi`, { headers: KEY_HEADERS });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ session_id: id, status: 'processing', template_id: 'hpi' });
    const result = await settledSession(t, id);
    expect(Object.keys(result.body.templates)).toEqual(['soap', 'hpi']);
    expect(result.body.templates.hpi.status).toBe('success');
    expect(engine.extractCalls.map((call) => call.templateId)).toEqual(['soap', 'hpi']);
  });

  it('(2.8) a partial session whose failing template now succeeds becomes completed', async () => {
    const failing = new Set(['medications']);
    const engine = createTestEngine();
    const extract = engine.extract.bind(engine);
    engine.extract = async (input, signal) =>
      failing.has(input.templateId) ? { status: 'failed', error: { code: 'extraction_failed', message: 'not yet' } } : extract(input, signal);
    const t = await startTestServer({ engine });
    const id = await createSession(t, { templates: ['soap', 'medications'] });
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(t, id, 1);
    expect((await settledSession(t, id)).status).toBe(206);
    failing.clear();
    await t.call('POST', `/v1/sessions/${id}/process/template/medications`, { headers: KEY_HEADERS });
    const result = await settledSession(t, id);
    expect(result.status).toBe(200);
    expect(result.body.status).toBe('completed');
  });

  it('(2.8) other states → 400 invalid_request with details.status; expired → 410; unknown → 404; bad id → 400 invalid_template', async () => {
    const t = await startGatedServer({ longPollSeconds: 0 });
    for (const state of ['created', 'recording', 'processing', 'failed'] as const) {
      const id = await prepareSession(t, state);
      const response = await t.call('POST', `/v1/sessions/${id}/process/template`, { headers: KEY_HEADERS });
      expect(response.status, state).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid_request', details: { status: state } });
    }
    const expired = await prepareSession(t, 'expired');
    expect((await t.call('POST', `/v1/sessions/${expired}/process/template`, { headers: KEY_HEADERS })).status).toBe(410);
    expect((await t.call('POST', '/v1/sessions/ses_none00000000000000000000/process/template', { headers: KEY_HEADERS })).status).toBe(404);
    t.release();
    const completed = await prepareSession(t, 'completed');
    const bad = await t.call('POST', `/v1/sessions/${completed}/process/template/${encodeURIComponent('bad id!')}`, { headers: KEY_HEADERS });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_template');
  });
});
