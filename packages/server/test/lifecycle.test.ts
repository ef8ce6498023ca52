import { describe, expect, it } from 'vitest';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk } from './helpers/harness.js';
import { createTestEngine } from './helpers/engines.js';
import { prepareSession, startGatedServer, statusOf, type PreparedState } from './helpers/states.js';
import { eventsOf, startWebhookReceiver } from './helpers/webhook-receiver.js';
import { makeWav } from './helpers/wav.js';

describe('end session (2.6)', () => {
  it('[#50] end → 202 with session_id, status, message, audio_files_received, audio_files', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    await uploadChunk(t, id, 'chunk_1.wav', makeWav({ seconds: 0.1 }));
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    const response = await endSession(t, id, 2);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      session_id: id,
      status: 'processing',
      message: 'Session ended; processing started.',
      audio_files_received: 2,
      audio_files: ['chunk_0.wav', 'chunk_1.wav'],
    });
  });

  it('[#50] end without a body (or with {} or null count) is accepted and skips the mismatch check', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    for (const json of [undefined, {}, { audio_files_sent: null }]) {
      const id = await createSession(t);
      await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
      const response = await t.call('POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, ...(json === undefined ? {} : { json }) });
      expect(response.status).toBe(202);
      expect((await settledSession(t, id)).body.status).toBe('completed');
    }
  });

  it('[#50] a negative or non-integer audio_files_sent → 400 invalid_request (session stays open)', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    for (const value of [-1, 1.5, '3', true, [1]]) {
      const response = await t.call('POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, json: { audio_files_sent: value } });
      expect(response.status, JSON.stringify(value)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    const notObject = await t.call('POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, json: [3] });
    expect(notObject.status).toBe(400);
    expect(await statusOf(t, id)).toBe('created');
  });

  it('[#51] a chunked count mismatch lets processing run and ends partial with audio_files_mismatch', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    const id = await createSession(t);
    for (let i = 0; i < 3; i += 1) await uploadChunk(t, id, `chunk_${i}.wav`, makeWav({ seconds: 0.1 }));
    await endSession(t, id, 4);
    const result = await settledSession(t, id);
    expect(result.status).toBe(206);
    expect(result.body.status).toBe('partial');
    expect(result.body.templates.soap.status).toBe('success');
    expect(result.body.processing_errors).toEqual([{ type: 'audio_files_mismatch', message: 'client sent 4, server received 3' }]);
    expect(result.body.transcript).toContain('chunk_2.wav');
  });

  it('[#53] zero stored files → failed with audio_too_short; end sends session.ended, then session.failed', async () => {
    const t = await startTestServer({ engine: createTestEngine(), webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    const receiver = await startWebhookReceiver();
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.ended', 'session.failed', 'session.completed'] } });
    const id = await createSession(t, { templates: ['soap', 'transcript'] });
    await endSession(t, id, 0);
    const result = await settledSession(t, id);
    expect(result.status).toBe(200);
    expect(result.body.status).toBe('failed');
    expect(result.body.error).toEqual({ code: 'audio_too_short', message: 'No audio was received before the session ended.' });
    expect(result.body.templates).toEqual({
      soap: { status: 'failed', error: result.body.error },
      transcript: { status: 'failed', error: result.body.error },
    });
    await receiver.waitFor(2);
    expect(eventsOf(receiver.deliveries)).toEqual([
      { event: 'session.ended', session_id: id },
      { event: 'session.failed', session_id: id },
    ]);
  });
});

const STATES: PreparedState[] = ['created', 'recording', 'processing', 'completed', 'expired', 'unknown'];

const EXPECTED = {
  upload: { created: [200], recording: [200], processing: [400, 'session_ended'], completed: [400, 'session_ended'], expired: [410, 'session_expired'], unknown: [404, 'session_not_found'] },
  end: { created: [202], recording: [202], processing: [400, 'session_ended'], completed: [400, 'session_ended'], expired: [410, 'session_expired'], unknown: [404, 'session_not_found'] },
  patch: { created: [200], recording: [200], processing: [400, 'session_ended'], completed: [400, 'session_ended'], expired: [410, 'session_expired'], unknown: [404, 'session_not_found'] },
  get: { created: [202], recording: [202], processing: [202], completed: [200], expired: [410], unknown: [404, 'session_not_found'] },
} as const;

describe('operations by state (3.6)', () => {
  for (const [operation, row] of Object.entries(EXPECTED)) {
    for (const state of STATES) {
      const [status, code] = row[state as keyof typeof row] as readonly [number, string?];
      it(`[#52] ${operation} on a ${state} session → ${status}${code ? ` ${code}` : ''}`, async () => {
        const t = await startGatedServer({ longPollSeconds: 0 });
        const id = await prepareSession(t, state);
        const path = `/v1/sessions/${id}`;
        const response =
          operation === 'upload'
            ? await uploadChunk(t, id, 'chunk_5.wav', makeWav({ seconds: 0.1 }))
            : operation === 'end'
              ? await endSession(t, id, 1)
              : operation === 'patch'
                ? await t.call('PATCH', path, { headers: KEY_HEADERS, json: { user_status: 'reviewed' } })
                : await t.call('GET', path, { headers: KEY_HEADERS });
        expect(response.status).toBe(status);
        if (code) expect(response.body.error.code).toBe(code);
        else if (response.status !== 410) expect(response.body.error).toBeUndefined();
        if (operation === 'get' && state === 'expired') expect(response.body).toMatchObject({ session_id: id, status: 'expired' });
        if (code === 'session_ended') expect(response.body.error.details.status).toBe(state);
        if (operation === 'end' && status === 202) expect(await statusOf(t, id)).toBe('processing');
        t.release();
      });
    }
  }

  it('[#52] a repeated end does not restart processing nor send a second session.ended', async () => {
    const receiver = await startWebhookReceiver();
    const t = await startGatedServer({ webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.ended', 'session.completed'] } });
    const id = await prepareSession(t, 'recording');
    expect((await endSession(t, id, 1)).status).toBe(202);
    expect((await endSession(t, id, 1)).status).toBe(400);
    t.release();
    await settledSession(t, id);
    expect((await endSession(t, id, 1)).status).toBe(400);
    await t.server.idle();
    expect(eventsOf(receiver.deliveries).map((delivery) => delivery.event)).toEqual(['session.ended', 'session.completed']);
    expect(t.engine.transcribeCalls).toHaveLength(1);
  });
});

describe('patch session (2.7)', () => {
  it('[#52] patch replaces fields (no merge), echoes opaque statuses, and never ends the session', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    const id = await createSession(t, { patient_details: { name: 'A', age: 3 }, additional_data: { a: 1, b: 2 } });
    const response = await t.call('PATCH', `/v1/sessions/${id}`, {
      headers: KEY_HEADERS,
      json: { patient_details: { name: 'B' }, additional_data: { c: 3 }, user_status: 'done', processing_status: 'complete', language_hint: 'hi', templates: ['medications', 'transcript'] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'created', patient_details: { name: 'B' }, additional_data: { c: 3 }, user_status: 'done', processing_status: 'complete' });
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(t, id, 1);
    const result = await settledSession(t, id);
    expect(Object.keys(result.body.templates)).toEqual(['medications', 'transcript']);
    expect(result.body.user_status).toBe('done');
  });

  it('[#52] patch with an unknown key or an invalid value → 400 invalid_request', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    for (const json of [{ model: 'pro' }, { session_id: 'x' }, { templates: [] }, { language_hint: ['fr'] }, { additional_data: 'x' }, { user_status: 5 }, [1]]) {
      const response = await t.call('PATCH', `/v1/sessions/${id}`, { headers: KEY_HEADERS, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
  });
});
