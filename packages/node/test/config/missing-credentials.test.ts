import { describe, expect, it } from 'vitest';
import { ConfigError, ScribeClient } from '@scribe/node';
import { startTestServer } from '../support/start-test-server';
import { createTempDirectory } from '../support/temp-directory';

const VARIABLES = ['SCRIBE_CLIENT_ID', 'SCRIBE_CLIENT_SECRET', 'SCRIBE_API_KEY', 'SCRIBE_ACCESS_TOKEN'];

describe('[#98] missing credentials are reported at the first authenticated call', () => {
  it('construction succeeds; createSession rejects with a ConfigError listing the variables to set, and sends nothing', async () => {
    const t = await startTestServer();
    const client = new ScribeClient({ cwd: createTempDirectory(), processEnv: {}, baseUrl: t.url, defaultTemplates: ['soap'], fetch: t.fetch });

    const error = await client.createSession().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^missing credentials/);
    for (const variable of VARIABLES) expect((error as ConfigError).message).toContain(variable);
    expect(t.server.requests).toEqual([]);
  });

  it('every authenticated call reports it the same way (templates, get)', async () => {
    const t = await startTestServer();
    const client = new ScribeClient({ cwd: createTempDirectory(), processEnv: {}, baseUrl: t.url, fetch: t.fetch });

    await expect(client.templates.list()).rejects.toThrowError(/missing credentials.*SCRIBE_CLIENT_ID/);
    await expect(client.sessions.get('ses_anything_at_all')).rejects.toBeInstanceOf(ConfigError);
    expect(t.server.requests).toEqual([]);
  });

  it('half a client-credentials pair says which half is missing', async () => {
    const t = await startTestServer();
    const cwd = createTempDirectory({ '.env': 'SCRIBE_CLIENT_ID=local-dev-client\n' });
    const client = new ScribeClient({ cwd, processEnv: {}, baseUrl: t.url, defaultTemplates: ['soap'], fetch: t.fetch });

    await expect(client.createSession()).rejects.toThrowError('SCRIBE_CLIENT_ID is set but SCRIBE_CLIENT_SECRET is not.');
    expect(t.server.requests).toEqual([]);
  });

  it('credentials from .env are enough: the same client shape then works against the server', async () => {
    const t = await startTestServer();
    const cwd = createTempDirectory({ '.env': 'SCRIBE_CLIENT_ID=local-dev-client\nSCRIBE_CLIENT_SECRET=local-dev-secret\nSCRIBE_DEFAULT_TEMPLATES=soap\n' });
    const client = new ScribeClient({ cwd, processEnv: {}, baseUrl: t.url, authBaseUrl: t.url, fetch: t.fetch });

    const session = await client.createSession();

    expect(session.status).toBe('created');
    expect(t.requests(/\/v1\/sessions$/)[0]?.body).toMatchObject({ templates: ['soap'] });
  });
});
