import { optionalString, parseOptionalWire, type WireObject } from './parse-wire';
import { looseObject } from './wire-check';
import { normalizeStatus, type SessionStatus } from './session-status';

/** The answer to `POST .../process/template[/{template_id}]` (eka extension, contract 2.8). */
export interface ProcessTemplateResponse {
  /** The session id, when echoed. */
  sessionId: string | undefined;
  /** Normally `processing` (the default when absent). */
  status: SessionStatus;
  /** The template being reprocessed, for the single-template form. */
  templateId: string | undefined;
  /** Human-readable message. */
  message: string | undefined;
  /** The body as received. */
  raw: WireObject;
}

/** Parses a process-template body; an empty body is accepted. */
export function parseProcessTemplateResponse(raw: unknown): ProcessTemplateResponse {
  const body = parseOptionalWire(looseObject({}), raw, 'process-template response');
  const status = optionalString(body.status);
  return {
    sessionId: optionalString(body.session_id),
    status: status ? normalizeStatus(status) : 'processing',
    templateId: optionalString(body.template_id),
    message: optionalString(body.message),
    raw: body,
  };
}
