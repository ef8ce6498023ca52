import { optionalObject, optionalString, parseWire, type WireObject } from './parse-wire';
import { looseObject, nonEmptyString } from './wire-check';
import { normalizeStatus, type SessionStatus } from './session-status';
import { parseTimestamp, type WireTimestamp } from './wire-timestamp';

/** The answer to create session (contract 2.4). */
export interface CreatedSession {
  /** The session id (opaque; percent-encode it in paths). */
  sessionId: string;
  /** Normally `created`; `created` when the server omitted it. */
  status: SessionStatus;
  /** When the session was created. */
  createdAt: WireTimestamp | undefined;
  /** When the session expires unless ended. */
  expiresAt: WireTimestamp | undefined;
  /** Where audio goes: ignored by `eka` chunked sessions, the WebSocket URL of a stream session. */
  uploadUrl: string | undefined;
  /** Echoed `patient_details` (eka). */
  patientDetails: WireObject | undefined;
  /** The body as received. */
  raw: WireObject;
}

const createdSchema = /* @__PURE__ */ looseObject({ session_id: nonEmptyString });

/** Parses a create-session body. Throws APIError when `session_id` is missing. */
export function parseCreateSessionResponse(raw: unknown): CreatedSession {
  const body = parseWire(createdSchema, raw, 'create-session response');
  const status = optionalString(body.status);
  return {
    sessionId: body.session_id,
    status: status ? normalizeStatus(status) : 'created',
    createdAt: parseTimestamp(body.created_at),
    expiresAt: parseTimestamp(body.expires_at),
    uploadUrl: optionalString(body.upload_url) || undefined,
    patientDetails: optionalObject(body.patient_details),
    raw: body,
  };
}
