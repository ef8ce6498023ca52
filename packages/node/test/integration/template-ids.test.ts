import { describe, expect, it } from 'vitest';
import { ScribeError, ValidationError } from '@scribe/node';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';

const UUID_A = '3f1c2b7e-8a4d-4e51-9b0a-6c2d1e7f9a10';
const UUID_B = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

async function rejection(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

describe('template lists and ids (issue 14 item 4)', () => {
  it('[#61] a {"items": [...]} templates list (self-hosted EkaScribe) is read like the other list shapes', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({
      method: 'GET',
      path: '/v1/templates$',
      kind: 'status',
      status: 200,
      body: { items: [{ id: UUID_A, name: 'SOAP note', description: 'A SOAP note', owner: 'clinic' }, { template_id: UUID_B, name: 'EMR' }, { name: 'no id' }], total: 3 },
    });

    const templates = await client.templates.list();

    expect(templates.map((template) => template.id)).toEqual([UUID_A, UUID_B]);
    expect(templates[0]).toMatchObject({ name: 'SOAP note', description: 'A SOAP note', raw: { owner: 'clinic' } });
  });

  it('[#90] a template id the service rejects → ValidationError naming `templates` and pointing at client.templates.list()', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);

    const error = await rejection(client.createSession({ templates: ['not a valid id!'] }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(400);
    expect(error.message).toContain('`templates`');
    expect(error.message).toContain('client.templates.list()');
  });

  it('[#90] a FastAPI 422 for a missing language_hint → ValidationError naming `language_hint` and the languageHint option', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({
      method: 'POST',
      path: '/v1/sessions$',
      kind: 'status',
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body', 'language_hint'], msg: 'Field required', input: null }] },
    });

    const error = await rejection(client.createSession({ templates: [UUID_A] }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    expect(error.message).toContain('`language_hint`');
    expect(error.message).toContain('languageHint');
  });

  it('[#90] a FastAPI 422 naming a template item → names `templates` and how to list valid ones', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    t.server.faults.add({
      method: 'POST',
      path: '/v1/sessions$',
      kind: 'status',
      status: 422,
      body: { detail: [{ type: 'uuid_parsing', loc: ['body', 'templates', 0], msg: 'Input should be a valid UUID' }] },
    });

    const error = await rejection(client.createSession({ templates: ['clinical_notes_template'] }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('`templates`');
    expect(error.message).toContain('client.templates.list()');
  });
});
