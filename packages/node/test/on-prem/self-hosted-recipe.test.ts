import { describe, expect, it } from 'vitest';
import { ScribeClient, ScribeError, ValidationError } from '@scribe/node';
import { onTestFinished } from 'vitest';
import { sentBodies } from '../support/recording-fetch';
import { createTempDirectory } from '../support/temp-directory';
import { makeWavChunks } from '../support/wav-fixtures';
import { DEV_PASSWORD, DEV_USERNAME, PASSWORD_LOGIN, onPremClient, startOnPremServer } from './on-prem-support';

describe('the docs/self-hosted-ekascribe.md recipe, end to end against the on-prem server (issue 14 items 1 and 6)', () => {
  it('username in the config file, password in the environment → templates.list() over {items} → create with a UUID and languageHint → upload → results, one login', async () => {
    const t = await startOnPremServer();
    // As the page says: the username may sit in scribe.config.json, the password comes from the environment.
    const cwd = createTempDirectory({ 'scribe.config.json': JSON.stringify({ dialect: 'eka', base_url: t.url, username: DEV_USERNAME, default_language_hint: 'en' }) });
    const client = new ScribeClient({ cwd, processEnv: { SCRIBE_PASSWORD: DEV_PASSWORD }, fetch: t.fetch });
    onTestFinished(() => client.close());

    const templates = await client.templates.list();
    const soap = templates.find((template) => template.name === 'SOAP note');
    const session = await client.createSession({ templates: [soap!.id], languageHint: 'en' });
    await client.uploadChunks(session.sessionId, makeWavChunks(2, 1.2));
    const result = await client.waitForResults(session.sessionId);

    expect(soap!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(result.status).toBe('completed');
    expect(result.template(soap!.id)?.status).toBe('success');
    expect(t.requests(PASSWORD_LOGIN)).toHaveLength(1);
    const [created] = sentBodies(await t.exchanges(), /\/v1\/sessions$/) as { templates: string[]; language_hint: string[] }[];
    expect(created).toMatchObject({ templates: [soap!.id], language_hint: ['en'] });
  });

  it('a create without a language hint gets FastAPI\'s 422 "Field required", reported as a ValidationError naming language_hint', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t, { defaultLanguageHint: undefined });
    const [template] = await client.templates.list();

    const error = await client.createSession({ templates: [template!.id] }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ScribeError).status).toBe(422);
    expect((error as ScribeError).message).toContain('language_hint');
    const [answer] = (await t.exchanges()).filter((exchange) => /\/v1\/sessions$/.test(exchange.url));
    expect(JSON.parse(answer!.text)).toEqual({ detail: [{ type: 'missing', loc: ['body', 'language_hint'], msg: 'Field required' }] });
  });

  it('a hosted-service template name is refused (422 naming templates) with advice to list the valid ids', async () => {
    const t = await startOnPremServer();
    const client = onPremClient(t);

    const error = await client.createSession({ templates: ['clinical_notes_template'] }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ScribeError).message).toContain('templates');
    expect((error as ScribeError).message).toContain('templates.list()');
  });
});
