import { describe, expect, it } from 'vitest';
import { APIError, AuthError, ConfigError, ScribeClient, ScribeError } from '@scribe/node';
import { closedPort } from '../support/closed-port';
import { startTestServer } from '../support/start-test-server';
import { createTempDirectory } from '../support/temp-directory';

/**
 * Each bad input a user can give, through the public path a user takes (a working directory with `.env` and config
 * files, then the first call): a typed error whose message says what to do.
 */
async function firstCallError(files: Record<string, string>, options: ConstructorParameters<typeof ScribeClient>[0] = {}): Promise<ScribeError> {
  let error: unknown;
  try {
    const client = new ScribeClient({ cwd: createTempDirectory(files), processEnv: {}, ...options });
    await client.createSession({ templates: ['soap'] });
  } catch (caught) {
    error = caught;
  }
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

describe('bad input → typed errors with advice', () => {
  it('[#98] missing credentials → ConfigError at the first call naming the variables to set', async () => {
    const t = await startTestServer();
    const error = await firstCallError({ '.env': `SCRIBE_BASE_URL=${t.url}\n` }, { fetch: t.fetch });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('Set SCRIBE_CLIENT_ID and SCRIBE_CLIENT_SECRET');
    expect(t.server.requests).toHaveLength(0);
  });

  it('[#98] unknown env → ConfigError listing dev and prod', async () => {
    const error = await firstCallError({ '.env': 'SCRIBE_ENV=staging\n' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('SCRIBE_ENV must be one of dev, prod (got "staging").');
  });

  it('[#96] malformed config file → ConfigError naming the file and the parse error', async () => {
    const error = await firstCallError({ 'scribe.config.json': '{"default_model": "pro"' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/scribe\.config\.json is not valid JSON: /);
  });

  it('[#18] wrong credentials → AuthError with the server text and the env / auth host advice', async () => {
    const t = await startTestServer();
    const error = await firstCallError(
      { '.env': `SCRIBE_CLIENT_ID=local-dev-client\nSCRIBE_CLIENT_SECRET=not-the-secret\nSCRIBE_BASE_URL=${t.url}\nSCRIBE_AUTH_BASE_URL=${t.url}\n` },
      { fetch: t.fetch },
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('pwd mismatch');
    expect(error.message).toContain(`were issued by the auth host \`${t.url}\``);
  });

  it('[#90] a server that answers HTML → APIError saying the answer was not JSON', async () => {
    const t = await startTestServer();
    t.server.faults.add({ method: 'POST', path: '/v1/sessions$', kind: 'html', status: 503 });
    const error = await firstCallError({}, { baseUrl: t.url, apiKey: 'sk_test_local_dev', fetch: t.fetch });
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain('The answer was not JSON: a proxy or gateway may be in the way.');
  });

  it('[#90] a non-JSON 200 body → APIError advising to check the URLs', async () => {
    const t = await startTestServer();
    t.server.faults.add({ method: 'POST', path: '/v1/sessions$', kind: 'html', status: 200 });
    const error = await firstCallError({}, { baseUrl: t.url, apiKey: 'sk_test_local_dev', fetch: t.fetch });
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain('check the configured URLs and the dialect');
  });

  it('[#90] a refused connection → APIError naming the host and the cause, with advice', async () => {
    const port = await closedPort();
    const error = await firstCallError({}, { baseUrl: `http://127.0.0.1:${port}`, apiKey: 'sk_test_local_dev' });
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain(`could not reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    expect(error.message).toContain('Check the network and the configured URL');
    expect(error.status).toBeUndefined();
  });

  it('[#91] a refused connection on an idempotent call is retried first, then reported with the retry count', async () => {
    const port = await closedPort();
    const client = new ScribeClient({ cwd: createTempDirectory(), processEnv: {}, baseUrl: `http://127.0.0.1:${port}`, apiKey: 'sk_test_local_dev', maxRetries: 2 });
    const error = await client.templates.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain('retried 2 times');
  });

  it('[#91] a refused auth host → the login failure names the auth host', async () => {
    const port = await closedPort();
    const t = await startTestServer();
    const error = await firstCallError(
      { '.env': 'SCRIBE_CLIENT_ID=local-dev-client\nSCRIBE_CLIENT_SECRET=local-dev-secret\n' },
      { baseUrl: t.url, authBaseUrl: `http://127.0.0.1:${port}`, maxRetries: 0, fetch: t.fetch },
    );
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain(`POST /connect-auth/v1/account/login could not reach http://127.0.0.1:${port}`);
    expect(t.server.requests).toHaveLength(0);
  });
});
