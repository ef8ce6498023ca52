import { principalOf, type Handler } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { invalidRequest, json } from '../http/responses.js';
import type { SessionRecord } from '../store/session-record.js';
import { changeOpenSession, type SessionDependencies } from './session-access.js';
import { renderSessionBody, templatesShapeFor } from './session-body.js';
import { validateLanguageHint, validateObjectField, validateTemplates } from './validation.js';

const PATCHABLE = new Set(['patient_details', 'user_status', 'processing_status', 'additional_data', 'language_hint', 'templates']);

/**
 * `PATCH {P}/sessions/{id}` (contract 2.7): replaces the given fields (no merge) while the session is open.
 * `user_status` and `processing_status` are opaque strings that never end the session.
 */
export function createPatchSessionHandler(deps: SessionDependencies): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    const sessionId = ctx.params.sessionId as string;
    const patched = await changeOpenSession(deps, principal.businessId, sessionId, async (current) => {
      const next = applyPatch(current, ctx.body ?? {}, deps);
      await deps.store.save(next);
      return next;
    });
    return json(200, renderSessionBody(patched, templatesShapeFor(principal, deps.options.templatesShape)));
  };
}

function applyPatch(current: SessionRecord, body: unknown, deps: SessionDependencies): SessionRecord {
  if (!isJsonObject(body)) throw invalidRequest('Request body must be a JSON object.');
  const unknown = Object.keys(body).filter((key) => !PATCHABLE.has(key));
  if (unknown.length > 0) throw invalidRequest(`Fields that cannot be patched: ${unknown.join(', ')}.`, { fields: unknown, patchable_fields: [...PATCHABLE] });
  const next: SessionRecord = { ...current };
  if ('patient_details' in body) next.patientDetails = validateObjectField(body.patient_details, 'patient_details');
  if ('additional_data' in body) next.additionalData = validateObjectField(body.additional_data, 'additional_data') ?? {};
  if ('templates' in body) next.templates = validateTemplates(body.templates, deps.options.maxTemplates);
  if ('language_hint' in body) {
    const model = deps.options.models.find((candidate) => candidate.id === current.model);
    next.languageHint = model ? validateLanguageHint(body.language_hint, model) : undefined;
  }
  for (const field of ['user_status', 'processing_status'] as const) {
    if (!(field in body)) continue;
    const value = body[field];
    if (value !== null && typeof value !== 'string') throw invalidRequest(`${field} must be a string.`, { field });
    next[field === 'user_status' ? 'userStatus' : 'processingStatus'] = value ?? undefined;
  }
  return next;
}
