import { describe, expect, it } from 'vitest';
import { parseAccountsFile } from '../src/auth/accounts.js';
import { parseCommandLine } from '../src/cli-arguments.js';
import { resolveOptions } from '../src/options.js';
import { startServer } from '../src/server.js';
import { templateUuid } from '../src/templates.js';
import { createTestEngine } from './helpers/engines.js';
import { startTestServer, type TestServer } from './helpers/harness.js';
import { makeWav } from './helpers/wav.js';

const LOGIN = '/connect-auth/v1/login';
const DEV_USER = { username: 'local-dev-user', password: 'local-dev-password' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The on-prem wire is deliberately not the contract's, so its answers are not validated against the contract schemas.
const raw = { validate: false } as const;

async function onPrem(): Promise<TestServer> {
  return startTestServer({ onPrem: true });
}

async function bearer(t: TestServer): Promise<Record<string, string>> {
  const response = await t.call('POST', LOGIN, { json: DEV_USER, ...raw });
  return { Authorization: `Bearer ${response.body.access_token as string}` };
}

describe('the on-prem variant (onPrem: true, issue 14 item 1)', () => {
  it('the start-up log line says which dialect it speaks', async () => {
    for (const mode of [true, false]) {
      const lines: string[] = [];
      const server = await startServer({ onPrem: mode, log: (line) => lines.push(line) });
      await server.close();
      expect(server.onPrem).toBe(mode);
      const startup = lines.find((line) => line.startsWith('listening on')) ?? '';
      if (mode) expect(startup).toContain('on-prem: the self-hosted EkaScribe dialect (password login at /connect-auth/v1/login)');
      else expect(startup).not.toContain('on-prem');
    }
  });

  it('logs in with {username, password} → {status, user, access_token, expires_in, refresh_token}', async () => {
    const t = await onPrem();
    const response = await t.call('POST', LOGIN, { json: DEV_USER, ...raw });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'status', 'user']);
    expect(response.body).toMatchObject({ status: 'success', user: { username: 'local-dev-user', business_id: 'b_local_dev' }, expires_in: 3600 });
  });

  it('a wrong password and an unknown username get the same 401 {"detail":"invalid_credentials"}', async () => {
    const t = await onPrem();
    for (const body of [{ ...DEV_USER, password: 'wrong' }, { username: 'nobody', password: 'local-dev-password' }]) {
      const response = await t.call('POST', LOGIN, { json: body, ...raw });
      expect([response.status, response.body]).toEqual([401, { detail: 'invalid_credentials' }]);
    }
  });

  it('a login without a password is FastAPI\'s 422 naming the field', async () => {
    const t = await onPrem();
    const response = await t.call('POST', LOGIN, { json: { username: 'local-dev-user' }, ...raw });
    expect([response.status, response.body]).toEqual([422, { detail: [{ type: 'missing', loc: ['body', 'password'], msg: 'Field required' }] }]);
  });

  it('the client-credentials routes answer 403 {"detail":"missing_token"}', async () => {
    const t = await onPrem();
    for (const path of ['/connect-auth/v1/account/login', '/connect-auth/v1/account/refresh-token', '/connect-auth/v1/account/refresh']) {
      const response = await t.call('POST', path, { json: { client_id: 'local-dev-client', client_secret: 'local-dev-secret' }, ...raw });
      expect([path, response.status, response.body]).toEqual([path, 403, { detail: 'missing_token' }]);
    }
  });

  it('only a bearer token counts: nothing, an API key or a jwt-payload header is 403 missing_token; a bad token invalid_token', async () => {
    const t = await onPrem();
    const cases: [Record<string, string>, string][] = [
      [{}, 'missing_token'],
      [{ 'X-API-Key': 'sk_test_local_dev' }, 'missing_token'],
      [{ 'jwt-payload': '{"b-id":"b_local_dev"}' }, 'missing_token'],
      [{ Authorization: 'Bearer not-a-token' }, 'invalid_token'],
    ];
    for (const [headers, detail] of cases) {
      const response = await t.call('GET', '/v1/templates', { headers, ...raw });
      expect([response.status, response.body]).toEqual([403, { detail }]);
    }
  });

  it('lists templates as {items} under stable UUIDs', async () => {
    const t = await onPrem();
    const response = await t.call('GET', '/v1/templates', { headers: await bearer(t), ...raw });
    expect(response.status).toBe(200);
    const items = response.body.items as { id: string; name: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => UUID.test(item.id))).toBe(true);
    expect(items.find((item) => item.name === 'SOAP note')?.id).toBe(templateUuid('soap'));
    expect(response.body.templates).toBeUndefined();
  });

  it('requires language_hint on create and refuses template ids outside its catalogue, FastAPI-style', async () => {
    const t = await onPrem();
    const headers = await bearer(t);
    const soap = templateUuid('soap');
    const noHint = await t.call('POST', '/v1/sessions', { headers, json: { templates: [soap] }, ...raw });
    expect([noHint.status, noHint.body]).toEqual([422, { detail: [{ type: 'missing', loc: ['body', 'language_hint'], msg: 'Field required' }] }]);
    const hosted = await t.call('POST', '/v1/sessions', { headers, json: { templates: ['soap'], language_hint: ['en'] }, ...raw });
    expect(hosted.status).toBe(422);
    expect(hosted.body.detail[0]).toMatchObject({ type: 'template_not_found', loc: ['body', 'templates'] });
    const created = await t.call('POST', '/v1/sessions', { headers, json: { templates: [soap], language_hint: ['en'] }, ...raw });
    expect(created.status).toBe(201);
    const missing = await t.call('GET', '/v1/sessions/sess_does_not_exist_0000', { headers, ...raw });
    expect(missing.status).toBe(404);
    expect(typeof missing.body.detail).toBe('string');
  });

  it('a session under a UUID template completes: the engine extracts by the catalogue\'s own id, the result is keyed by the UUID', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ onPrem: true, engine });
    const headers = await bearer(t);
    const soap = templateUuid('soap');
    const created = await t.call('POST', '/v1/sessions', { headers, json: { templates: [soap], language_hint: ['en'] }, ...raw });
    const id = created.body.session_id as string;
    const wav = { headers: { ...headers, 'Content-Type': 'audio/wav' }, body: makeWav({ seconds: 0.3 }), ...raw };
    expect((await t.call('POST', `/v1/sessions/${id}/audio/chunk_0.wav`, wav)).status).toBe(200);
    expect((await t.call('POST', `/v1/sessions/${id}/end`, { headers, json: { audio_files_sent: 1 }, ...raw })).status).toBe(202);
    await t.server.idle();
    const session = await t.call('GET', `/v1/sessions/${id}`, { headers, ...raw });

    expect(session.body.status).toBe('completed');
    expect(engine.extractCalls.map((call) => call.templateId)).toEqual(['soap']);
    expect(JSON.stringify(session.body.templates)).toContain(soap);
  });

  it('its discovery document advertises the password login and no client-credentials routes', async () => {
    const t = await onPrem();
    const response = await t.call('GET', '/.well-known/medscribealliance', raw);
    expect(response.body.authentication).toEqual({ supported_methods: ['password'] });
    expect(response.body.extensions.password_login).toEqual({ login_url: `${t.server.url}${LOGIN}` });
    expect(response.body.extensions.client_credentials).toBeUndefined();
  });

  it('is off by default: the password route does not exist and the contract routes answer as before', async () => {
    const t = await startTestServer();
    expect((await t.call('POST', LOGIN, { json: DEV_USER, ...raw })).status).toBe(404);
    expect((await t.call('POST', '/connect-auth/v1/account/login', { json: { client_id: 'local-dev-client', client_secret: 'local-dev-secret' } })).status).toBe(200);
  });

  it('accounts files carry username and password together; --on-prem sets the option; jwt-payload trust is refused with it', async () => {
    expect(parseAccountsFile([{ client_id: 'c', client_secret: 's', business_id: 'b', username: 'u', password: 'p' }])[0]).toMatchObject({ username: 'u', password: 'p' });
    expect(() => parseAccountsFile([{ client_id: 'c', client_secret: 's', business_id: 'b', username: 'u' }])).toThrow(/username and password/);
    expect(await parseCommandLine(['--on-prem'], {})).toMatchObject({ onPrem: true });
    expect(await parseCommandLine([], {})).toMatchObject({ onPrem: false });
    expect(() => resolveOptions({ onPrem: true, trustJwtPayload: true })).toThrow(/onPrem/);
  });
});
