import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** `$id` under which the sessions OpenAPI document is registered. */
export const SESSIONS_DOC_ID = 'https://scribe.local/spec/sessions.openapi.json';
/** `$id` under which the discovery OpenAPI document is registered. */
export const DISCOVERY_DOC_ID = 'https://scribe.local/spec/discovery_endpoint.schema.json';
/** `$id` of the server's own schemas for routes the protocol files do not define. */
export const SERVER_DOC_ID = 'https://scribe.local/spec/scribe-server.schema.json';

/** The union of statuses of contract 3.1 (exception 1 of 2.9). */
export const ALL_SESSION_STATUSES = ['created', 'initialized', 'recording', 'processing', 'completed', 'partial', 'failed', 'expired'];

type Json = Record<string, unknown>;

/**
 * Finds `spec/` next to the package: `../spec` from the bundled `dist/` file, `../../spec` from `src/testing/`
 * when tests run against source.
 */
export function findSpecDirectory(explicit?: string): string {
  if (explicit) return explicit;
  for (const relative of ['../spec/', '../../spec/', '../../../spec/']) {
    const candidate = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(candidate, 'sessions.openapi.json'))) return candidate;
  }
  throw new Error('cannot find the spec/ directory of @scribe/server');
}

/** Loads both OpenAPI documents with the documented exceptions applied. */
export function loadContractDocuments(specDir: string): { sessions: Json; discovery: Json } {
  const read = (name: string) => JSON.parse(readFileSync(join(specDir, name), 'utf8')) as Json;
  const sessions = applySessionExceptions(read('sessions.openapi.json'));
  const discovery = read('discovery_endpoint.schema.json');
  return { sessions: { ...sessions, $id: SESSIONS_DOC_ID }, discovery: { ...discovery, $id: DISCOVERY_DOC_ID } };
}

/**
 * Contract 2.9: widen `status` enums to 3.1's union; accept the `eka` list form of `templates`; accept client-chosen
 * session ids; add the end request body. Contract 10 #8/#9: `language_hint` may be a string or hold `auto_detect`,
 * `transcript_language` may be a string. (`transcript: ""` in progress already satisfies the schema.)
 */
function applySessionExceptions(document: Json): Json {
  const doc = structuredClone(document) as { components: { schemas: Record<string, Json> }; paths: Record<string, Record<string, Json>> };
  const schemas = doc.components.schemas;
  for (const [name, schema] of Object.entries(schemas)) {
    const properties = schema.properties as Record<string, Json> | undefined;
    if (!properties || name === 'TemplateResult') continue;
    if (properties.status?.enum) properties.status = { ...properties.status, enum: ALL_SESSION_STATUSES };
    if (properties.templates && name !== 'CreateSessionRequest') properties.templates = { anyOf: [properties.templates, templatesListForm()] };
    if (properties.session_id) properties.session_id = { anyOf: [properties.session_id, { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' }] };
  }
  const create = schemas.CreateSessionRequest?.properties as Record<string, Json>;
  create.language_hint = {
    anyOf: [{ type: 'string' }, { type: 'array', items: { anyOf: [{ type: 'string', maxLength: 2 }, { const: 'auto_detect' }] } }],
  };
  create.transcript_language = { anyOf: [{ type: 'string', maxLength: 2 }, create.transcript_language as Json] };
  schemas.EndSessionRequest = {
    type: 'object',
    properties: { audio_files_sent: { type: 'integer', minimum: 0 } },
  };
  const end = doc.paths['/sessions/{session_id}/end']?.post;
  if (end) end.requestBody = { required: false, content: { 'application/json': { schema: { $ref: '#/components/schemas/EndSessionRequest' } } } };
  return doc as unknown as Json;
}

function templatesListForm(): Json {
  return {
    type: 'array',
    items: { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: { $ref: '#/components/schemas/TemplateResult' } },
  };
}

const timestamp = { type: 'string', format: 'date-time' };

/** Shapes of the reference server's routes that the protocol files do not define (documented in docs/server.md). */
export const SERVER_SCHEMAS: Json = {
  $id: SERVER_DOC_ID,
  $defs: {
    UploadAudioResponse: {
      type: 'object',
      required: ['session_id', 'success', 'status', 'file_name', 'audio_files_received'],
      properties: {
        session_id: { type: 'string' },
        success: { const: true },
        status: { const: 'received' },
        file_name: { type: 'string' },
        original_filename: { type: 'string' },
        chunk_index: { type: 'integer', minimum: 0 },
        audio_files_received: { type: 'integer', minimum: 1 },
      },
    },
    TemplatesListResponse: {
      type: 'object',
      required: ['templates'],
      properties: {
        templates: {
          type: 'array',
          items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' } } },
        },
      },
    },
    TokenResponse: {
      type: 'object',
      required: ['access_token'],
      properties: { access_token: { type: 'string' }, refresh_token: { type: 'string' }, expires_in: { type: 'integer', minimum: 1 }, token_type: { const: 'Bearer' } },
    },
    LoginRequest: {
      type: 'object',
      required: ['client_id', 'client_secret'],
      properties: { client_id: { type: 'string' }, client_secret: { type: 'string' }, api_key: { type: 'string' } },
    },
    RefreshRequest: {
      type: 'object',
      required: ['refresh_token'],
      properties: { refresh_token: { type: 'string' }, access_token: { type: 'string' } },
    },
    ProcessTemplateResponse: {
      type: 'object',
      required: ['session_id', 'status', 'message'],
      properties: { session_id: { type: 'string' }, status: { const: 'processing' }, template_id: { type: 'string' }, message: { type: 'string' } },
    },
    WebhookRequest: {
      type: 'object',
      required: ['url', 'events'],
      properties: { url: { type: 'string', format: 'uri' }, events: { type: 'array', minItems: 1, items: { type: 'string' } }, secret: { type: 'string' } },
    },
    WebhookResponse: {
      type: 'object',
      required: ['webhook_id', 'url', 'events', 'status', 'created_at'],
      not: { required: ['secret'] },
      properties: { webhook_id: { type: 'string' }, url: { type: 'string', format: 'uri' }, events: { type: 'array', items: { type: 'string' } }, status: { type: 'string' }, created_at: timestamp },
    },
    WebhookListResponse: {
      type: 'object',
      required: ['webhooks'],
      properties: { webhooks: { type: 'array', items: { $ref: '#/$defs/WebhookResponse' } } },
    },
    WebhookPayload: {
      type: 'object',
      required: ['event', 'timestamp', 'session_id'],
      additionalProperties: false,
      properties: { event: { type: 'string', pattern: '^session\\.' }, timestamp: timestamp, session_id: { type: 'string' } },
    },
    ErrorEnvelope: {
      type: 'object',
      required: ['error'],
      additionalProperties: false,
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          additionalProperties: false,
          properties: { code: { type: 'string', minLength: 1 }, message: { type: 'string' }, details: { type: 'object' } },
        },
      },
    },
    HealthResponse: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
  },
};
