import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/cli-arguments.js';
import { KEY_HEADERS, startTestServer, type TestServer } from './helpers/harness.js';

// Issue 11 item 5: webhook targets must not reach the server's own network, carry credentials or multiply unbounded.
const EVENTS = ['session.completed'];

async function register(t: TestServer, url: string) {
  return t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url, events: EVENTS } });
}

function expectRefused(response: Awaited<ReturnType<typeof register>>, reason: string, label: string): void {
  expect(response.status, label).toBe(400);
  expect(response.body.error, label).toMatchObject({ code: 'invalid_request', details: { field: 'url', reason } });
}

describe('webhook targets (issue 11 #5)', () => {
  it('link-local targets are refused over https and http, even when private targets are allowed', async () => {
    for (const allowPrivateTargets of [false, true]) {
      const t = await startTestServer({ webhooks: { allowPrivateTargets } });
      const urls = [
        'https://169.254.169.254/latest/meta-data',
        'http://169.254.169.254/x',
        'https://2852039166/x', // 169.254.169.254 as one number
        'https://[fe80::1]/x',
        'https://[febf::1]/x',
        'https://[::ffff:169.254.169.254]/x',
      ];
      for (const url of urls) expectRefused(await register(t, url), 'link_local_target', `${url} (allow private: ${allowPrivateTargets})`);
    }
  });

  it('private and loopback targets are refused by default, with https as with http', async () => {
    const t = await startTestServer();
    const privateUrls = ['https://10.0.0.5/x', 'https://172.16.3.4/x', 'https://192.168.1.10/x', 'https://100.64.0.1/x', 'https://[fd00::1]/x', 'https://[::ffff:10.0.0.5]/x'];
    for (const url of privateUrls) expectRefused(await register(t, url), 'private_target', url);
    const loopbackUrls = ['http://127.0.0.1:9/x', 'https://127.0.0.1/x', 'http://localhost:9/x', 'https://api.localhost/x', 'http://[::1]:9/x', 'https://0.0.0.0/x'];
    for (const url of loopbackUrls) expectRefused(await register(t, url), 'loopback_target', url);
    expect((await register(t, 'https://hooks.example.test/x')).status).toBe(201);
  });

  it('allowPrivateTargets lets loopback and private targets through (plain http still only for loopback)', async () => {
    const t = await startTestServer({ webhooks: { allowPrivateTargets: true } });
    for (const url of ['http://127.0.0.1:9/x', 'https://10.0.0.5/x', 'https://[fd00::1]/x']) expect((await register(t, url)).status, url).toBe(201);
    expect((await register(t, 'http://10.0.0.5/x')).status).toBe(400);
  });

  it('credentials in the URL are refused', async () => {
    const t = await startTestServer();
    for (const url of ['https://user:pw@hooks.example.test/x', 'https://user@hooks.example.test/x', 'https://:pw@hooks.example.test/x']) {
      const response = await register(t, url);
      expectRefused(response, 'credentials_in_url', url);
      expect(response.text).not.toContain('pw@');
    }
  });

  it('registrations per business are capped (20 by default, configurable), concurrent ones included', async () => {
    const t = await startTestServer();
    const responses = await Promise.all(Array.from({ length: 25 }, (_, index) => register(t, `https://hooks.example.test/${index}`)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(20);
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused).toHaveLength(5);
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid_request', details: { reason: 'too_many_webhooks', limit: 20 } });
    }
    expect((await t.call('GET', '/v1/webhooks', { headers: KEY_HEADERS })).body.webhooks).toHaveLength(20);

    const small = await startTestServer({ webhooks: { maxPerBusiness: 1 } });
    expect((await register(small, 'https://hooks.example.test/a')).status).toBe(201);
    expect((await register(small, 'https://hooks.example.test/b')).body.error.details).toMatchObject({ reason: 'too_many_webhooks', limit: 1 });
  });

  it('the CLI sets both: --webhook-allow-private and --webhook-max-per-business N', async () => {
    expect(await parseCommandLine(['--webhook-allow-private', '--webhook-max-per-business', '3'], {})).toMatchObject({ webhooks: { allowPrivateTargets: true, maxPerBusiness: 3 } });
  });
});
