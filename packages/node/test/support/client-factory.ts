import { onTestFinished } from 'vitest';
import { DEV_ACCOUNT } from '@scribe/server';
import { ScribeClient, type ScribeClientOptions } from '@scribe/node';
import type { TestServer } from './start-test-server';
import { createTempDirectory } from './temp-directory';

/** The reference server's development account (contract 1.6). */
export const DEV_CLIENT_ID = DEV_ACCOUNT.clientId;
/** Its client secret. */
export const DEV_CLIENT_SECRET = DEV_ACCOUNT.clientSecret;
/** Its API key. */
export const DEV_API_KEY = 'sk_test_local_dev';
/** Two production templates (contract 9.3), the most a session may request. */
export const TEST_TEMPLATES = ['clinical_notes_template', 'eka_emr_template'];

/**
 * A client isolated from the machine: an empty temporary working directory (no `.env`, no config file) and an empty
 * environment, talking through the test server's recording fetch. Closed when the test finishes.
 */
export function isolatedClient(t: Pick<TestServer, 'fetch'> | undefined, options: ScribeClientOptions): ScribeClient {
  const client = new ScribeClient({
    cwd: createTempDirectory(),
    processEnv: {},
    defaultTemplates: TEST_TEMPLATES,
    ...(t ? { fetch: t.fetch } : {}),
    ...options,
  });
  onTestFinished(() => client.close());
  return client;
}

/** `eka` dialect, client credentials, base URL and auth host both at the server's origin (paths `/v1/...`). */
export function ekaClient(t: TestServer, options: ScribeClientOptions = {}): ScribeClient {
  return isolatedClient(t, { baseUrl: t.url, authBaseUrl: t.url, clientId: DEV_CLIENT_ID, clientSecret: DEV_CLIENT_SECRET, ...options });
}

/** `eka` in the production layout: protocol under `{origin}/voice`, auth host at the origin. */
export function productionLayoutClient(t: TestServer, options: ScribeClientOptions = {}): ScribeClient {
  return ekaClient(t, { baseUrl: `${t.url}/voice`, ...options });
}

/** `msa` dialect: discovery at the server's origin, the dev API key. */
export function msaClient(t: TestServer, options: ScribeClientOptions = {}): ScribeClient {
  return isolatedClient(t, { discoveryUrl: t.url, apiKey: DEV_API_KEY, ...options });
}
