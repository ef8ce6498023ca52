import { describe, expect, it } from 'vitest';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, isolatedClient } from '../support/client-factory';
import { sentBodies } from '../support/recording-fetch';
import { startTestServer } from '../support/start-test-server';
import { makeWavChunks } from '../support/wav-fixtures';

describe('the docs/self-hosted-ekascribe.md recipe, end to end (issue 14 item 6)', () => {
  it('getToken returning { token, expiresAt } → templates.list() over {items} → create with languageHint → upload → results, one login', async () => {
    const t = await startTestServer();
    // The reference server has no username/password login yet: its client-credentials login stands in for it.
    let logins = 0;
    const login = async () => {
      logins += 1;
      const response = await fetch(`${t.url}/connect-auth/v1/account/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_id: DEV_CLIENT_ID, client_secret: DEV_CLIENT_SECRET }),
      });
      const body = (await response.json()) as { access_token: string; expires_in: number };
      return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    };
    const client = isolatedClient(t, { dialect: 'eka', baseUrl: t.url, getToken: () => login(), defaultLanguageHint: 'en', defaultTemplates: undefined });
    t.server.faults.add({
      method: 'GET',
      path: '/v1/templates$',
      kind: 'status',
      status: 200,
      body: { items: [{ id: 'clinical_notes_template', name: 'SOAP note' }, { id: 'eka_emr_template', name: 'EMR' }] },
    });

    const templates = await client.templates.list();
    const soap = templates.find((template) => template.name === 'SOAP note');
    const session = await client.createSession({ templates: [soap!.id], languageHint: 'en' });
    await client.uploadChunks(session.sessionId, makeWavChunks(2, 1.2));
    const result = await client.waitForResults(session.sessionId);

    expect(result.status).toBe('completed');
    expect(result.template('clinical_notes_template')).toBeDefined();
    expect(logins).toBe(1);
    const [created] = sentBodies(await t.exchanges(), /\/v1\/sessions$/) as { templates: string[]; language_hint: string[] }[];
    expect(created).toMatchObject({ templates: ['clinical_notes_template'], language_hint: ['en'] });
  });
});
