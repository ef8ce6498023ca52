import { principalOf, type Handler } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { HttpError, invalidRequest, json } from '../http/responses.js';
import { createSessionId, randomAlphanumeric } from '../ids.js';
import { streamUrl } from '../stream/stream-url.js';
import type { SessionRecord } from '../store/session-record.js';
import { formatTimestamp } from '../time.js';
import type { SessionDependencies } from './session-access.js';
import {
  validateClientSessionId,
  validateLanguageHint,
  validateModel,
  validateObjectField,
  validateSessionMode,
  validateOnPremCreate,
  validateTemplates,
  validateTranscriptLanguage,
  validateTransport,
} from './validation.js';

/** `POST {P}/sessions` (contract 2.4): validates every field, stores the session, answers 201. */
export function createCreateSessionHandler(deps: SessionDependencies): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    if (!isJsonObject(ctx.body)) throw invalidRequest('Request body must be a JSON object.');
    const fields = validateCreateBody(ctx.body, deps);
    const now = deps.options.now();
    const sessionId = fields.chosenId ?? uniqueGeneratedId(deps, principal.businessId);
    const record: SessionRecord = {
      formatVersion: 1,
      sessionId,
      businessId: principal.businessId,
      ...(principal.clientId ? { clientId: principal.clientId } : {}),
      status: 'created',
      createdAt: now,
      expiresAt: now + fields.model.maxSessionDurationSeconds * 1000,
      prefix: ctx.prefix,
      ...fields.stored,
      model: fields.model.id,
      // 32 alphanumerics ≈ 190 random bits: the URL is the only credential of a stream (contract 6.2).
      ...(fields.stored.uploadType === 'stream' ? { streamId: randomAlphanumeric(32) } : {}),
      files: [],
      processingErrors: [],
      terminalEventSent: false,
    };
    const { additionalData, patientDetails } = record;
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
      upload_url: record.streamId
        ? streamUrl(ctx.origin, ctx.prefix, record.streamId)
        : `${ctx.origin}${ctx.prefix}/sessions/${encodeURIComponent(sessionId)}/audio`,
      additional_data: additionalData,
      ...(patientDetails ? { patient_details: patientDetails } : {}),
    });
  };
}

/** Validates the create body in the order of the 2.4 table; returns the fields to store. */
function validateCreateBody(body: Record<string, unknown>, deps: SessionDependencies) {
  const templates = validateTemplates(body.templates, deps.options.maxTemplates);
  if (deps.options.onPrem) validateOnPremCreate(body, deps.options.templates);
  const model = validateModel(body.model, deps.options.models);
  const sessionMode = validateSessionMode(body.session_mode);
  const languageHint = validateLanguageHint(body.language_hint, model);
  const transcriptLanguage = validateTranscriptLanguage(body.transcript_language);
  const transport = validateTransport(body.upload_type, body.communication_protocol);
  const additionalData = validateObjectField(body.additional_data, 'additional_data') ?? {};
  const patientDetails = validateObjectField(body.patient_details, 'patient_details');
  const chosenId = validateClientSessionId(body.session_id);
  const stored = {
    templates,
    sessionMode,
    ...(languageHint ? { languageHint } : {}),
    ...(transcriptLanguage !== undefined ? { transcriptLanguage } : {}),
    ...transport,
    additionalData,
    ...(patientDetails ? { patientDetails } : {}),
  };
  return { model, chosenId, stored };
}

function uniqueGeneratedId(deps: SessionDependencies, businessId: string): string {
  let id = createSessionId();
  while (deps.store.get(businessId, id)) id = createSessionId();
  return id;
}
