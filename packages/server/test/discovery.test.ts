import { describe, expect, it } from 'vitest';
import { contract, createSession, endSession, KEY_HEADERS, startTestServer, uploadChunk } from './helpers/harness.js';
import { makeWav } from './helpers/wav.js';

const LOCATIONS = ['/.well-known/medscribealliance', '/v1/.well-known/medscribealliance', '/voice/v1/.well-known/medscribealliance'];

describe('discovery', () => {
  it('[#7] the three discovery locations answer 200 with the same document, JSON, max-age=3600, without credentials', async () => {
    const t = await startTestServer();
    const answers = await Promise.all(LOCATIONS.map((path) => t.call('GET', path)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('cache-control')).toBe('max-age=3600');
      expect(answer.body).toEqual(answers[0]?.body);
    }
  });

  it('[#8] the document validates against discovery_endpoint.schema.json and satisfies 2.2', async () => {
    const t = await startTestServer();
    const { body } = await t.call('GET', '/.well-known/medscribealliance');
    expect(contract.validateSchema('DiscoveryResponse', body)).toMatchObject({ valid: true });
    expect(body.endpoints.base_url).toBe(`${t.server.url}/v1`);
    expect(new URL(body.endpoints.base_url).href).toBe(body.endpoints.base_url);
    expect(body.endpoints.templates_url).toBe(`${t.server.url}/v1/templates`);
    expect(body.endpoints.webhooks_url).toBe(`${t.server.url}/v1/webhooks`);
    expect(body.capabilities.max_chunk_duration_seconds).toBe(20);
    expect(body.capabilities.audio_formats).toContain('audio/wav');
    expect(body.protocol).toBe('medscribealliance');
    expect(body.supported_versions).toEqual(['0.1']);
    expect(body.models.map((model: { id: string }) => model.id)).toEqual(['lite', 'pro']);
    expect(body.extensions.client_credentials.login_url).toBe(`${t.server.url}/connect-auth/v1/account/login`);
    // Section 6 is implemented, with the resume extension (contract 2.2, 6.6).
    expect(body.capabilities.upload_methods).toEqual(['chunked', 'single', 'stream']);
    expect(body.extensions.stream).toMatchObject({ protocol: 'websocket', frame_modes: ['binary', 'json'], encoding: 'pcm_s16le', sample_rate: 16000, resume: true });
  });

  it('[#8] generated URLs use the configured public URL', async () => {
    const t = await startTestServer({ publicUrl: 'https://scribe.example.test/' });
    const { body } = await t.call('GET', '/v1/.well-known/medscribealliance');
    expect(body.endpoints.base_url).toBe('https://scribe.example.test/v1');
    const created = await t.call('POST', '/voice/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['soap'] } });
    expect(created.body.upload_url).toBe(`https://scribe.example.test/voice/v1/sessions/${created.body.session_id}/audio`);
  });

  it('[#9] public routes ignore any credential, even an invalid one', async () => {
    const t = await startTestServer();
    const invalid: Record<string, string>[] = [{ 'X-API-Key': 'nope' }, { Authorization: 'Bearer a.b.c' }, { 'jwt-payload': '{bad' }];
    for (const headers of invalid) {
      for (const path of [...LOCATIONS, '/health']) expect((await t.call('GET', path, { headers })).status).toBe(200);
    }
    expect((await t.call('GET', '/health')).body).toEqual({ status: 'ok' });
  });

  it('[#9] every protocol route answers identically under /v1 and /voice/v1', async () => {
    const t = await startTestServer();
    const outcomes: Record<string, unknown[]> = {};
    for (const prefix of ['/v1', '/voice/v1']) {
      const seen: unknown[] = [];
      const created = await t.call('POST', `${prefix}/sessions`, { headers: KEY_HEADERS, json: { templates: ['soap'], additional_data: { a: 1 } } });
      const id = created.body.session_id;
      expect(created.body.upload_url).toBe(`${t.server.url}${prefix}/sessions/${id}/audio`);
      const upload = await t.call('POST', `${prefix}/sessions/${id}/audio/chunk_0.wav`, { headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav' }, body: makeWav({ seconds: 0.5 }) });
      const patch = await t.call('PATCH', `${prefix}/sessions/${id}`, { headers: KEY_HEADERS, json: { user_status: 'x' } });
      const get = await t.call('GET', `${prefix}/sessions/${id}`, { headers: KEY_HEADERS });
      const templates = await t.call('GET', `${prefix}/templates`, { headers: KEY_HEADERS });
      const end = await t.call('POST', `${prefix}/sessions/${id}/end`, { headers: KEY_HEADERS, json: { audio_files_sent: 1 } });
      const hook = await t.call('POST', `${prefix}/webhooks`, { headers: KEY_HEADERS, json: { url: 'https://example.test/h', events: ['session.ended'] } });
      const hooks = await t.call('GET', `${prefix}/webhooks`, { headers: KEY_HEADERS });
      const deleted = await t.call('DELETE', `${prefix}/webhooks/${hook.body.webhook_id}`, { headers: KEY_HEADERS });
      const missing = await t.call('GET', `${prefix}/sessions/ses_000000000000000000000000`, { headers: KEY_HEADERS });
      for (const response of [created, upload, patch, get, templates, end, hook, hooks, deleted, missing]) {
        seen.push([response.status, Object.keys(response.body ?? {}).sort()]);
      }
      seen.push(templates.body, missing.body.error.code, upload.body.file_name, end.body.audio_files);
      outcomes[prefix] = seen;
    }
    expect(outcomes['/voice/v1']).toEqual(outcomes['/v1']);
  });

  it('[#9] a session created under one prefix is reachable under the other', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.2 }));
    expect((await t.call('GET', `/voice/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.audio_files).toEqual(['chunk_0.wav']);
    expect((await endSession(t, id, 1)).status).toBe(202);
  });
});

describe('versioning', () => {
  it('[#11] a missing MSA-Version means 0.1; 0.1 and 0.1.0 are accepted', async () => {
    const t = await startTestServer();
    for (const version of [undefined, '0.1', '0.1.0']) {
      const headers = version ? { ...KEY_HEADERS, 'MSA-Version': version } : KEY_HEADERS;
      expect((await t.call('GET', '/v1/templates', { headers })).status).toBe(200);
    }
  });

  it('[#11] an unsupported MSA-Version is 400 unsupported_version with requested and supported versions', async () => {
    const t = await startTestServer();
    for (const version of ['2.0', '0.2', 'banana']) {
      const response = await t.call('POST', '/v1/sessions', { headers: { ...KEY_HEADERS, 'MSA-Version': version }, json: { templates: ['soap'] } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('unsupported_version');
      expect(response.body.error.details).toEqual({ requested_version: version, supported_versions: ['0.1'] });
    }
  });

  it('[#11] a deprecated version is served with X-MSA-Deprecated and X-MSA-Sunset-Date', async () => {
    const t = await startTestServer({ supportedVersions: ['0.1', '0.2'], deprecatedVersions: { '0.1': '2027-06-30' } });
    const old = await t.call('GET', '/v1/templates', { headers: { ...KEY_HEADERS, 'MSA-Version': '0.1' } });
    expect(old.headers.get('x-msa-deprecated')).toBe('true');
    expect(old.headers.get('x-msa-sunset-date')).toBe('2027-06-30');
    const current = await t.call('GET', '/v1/templates', { headers: { ...KEY_HEADERS, 'MSA-Version': '0.2' } });
    expect(current.headers.get('x-msa-deprecated')).toBeNull();
  });
});
