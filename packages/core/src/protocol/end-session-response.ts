import { optionalNumber, optionalString, parseOptionalWire, stringList, type WireObject } from './parse-wire';
import { looseObject } from './wire-check';
import { normalizeStatus, type SessionStatus } from './session-status';

/** The answer to end session (contract 2.6). */
export interface EndSessionResponse {
  /** The session id, when the server echoed it. */
  sessionId: string | undefined;
  /** Normally `processing` (the default when absent). */
  status: SessionStatus;
  /** Human-readable message. */
  message: string | undefined;
  /** Files the server holds. */
  audioFilesReceived: number | undefined;
  /** Their names, in index order (`[]` when absent). */
  audioFiles: string[];
  /** The body as received (`{}` for an empty body). */
  raw: WireObject;
}

const endSchema = /* @__PURE__ */ looseObject({});

/** Parses an end-session body; an empty body is accepted (any 2xx ends the session), non-JSON text is an APIError. */
export function parseEndSessionResponse(raw: unknown): EndSessionResponse {
  const body = parseOptionalWire(endSchema, raw, 'end-session response');
  const status = optionalString(body.status);
  return {
    sessionId: optionalString(body.session_id),
    status: status ? normalizeStatus(status) : 'processing',
    message: optionalString(body.message),
    audioFilesReceived: optionalNumber(body.audio_files_received),
    audioFiles: stringList(body.audio_files),
    raw: body,
  };
}
