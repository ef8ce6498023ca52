import { HttpError, invalidRequest } from '../http/responses.js';
import { isJsonObject } from '../http/request-body.js';
import type { ModelConfig } from '../models.js';
import { TRANSCRIPT_TEMPLATE_ID, type TemplateInfo } from '../templates.js';

/** Template ids: 1–64 characters of `[A-Za-z0-9_.-]` (contract 2.4, 2.8). */
export const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** Client-chosen session ids: 16–64 characters of `[A-Za-z0-9_-]` (contract 2.4). */
export const CLIENT_SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The language hint meaning "detect it". */
export const AUTO_DETECT = 'auto_detect';

const MAX_OBJECT_BYTES = 16 * 1024;

/** Validates `templates`: required, 1..max ids (`transcript` not counted), unique, each matching the id pattern. */
export function validateTemplates(value: unknown, maxTemplates: number): string[] {
  if (value === undefined || value === null) {
    throw new HttpError(400, 'missing_required_field', 'templates is required.', { field: 'templates' });
  }
  if (!Array.isArray(value) || value.length === 0) throw invalidRequest('templates must be a non-empty array of template ids.', { field: 'templates' });
  for (const id of value) {
    if (typeof id !== 'string' || !TEMPLATE_ID_PATTERN.test(id)) {
      throw invalidRequest('Each template id must be 1-64 characters of [A-Za-z0-9_.-].', { field: 'templates', template_id: id });
    }
  }
  const ids = value as string[];
  if (new Set(ids).size !== ids.length) throw invalidRequest('templates must not repeat an id.', { field: 'templates' });
  const counted = ids.filter((id) => id !== TRANSCRIPT_TEMPLATE_ID).length;
  if (counted > maxTemplates) {
    throw invalidRequest(`At most ${maxTemplates} templates per session (transcript not counted).`, { field: 'templates', max_templates: maxTemplates });
  }
  return ids;
}

/**
 * The on-prem variant's extra create rules: `language_hint` is a required field (FastAPI's 422 "Field required"), and
 * every template id must be one of its catalogue (database UUIDs), else 422 naming `templates`.
 */
export function validateOnPremCreate(body: Record<string, unknown>, catalogue: readonly TemplateInfo[]): void {
  if (body.language_hint === undefined || body.language_hint === null) throw new HttpError(422, 'missing', 'Field required', { field: 'language_hint' });
  const unknown = (body.templates as string[]).filter((id) => id !== TRANSCRIPT_TEMPLATE_ID && !catalogue.some((template) => template.id === id));
  if (unknown.length > 0) {
    throw new HttpError(422, 'template_not_found', `Template not found: ${unknown.join(', ')}. List valid template ids with GET /v1/templates.`, { field: 'templates' });
  }
}

/** Validates `model` against the configured models (default `lite`). */
export function validateModel(value: unknown, models: readonly ModelConfig[]): ModelConfig {
  const id = value ?? 'lite';
  const model = typeof id === 'string' ? models.find((candidate) => candidate.id === id) : undefined;
  if (!model) throw invalidRequest(`Unknown model ${JSON.stringify(id)}.`, { field: 'model', supported_models: models.map((m) => m.id) });
  return model;
}

/** Validates `session_mode` (default `dictation`). */
export function validateSessionMode(value: unknown): 'consultation' | 'dictation' {
  const mode = value ?? 'dictation';
  if (mode !== 'consultation' && mode !== 'dictation') throw invalidRequest('session_mode must be "consultation" or "dictation".', { field: 'session_mode' });
  return mode;
}

/** Validates `language_hint`: a string or array, each a language of the model or `auto_detect`. */
export function validateLanguageHint(value: unknown, model: ModelConfig): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw invalidRequest('language_hint must be a string or an array of strings.', { field: 'language_hint' });
  for (const language of list) {
    if (typeof language !== 'string' || (language !== AUTO_DETECT && !model.languages.includes(language))) {
      throw invalidRequest(`Language ${JSON.stringify(language)} is not supported by model ${model.id}.`, {
        field: 'language_hint',
        supported_languages: [...model.languages, AUTO_DETECT],
      });
    }
  }
  return list as string[];
}

/** Validates `transcript_language`: a 2-letter code or an array of them, kept as given. */
export function validateTranscriptLanguage(value: unknown): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((code) => typeof code === 'string' && /^[A-Za-z]{2}$/.test(code))) {
    throw invalidRequest('transcript_language must be a 2-letter language code or an array of them.', { field: 'transcript_language' });
  }
  return value as string | string[];
}

/** Validates `upload_type` and `communication_protocol` together (contract 2.4). */
export function validateTransport(
  uploadType: unknown,
  protocol: unknown,
): { uploadType: 'chunked' | 'single'; communicationProtocol: 'http' } | { uploadType: 'stream'; communicationProtocol: 'websocket' } {
  const type = uploadType ?? 'chunked';
  if (type !== 'chunked' && type !== 'single' && type !== 'stream') {
    throw invalidRequest('upload_type must be "chunked", "single" or "stream".', { field: 'upload_type' });
  }
  const transport = protocol ?? (type === 'stream' ? 'websocket' : 'http');
  if (transport !== 'http' && transport !== 'websocket' && transport !== 'rpc') {
    throw invalidRequest('communication_protocol must be "http", "websocket" or "rpc".', { field: 'communication_protocol' });
  }
  if (transport === 'rpc') throw invalidRequest('communication_protocol "rpc" is not supported.', { field: 'communication_protocol' });
  if (type === 'stream') {
    if (transport !== 'websocket') throw invalidRequest('upload_type "stream" needs communication_protocol "websocket".', { field: 'communication_protocol' });
    return { uploadType: 'stream', communicationProtocol: 'websocket' };
  }
  if (transport !== 'http') throw invalidRequest(`upload_type "${type}" needs communication_protocol "http".`, { field: 'communication_protocol' });
  return { uploadType: type, communicationProtocol: 'http' };
}

/** Validates a free-form object field (`additional_data`, `patient_details`): an object of at most 16 KiB. */
export function validateObjectField(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw invalidRequest(`${field} must be a JSON object.`, { field });
  const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (size > MAX_OBJECT_BYTES) throw invalidRequest(`${field} exceeds ${MAX_OBJECT_BYTES} bytes when serialised.`, { field, size_bytes: size });
  return value;
}

/** Validates a client-chosen `session_id`. */
export function validateClientSessionId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !CLIENT_SESSION_ID_PATTERN.test(value)) {
    throw invalidRequest('session_id must be 16-64 characters of [A-Za-z0-9_-].', { field: 'session_id' });
  }
  return value;
}
