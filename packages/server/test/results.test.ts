import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/index.js';
import { contract, createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk, type TestServer } from './helpers/harness.js';
import { createTestEngine } from './helpers/engines.js';
import { prepareSession, startGatedServer, type PreparedState } from './helpers/states.js';
import { makeWav } from './helpers/wav.js';

const TOKEN_LOGIN = { client_id: 'local-dev-client', client_secret: 'local-dev-secret' };

async function bearerHeaders(t: TestServer): Promise<Record<string, string>> {
  const token = (await t.call('POST', '/connect-auth/v1/account/login', { json: TOKEN_LOGIN })).body.access_token;
  return { Authorization: `Bearer ${token}` };
}

async function finishedSession(t: TestServer, templates: string[], files = 1, sent: number | undefined = files): Promise<string> {
  const id = await createSession(t, { templates });
  for (let i = 0; i < files; i += 1) await uploadChunk(t, id, `chunk_${i}.wav`, makeWav({ seconds: 0.1 }));
  await endSession(t, id, sent);
  await t.server.idle();
  return id;
}

const CODES: [PreparedState, number][] = [
  ['created', 202],
  ['recording', 202],
  ['processing', 202],
  ['completed', 200],
  ['partial', 206],
  ['failed', 200],
  ['expired', 410],
];

describe('GET status codes and fields (3.1, 3.3)', () => {
  for (const [state, code] of CODES) {
    it(`[#54] GET of a ${state} session → ${code}`, async () => {
      const t = await startGatedServer({ longPollSeconds: 0 });
      const id = await prepareSession(t, state);
      const response = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
      expect(response.status).toBe(code);
      expect(response.body.status).toBe(state);
      expect(response.body.error?.code === undefined || state === 'failed').toBe(true);
      t.release();
    });
  }

  const ALWAYS = ['session_id', 'status', 'created_at', 'expires_at', 'audio_files_received', 'audio_files', 'additional_data'];
  const FIELDS: Record<string, { present: string[]; absent: string[] }> = {
    created: { present: ['transcript'], absent: ['templates', 'completed_at', 'model_used', 'language_detected', 'audio_files_processed', 'processing_errors', 'error', 'expired_at', 'message'] },
    recording: { present: ['transcript'], absent: ['templates', 'completed_at', 'model_used', 'error', 'expired_at'] },
    processing: { present: ['transcript', 'templates'], absent: ['completed_at', 'model_used', 'language_detected', 'audio_files_processed', 'error', 'expired_at', 'message'] },
    completed: { present: ['transcript', 'templates', 'completed_at', 'model_used', 'language_detected', 'audio_files_processed'], absent: ['processing_errors', 'error', 'expired_at', 'message'] },
    partial: { present: ['transcript', 'templates', 'completed_at', 'model_used', 'language_detected', 'audio_files_processed'], absent: ['error', 'expired_at', 'message'] },
    failed: { present: ['completed_at', 'error', 'templates'], absent: ['expired_at', 'message'] },
    expired: { present: ['expired_at', 'message', 'transcript', 'templates'], absent: ['completed_at', 'error'] },
  };
  for (const [state, { present, absent }] of Object.entries(FIELDS)) {
    it(`[#55] a ${state} body has the fields of 3.3`, async () => {
      const t = await startGatedServer({ longPollSeconds: 0 });
      const id = await prepareSession(t, state as PreparedState);
      const { body } = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
      for (const field of [...ALWAYS, ...present]) expect(body, field).toHaveProperty(field);
      for (const field of absent) expect(body, field).not.toHaveProperty(field);
      if (['created', 'recording', 'processing'].includes(state)) expect(body.transcript).toBe('');
      if (state === 'processing') expect(body.templates).toEqual({ soap: { status: 'processing' } });
      if (state === 'expired') {
        expect(body).toMatchObject({ transcript: null, templates: {}, message: 'Session expired before it was ended.' });
        expect(body.expired_at).toBe(body.expires_at);
      }
      if (state === 'failed') expect(body.error).toEqual({ code: 'audio_too_short', message: expect.any(String) });
      if (state === 'partial') expect(body.audio_files_processed).toBe(1);
      t.release();
    });
  }
});

describe('processing outcomes (3.7)', () => {
  it('[#56] all templates succeed, counts match → completed with transcript, model_used and a 2-letter language_detected', async () => {
    const t = await startTestServer({ engine: createTestEngine({ language: 'hi-IN' }) });
    const id = await createSession(t, { templates: ['soap', 'transcript'], model: 'pro' });
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.25 }));
    await endSession(t, id, 1);
    const { status, body } = await settledSession(t, id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'completed', model_used: 'pro', language_detected: 'hi', audio_files_processed: 1 });
    expect(body.transcript).toBe('heard chunk_0.wav:4000');
    expect(body.templates.transcript).toEqual({ status: 'success', data: { transcript: body.transcript } });
    expect(body.templates.soap).toMatchObject({ status: 'success', data: { template: 'soap' }, document_id: 'doc_0' });
  });

  it('[#56] a failed template, an engine-skipped chunk or a count mismatch → partial (206)', async () => {
    const failing = await startTestServer({ engine: createTestEngine({ failTemplates: ['medications'] }) });
    const a = await finishedSession(failing, ['soap', 'medications']);
    const failedTemplate = await failing.call('GET', `/v1/sessions/${a}`, { headers: KEY_HEADERS });
    expect(failedTemplate.status).toBe(206);
    expect(failedTemplate.body.templates.medications).toEqual({ status: 'failed', error: { code: 'extraction_failed', message: 'cannot extract medications' } });
    expect(failedTemplate.body).not.toHaveProperty('processing_errors');

    const skipping = await startTestServer({ engine: createTestEngine({ skip: ['chunk_1.wav'] }) });
    const b = await finishedSession(skipping, ['soap'], 2);
    const skipped = await skipping.call('GET', `/v1/sessions/${b}`, { headers: KEY_HEADERS });
    expect(skipped.status).toBe(206);
    expect(skipped.body.audio_files_processed).toBe(1);
    expect(skipped.body.processing_errors).toEqual([{ type: 'audio_file_skipped', message: 'chunk_1.wav could not be decoded', file: 'chunk_1.wav' }]);
  });

  it('[#56] the default engine has no transcriber: failed, processing_failed, every template failed', async () => {
    const t = await startTestServer();
    const id = await finishedSession(t, ['soap', 'eka_emr_template']);
    const { status, body } = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    expect(status).toBe(200);
    expect(body.status).toBe('failed');
    expect(body.error).toEqual({ code: 'processing_failed', message: 'no transcriber configured' });
    expect(body.templates).toEqual({ soap: { status: 'failed', error: body.error }, eka_emr_template: { status: 'failed', error: body.error } });
    expect(body).not.toHaveProperty('transcript');
  });

  it('[#56] an EngineError code is reported (language_unsupported); other engine errors are processing_failed', async () => {
    const unsupported = await startTestServer({ engine: createTestEngine({ fail: new EngineError('language_unsupported', 'no Klingon') }) });
    const a = await finishedSession(unsupported, ['soap']);
    expect((await unsupported.call('GET', `/v1/sessions/${a}`, { headers: KEY_HEADERS })).body.error).toEqual({ code: 'language_unsupported', message: 'no Klingon' });
    const crashing = await startTestServer({ engine: createTestEngine({ fail: new Error('GPU on fire') }) });
    const b = await finishedSession(crashing, ['soap']);
    expect((await crashing.call('GET', `/v1/sessions/${b}`, { headers: KEY_HEADERS })).body.error).toEqual({ code: 'processing_failed', message: 'GPU on fire' });
  });

  it('[#56] language hints reach the engine without auto_detect; session mode and model too', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine });
    const id = await createSession(t, { language_hint: ['auto_detect', 'ta'], transcript_language: 'en', session_mode: 'consultation', model: 'pro', patient_details: { age: 40 } });
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(t, id, 1);
    await t.server.idle();
    expect(engine.transcribeCalls[0]).toMatchObject({ sessionId: id, languageHints: ['ta'], transcriptLanguages: ['en'], sessionMode: 'consultation', model: 'pro' });
    expect(engine.extractCalls[0]).toMatchObject({ templateId: 'soap', language: 'en', patientDetails: { age: 40 } });
  });
});

describe('templates shape and filter (0.3, 2.5)', () => {
  it('[#57] API-key callers get the keyed object; login-token and jwt-payload callers get the list', async () => {
    const t = await startTestServer({ trustJwtPayload: true, engine: createTestEngine() });
    const id = await finishedSession(t, ['soap', 'transcript']);
    const keyed = await t.call('GET', `/v1/sessions/${id}`, { headers: { Authorization: 'X-API-Key sk_test_local_dev' } });
    expect(Object.keys(keyed.body.templates)).toEqual(['soap', 'transcript']);
    for (const headers of [await bearerHeaders(t), { 'jwt-payload': '{"b-id":"b_local_dev"}' }]) {
      const list = await t.call('GET', `/v1/sessions/${id}`, { headers });
      expect(Array.isArray(list.body.templates)).toBe(true);
      expect(list.body.templates.map((entry: object) => Object.keys(entry))).toEqual([['soap'], ['transcript']]);
      expect(list.body.templates[0].soap).toEqual(keyed.body.templates.soap);
    }
  });

  it('[#57] ?template_id= keeps only that id (none for an unknown id), in both shapes', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    const id = await finishedSession(t, ['soap', 'medications']);
    const keyed = await t.call('GET', `/v1/sessions/${id}?template_id=medications`, { headers: KEY_HEADERS });
    expect(Object.keys(keyed.body.templates)).toEqual(['medications']);
    const list = await t.call('GET', `/voice/v1/sessions/${id}?template_id=soap`, { headers: await bearerHeaders(t) });
    expect(list.body.templates.map((entry: object) => Object.keys(entry)[0])).toEqual(['soap']);
    expect((await t.call('GET', `/v1/sessions/${id}?template_id=nope`, { headers: KEY_HEADERS })).body.templates).toEqual({});
  });

  it('[#57] several documents for one template repeat its id in the list; the keyed object keeps the first', async () => {
    const t = await startTestServer({ trustJwtPayload: true, engine: createTestEngine({ documentsPerTemplate: 2 }) });
    const id = await finishedSession(t, ['eka_emr_template']);
    const list = await t.call('GET', `/v1/sessions/${id}`, { headers: { 'jwt-payload': '{"b-id":"b_local_dev"}' } });
    expect(list.body.templates.map((entry: Record<string, { document_id: string }>) => entry.eka_emr_template?.document_id)).toEqual(['doc_0', 'doc_1']);
    const keyed = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    expect(keyed.body.templates.eka_emr_template.document_id).toBe('doc_0');
  });

  it('[#57] the templatesShape option forces one shape', async () => {
    const t = await startTestServer({ engine: createTestEngine(), templatesShape: 'list' });
    const id = await finishedSession(t, ['soap']);
    expect(Array.isArray((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.templates)).toBe(true);
  });

  it('[#57] the templates list names at least the three production templates', async () => {
    const t = await startTestServer();
    const { body } = await t.call('GET', '/v1/templates', { headers: KEY_HEADERS });
    const ids = body.templates.map((template: { id: string }) => template.id);
    expect(ids).toEqual(expect.arrayContaining(['clinical_notes_template', 'eka_emr_template', 'transcript_template']));
  });
});

describe('long-poll (3.4)', () => {
  it('[#58] a GET of a processing session is held and returns as soon as the session is terminal', async () => {
    const t = await startGatedServer({ longPollSeconds: 10 });
    const id = await prepareSession(t, 'processing');
    const started = performance.now();
    setTimeout(() => t.release(), 300);
    const response = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('completed');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000);
  });

  it('[#58] the hold ends at long_poll_seconds with 202; 0 disables it; created/recording are never held', async () => {
    const t = await startGatedServer({ longPollSeconds: 1 });
    const id = await prepareSession(t, 'processing');
    let started = performance.now();
    const held = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    expect(held.status).toBe(202);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    const open = await prepareSession(t, 'recording');
    started = performance.now();
    expect((await t.call('GET', `/v1/sessions/${open}`, { headers: KEY_HEADERS })).status).toBe(202);
    expect(performance.now() - started).toBeLessThan(500);
    t.release();

    const noHold = await startGatedServer({ longPollSeconds: 0 });
    const other = await prepareSession(noHold, 'processing');
    started = performance.now();
    expect((await noHold.call('GET', `/v1/sessions/${other}`, { headers: KEY_HEADERS })).status).toBe(202);
    expect(performance.now() - started).toBeLessThan(500);
    noHold.release();
  });

  it('[#58] long_poll_seconds above 14 is refused at start', async () => {
    await expect(startTestServer({ longPollSeconds: 15 })).rejects.toThrow(/longPollSeconds/);
  });
});

describe('wire hygiene (10 #1, #33)', () => {
  it('[#59] no status is ever initialized, every timestamp ends in Z, every body validates (2.9 exceptions)', async () => {
    const t = await startTestServer({ trustJwtPayload: true, engine: createTestEngine(), longPollSeconds: 0 });
    const seen: unknown[] = [];
    const id = await createSession(t, { templates: ['soap', 'transcript'], session_id: 'client-chosen_id-42' });
    seen.push((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body);
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    seen.push((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body);
    seen.push((await endSession(t, id, 1)).body);
    seen.push((await settledSession(t, id)).body, (await settledSession(t, id, { 'jwt-payload': '{"b-id":"b_local_dev"}' })).body);
    const expired = await createSession(t);
    await t.server.expireSession(expired);
    seen.push((await t.call('GET', `/v1/sessions/${expired}`, { headers: { 'jwt-payload': '{"b-id":"b_local_dev"}' } })).body);
    const text = JSON.stringify(seen);
    expect(text).not.toContain('initialized');
    const timestamps = text.match(/"(created_at|expires_at|completed_at|expired_at)":"[^"]*"/g) ?? [];
    expect(timestamps.length).toBeGreaterThan(10);
    for (const stamp of timestamps) expect(stamp).toMatch(/\.\d{3}Z"$/);
    // The list form and client-chosen ids are accepted only thanks to the 2.9 exceptions.
    expect(contract.validateSchema('SessionCompletedResponse', seen[4]).valid).toBe(true);
    expect(contract.validateSchema('ExpiredSessionResponse', seen[5]).valid).toBe(true);
  });
});
