import { principalOf, type Handler } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { HttpError, invalidRequest, json } from '../http/responses.js';
import { createSessionId } from '../ids.js';
import type { SessionRecord } from '../store/session-record.js';
import { formatTimestamp } from '../time.js';
import type { SessionDependencies } from './session-access.js';
import {
  validateClientSessionId,
  validateLanguageHint,
  validateModel,
  validateObjectField,
  validateSessionMode,
  validateTemplates,
  validateTranscriptLanguage,
  validateTransport,
} from './validation.js';

/** `POST {P}/sessions` (contract 2.4): validates every field, stores the session, answers 201. */
export function createCreateSessionHandler(deps: SessionDependencies): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    if (!isJsonObject(ctx.body)) throw invalidRequest('Request body must be a JSON object.');
    const body = ctx.body;
    const templates = validateTemplates(body.templates, deps.options.maxTemplates);
    const model = validateModel(body.model, deps.options.models);
    const sessionMode = validateSessionMode(body.session_mode);
    const languageHint = validateLanguageHint(body.language_hint, model);
    const transcriptLanguage = validateTranscriptLanguage(body.transcript_language);
    const transport = validateTransport(body.upload_type, body.communication_protocol);
    const additionalData = validateObjectField(body.additional_data, 'additional_data') ?? {};
    const patientDetails = validateObjectField(body.patient_details, 'patient_details');
    const chosenId = validateClientSessionId(body.session_id);

    const now = deps.options.now();
    const sessionId = chosenId ?? uniqueGeneratedId(deps, principal.businessId);
    const record: SessionRecord = {
      formatVersion: 1,
      sessionId,
      businessId: principal.businessId,
      ...(principal.clientId ? { clientId: principal.clientId } : {}),
      status: 'created',
      createdAt: now,
      expiresAt: now + model.maxSessionDurationSeconds * 1000,
      prefix: ctx.prefix,
      templates,
      model: model.id,
      sessionMode,
      ...(languageHint ? { languageHint } : {}),
      ...(transcriptLanguage !== undefined ? { transcriptLanguage } : {}),
      ...transport,
      additionalData,
      ...(patientDetails ? { patientDetails } : {}),
      files: [],
      processingErrors: [],
      terminalEventSent: false,
    };
    await deps.store.withLock(principal.businessId, sessionId, async () => {
      if (deps.store.get(principal.businessId, sessionId)) {
        throw new HttpError(409, 'session_already_exists', `Session ${sessionId} already exists.`, { session_id: sessionId });
      }
      await deps.store.save(record);
    });
    deps.emit(record, 'session.started');
    return json(201, {
      session_id: sessionId,
      status: record.status,
      created_at: formatTimestamp(record.createdAt),
      expires_at: formatTimestamp(record.expiresAt),
      upload_url: `${ctx.origin}${ctx.prefix}/sessions/${encodeURIComponent(sessionId)}/audio`,
      additional_data: additionalData,
      ...(patientDetails ? { patient_details: patientDetails } : {}),
    });
  };
}

function uniqueGeneratedId(deps: SessionDependencies, businessId: string): string {
  let id = createSessionId();
  while (deps.store.get(businessId, id)) id = createSessionId();
  return id;
}
