import type { Principal } from '../auth/authenticate.js';
import { compareFiles, type SessionRecord, type TemplateEntry } from '../store/session-record.js';
import { formatTimestamp } from '../time.js';

/** How `templates` is written: keyed object (`msa`) or list of single-key objects (`eka`). */
export type TemplatesShape = 'keyed' | 'list';

/** Message of an expired session body. */
export const EXPIRED_MESSAGE = 'Session expired before it was ended.';

/** The shape for a caller: API keys get the keyed object, login tokens and `jwt-payload` the list (contract 0.3). */
export function templatesShapeFor(principal: Principal, forced: 'auto' | TemplatesShape): TemplatesShape {
  if (forced !== 'auto') return forced;
  return principal.kind === 'api-key' ? 'keyed' : 'list';
}

/** File names sorted by chunk index, then name. */
export function audioFileNames(record: SessionRecord): string[] {
  return [...record.files].sort(compareFiles).map((file) => file.name);
}

/** The session body of GET and PATCH, with the fields contract 3.3 gives each state. */
export function renderSessionBody(record: SessionRecord, shape: TemplatesShape, templateFilter?: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    session_id: record.sessionId,
    status: record.status,
    created_at: formatTimestamp(record.createdAt),
    expires_at: formatTimestamp(record.expiresAt),
    audio_files_received: record.files.length,
    audio_files: audioFileNames(record),
    additional_data: record.additionalData,
    session_mode: record.sessionMode,
    upload_type: record.uploadType,
  };
  if (record.patientDetails !== undefined) body.patient_details = record.patientDetails;
  if (record.userStatus !== undefined) body.user_status = record.userStatus;
  if (record.processingStatus !== undefined) body.processing_status = record.processingStatus;
  const entries = (record.results ?? []).filter((entry) => templateFilter === undefined || entry.templateId === templateFilter);
  switch (record.status) {
    case 'created':
    case 'recording':
      body.transcript = '';
      break;
    case 'processing':
      body.transcript = record.transcript ?? '';
      if (record.results) body.templates = renderTemplates(entries, shape);
      break;
    case 'completed':
    case 'partial':
    case 'failed':
      Object.assign(body, finishedFields(record));
      if (record.results) body.templates = renderTemplates(entries, shape);
      break;
    case 'expired':
      body.expired_at = formatTimestamp(record.expiredAt ?? record.expiresAt);
      body.message = EXPIRED_MESSAGE;
      body.transcript = null;
      body.templates = renderTemplates([], shape);
      break;
  }
  return body;
}

function finishedFields(record: SessionRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (record.completedAt !== undefined) fields.completed_at = formatTimestamp(record.completedAt);
  if (record.transcript !== undefined) fields.transcript = record.transcript;
  else if (record.status !== 'failed') fields.transcript = '';
  if (record.status !== 'failed' || record.transcript !== undefined) {
    fields.model_used = record.model;
    if (record.languageDetected !== undefined) fields.language_detected = record.languageDetected;
  }
  if (record.audioFilesProcessed !== undefined) fields.audio_files_processed = record.audioFilesProcessed;
  if (record.processingErrors.length > 0) fields.processing_errors = record.processingErrors;
  if (record.status === 'failed' && record.error) fields.error = record.error;
  return fields;
}

/** Renders results in either shape; the keyed object keeps the first document of a repeated id. */
export function renderTemplates(entries: readonly TemplateEntry[], shape: TemplatesShape): unknown {
  if (shape === 'list') return entries.map((entry) => ({ [entry.templateId]: entry.result }));
  const keyed: Record<string, unknown> = {};
  for (const entry of entries) if (!(entry.templateId in keyed)) keyed[entry.templateId] = entry.result;
  return keyed;
}
