import { describe, expect, it } from 'vitest';
import { KEY_HEADERS, startTestServer } from './helpers/harness.js';

// Issue 11 item 6: the test-knob request log must not show secrets from bodies or query strings.
const SECRET = 'sentinel-secret-value-7d1e';

describe('the request log redacts bodies and query strings (issue 11 #6)', () => {
  it('login, refresh and webhook secrets and ?api_key= values never appear in GET /__test__/requests or server.requests', async () => {
    const t = await startTestServer({ accounts: [{ clientId: 'client-a', clientSecret: SECRET, businessId: 'b_a', apiKeys: [`key-${SECRET}`] }] });
    const login = await t.call('POST', '/connect-auth/v1/account/login', { json: { client_id: 'client-a', client_secret: SECRET, api_key: `key-${SECRET}` } });
    expect(login.status).toBe(200);
    const { access_token: accessToken, refresh_token: refreshToken } = login.body as { access_token: string; refresh_token: string };
    await t.call('POST', '/connect-auth/v1/account/refresh-token', { json: { refresh_token: refreshToken, access_token: accessToken } });
    await t.call('POST', '/connect-auth/v1/account/login', { json: { client_id: 'client-a', client_secret: `wrong-${SECRET}`, password: SECRET } });
    await t.call('POST', '/v1/webhooks', { headers: { 'X-API-Key': `key-${SECRET}` }, json: { url: 'https://hooks.example.test/x', events: ['session.completed'], secret: `whsec_${SECRET}` } });
    await t.call('GET', `/v1/templates?api_key=${SECRET}&access_token=${accessToken}&token=${SECRET}&keep=visible`, { headers: KEY_HEADERS, validate: false });

    const listed = await t.call('GET', '/__test__/requests', { validate: false });
    for (const text of [listed.text, JSON.stringify(t.server.requests)]) {
      for (const secret of [SECRET, accessToken, refreshToken]) expect(text).not.toContain(secret);
    }
    const [first, refresh, wrong, webhook, templates] = t.server.requests;
    expect(first?.body).toEqual({ client_id: 'client-a', client_secret: '[redacted]', api_key: '[redacted]' });
    expect(refresh?.body).toEqual({ refresh_token: '[redacted]', access_token: '[redacted]' });
    expect(wrong?.body).toEqual({ client_id: 'client-a', client_secret: '[redacted]', password: '[redacted]' });
    expect(webhook?.body).toEqual({ url: 'https://hooks.example.test/x', events: ['session.completed'], secret: '[redacted]' });
    expect(templates?.query).toEqual({ api_key: '[redacted]', access_token: '[redacted]', token: '[redacted]', keep: 'visible' });
  });
});
