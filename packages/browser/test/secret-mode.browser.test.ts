import { afterEach, expect, inject, test } from 'vitest';
import { createBrowserClient, type BrowserScribeClient } from '../src/client/browser-client';
import { SPEECH_WAV, speechPcm, TEST_TEMPLATES } from './support/speech-audio';
import { TEST_ASSET_BASE_URL } from './support/test-assets';

// A secret in a page is readable by every user of it: refused unless the app says it knows (the OpenAI SDK's convention).

const clients: BrowserScribeClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

const refusal = /^Refusing to use an API key or client secret in a browser: every user of the page could read it and act as your account\. .*relayUrl.*getToken.*dangerouslyAllowBrowser: true\.$/;

test.each([
  ['apiKey', { apiKey: 'sk_test_local_dev' }],
  ['clientId + clientSecret', { clientId: 'local-dev-client', clientSecret: 'local-dev-secret' }],
  ['clientSecret alone', { clientSecret: 'local-dev-secret' }],
  ['dangerouslyAllowBrowser: false', { apiKey: 'sk_test_local_dev', dangerouslyAllowBrowser: false }],
])('%s without dangerouslyAllowBrowser: ConfigError at construction, before any request', (_name, secret) => {
  const requests: string[] = [];
  let caught: unknown;
  try {
    createBrowserClient({ ...secret, baseUrl: inject('serverUrl'), fetch: async (input) => (requests.push(String(input)), new Response('{}')) });
  } catch (error) {
    caught = error;
  }
  expect(caught).toMatchObject({ name: 'ConfigError', code: 'config_error', message: expect.stringMatching(refusal) });
  // The message never repeats the secret.
  expect((caught as Error).message).not.toContain('local-dev-secret');
  expect((caught as Error).message).not.toContain('sk_test_local_dev');
  expect(requests).toEqual([]);
});

test('apiKey with dangerouslyAllowBrowser: true works against the server (templates, a chunked session)', async () => {
  const client = createBrowserClient({
    apiKey: inject('devApiKey'),
    dangerouslyAllowBrowser: true,
    baseUrl: inject('serverUrl'),
    assetBaseUrl: TEST_ASSET_BASE_URL,
    defaultTemplates: TEST_TEMPLATES,
  });
  clients.push(client);
  expect(client.mode).toBe('secret');
  expect((await client.templates.list()).length).toBeGreaterThan(0);
  const session = client.session({ audio: await speechPcm(SPEECH_WAV) });
  await session.start();
  const result = await session.result();
  expect(result.status).toBe('completed');
  expect(result.audioFilesReceived).toBe(1);
});

test('a wrong API key with dangerouslyAllowBrowser: the service answers AuthError (the key is sent, and redacted)', async () => {
  const client = createBrowserClient({ apiKey: 'sk_wrong_key_123456', dangerouslyAllowBrowser: true, baseUrl: inject('serverUrl') });
  clients.push(client);
  const error = await client.templates.list().catch((caught: unknown) => caught);
  expect(error).toMatchObject({ name: 'AuthError', status: 401 });
  expect(String((error as Error).message)).not.toContain('sk_wrong_key_123456');
});
