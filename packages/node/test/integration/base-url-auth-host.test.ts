import { describe, expect, it } from 'vitest';
import { isolatedClient, DEV_CLIENT_ID, DEV_CLIENT_SECRET } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';

// Issue 11 item 3: with only a base URL configured, the client secret must not go to the production auth host.
describe('a base URL alone keeps the login on that service (issue 11 #3)', () => {
  it('SCRIBE_BASE_URL without SCRIBE_AUTH_BASE_URL logs in at the base URL origin, never at api.eka.care', async () => {
    const t = await startTestServer();
    const elsewhere: string[] = [];
    // Refuses (and notes) any call away from the local server, so a wrong auth host cannot reach the network.
    const localOnly: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.origin !== t.url) {
        elsewhere.push(url.origin);
        throw new TypeError(`test refused a call to ${url.origin}`);
      }
      return t.fetch(input, init);
    };
    const client = isolatedClient(t, {
      fetch: localOnly,
      maxRetries: 0,
      processEnv: { SCRIBE_BASE_URL: `${t.url}/voice`, SCRIBE_CLIENT_ID: DEV_CLIENT_ID, SCRIBE_CLIENT_SECRET: DEV_CLIENT_SECRET },
    });

    const templates = await client.templates.list();

    expect(templates.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    expect(t.requests(/^\/connect-auth\/v1\/account\/login$/)).toHaveLength(1);
    expect(client.config.authBaseUrl).toBe(t.url);
  });
});
