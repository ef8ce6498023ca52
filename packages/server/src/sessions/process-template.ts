import { principalOf, type Handler } from '../http/context.js';
import { HttpError, invalidRequest, json } from '../http/responses.js';
import type { SessionRecord, TemplateEntry } from '../store/session-record.js';
import { loadSession, sessionExpired, type SessionDependencies } from './session-access.js';
import { TEMPLATE_ID_PATTERN } from './validation.js';

/**
 * `POST {P}/sessions/{id}/process/template[/{template_id}]` (contract 2.8): reruns extraction of one or all templates
 * of a finished session from its stored transcript. The session ends again per 3.7 without a second webhook.
 */
export function createProcessTemplateHandler(deps: SessionDependencies): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    const sessionId = ctx.params.sessionId as string;
    const templateId = ctx.params.templateId;
    await loadSession(deps, principal.businessId, sessionId);
    if (templateId !== undefined && !TEMPLATE_ID_PATTERN.test(templateId)) {
      throw new HttpError(400, 'invalid_template', 'Template ids are 1-64 characters of [A-Za-z0-9_.-].', { template_id: templateId });
    }
    const next = await deps.store.withLock(principal.businessId, sessionId, async () => {
      const current = deps.store.get(principal.businessId, sessionId) as SessionRecord;
      if (current.status === 'expired') throw sessionExpired(sessionId);
      if (!canReprocess(current)) {
        throw invalidRequest(`Templates can be reprocessed only after processing produced a transcript; the session is ${current.status}.`, {
          session_id: sessionId,
          status: current.status,
        });
      }
      const updated = reprocessRecord(current, templateId);
      await deps.store.save(updated);
      return updated;
    });
    deps.startProcessing(next);
    return json(202, {
      session_id: sessionId,
      status: 'processing',
      ...(templateId !== undefined ? { template_id: templateId } : {}),
      message: templateId !== undefined ? `Reprocessing template ${templateId}.` : 'Reprocessing all templates.',
    });
  };
}

function canReprocess(record: SessionRecord): boolean {
  if (record.status === 'completed' || record.status === 'partial') return true;
  return record.status === 'failed' && typeof record.transcript === 'string';
}

/** Puts the targeted entries back to `processing`, adding a template that was not requested before. */
function reprocessRecord(current: SessionRecord, templateId: string | undefined): SessionRecord {
  const templates = templateId === undefined || current.templates.includes(templateId) ? current.templates : [...current.templates, templateId];
  const targets = templateId === undefined ? templates : [templateId];
  const placeholder = (id: string): TemplateEntry => ({ templateId: id, result: { status: 'processing' } });
  let results: TemplateEntry[];
  if (templateId === undefined) {
    results = templates.map(placeholder);
  } else {
    results = [];
    let placed = false;
    for (const entry of current.results ?? []) {
      if (entry.templateId !== templateId) results.push(entry);
      else if (!placed) {
        results.push(placeholder(templateId));
        placed = true;
      }
    }
    if (!placed) results.push(placeholder(templateId));
  }
  return { ...current, templates, results, status: 'processing', pendingRun: { kind: 'templates', templateIds: targets } };
}
