import { decodeIfText, isWireObject, optionalNumber, optionalObject, optionalString, parseWire, stringList, type WireObject } from './parse-wire';
import { isTerminalStatus, normalizeStatus, type SessionStatus } from './session-status';
import { normalizeTemplates, toTemplateList, type TemplateEntry, type TemplateEntryPair } from './template-entry';
import { normalizeProcessingErrors, normalizeWireError, type ProcessingError, type WireError } from './wire-error';
import { looseObject, nonEmptyString } from './wire-check';
import { parseTimestamp, type WireTimestamp } from './wire-timestamp';

// Only what makes a body a session body is required; every other field is read leniently below.
const sessionBodySchema = /* @__PURE__ */ looseObject({ session_id: nonEmptyString, status: nonEmptyString });

/** Where a session body came from, when the body alone does not say. */
export interface ParseSessionResultOptions {
  /** Used when the body has no `session_id` (the caller always knows which session it asked for). */
  sessionId?: string;
}

/**
 * A session body (GET, PATCH, or a 410 expired body) normalised per contract 4.3/4.4: `templates` always in the list
 * form of the Python SDK docs, whichever dialect the server spoke. Immutable; `toJSON()` gives the wire-like shape.
 */
export class SessionResult {
  /** The session id. */
  readonly sessionId: string;
  /** `body.status`, normalised; never derived from the HTTP code (contract 3.1). */
  readonly status: SessionStatus;
  /** HTTP status of the response the body came with, when known (200, 202, 206, 410...). */
  readonly httpStatus: number | undefined;
  /** Whether `status` is completed, partial, failed or expired. */
  readonly terminal: boolean;
  /** The top-level transcript; undefined when absent or null. */
  readonly transcript: string | undefined;
  /** Template documents as single-key objects `{[templateId]: entry}`, in wire order; ids may repeat. */
  readonly templates: ReadonlyArray<Readonly<Record<string, TemplateEntry>>>;
  /** Template id → its first entry. */
  readonly templatesById: Readonly<Record<string, TemplateEntry>>;
  /** When the session was created. */
  readonly createdAt: WireTimestamp | undefined;
  /** When the session expires (or expired) unless ended. */
  readonly expiresAt: WireTimestamp | undefined;
  /** When processing finished. */
  readonly completedAt: WireTimestamp | undefined;
  /** When the session expired. */
  readonly expiredAt: WireTimestamp | undefined;
  /** Number of audio files the server holds. */
  readonly audioFilesReceived: number | undefined;
  /** Names of the stored audio files, in index order (`[]` when absent). */
  readonly audioFiles: readonly string[];
  /** Number of audio files processed successfully. */
  readonly audioFilesProcessed: number | undefined;
  /** Non-fatal processing problems (`[]` when none). */
  readonly processingErrors: readonly ProcessingError[];
  /** The session-level error of a `failed` session. */
  readonly error: WireError | undefined;
  /** The `additional_data` given at create, as received. */
  readonly additionalData: WireObject | undefined;
  /** The `patient_details` given at create or patch (eka extension). */
  readonly patientDetails: WireObject | undefined;
  /** Model that processed the session. */
  readonly modelUsed: string | undefined;
  /** Detected language code (any string). */
  readonly languageDetected: string | undefined;
  /** Human-readable message (expired bodies). */
  readonly message: string | undefined;
  /** Echoed `session_mode`, when the server sends it. */
  readonly sessionMode: string | undefined;
  /** Echoed `upload_type`, when the server sends it. */
  readonly uploadType: string | undefined;
  /** The whole body as received, unknown fields included. */
  readonly raw: Readonly<WireObject>;
  readonly #pairs: readonly TemplateEntryPair[];

  /** Use `parseSessionResult`; the constructor trusts its input. */
  constructor(body: WireObject, sessionId: string, status: string, httpStatus?: number) {
    this.raw = body;
    this.sessionId = sessionId;
    this.status = normalizeStatus(status);
    this.httpStatus = httpStatus;
    this.terminal = isTerminalStatus(this.status);
    this.transcript = optionalString(body.transcript);
    this.#pairs = Object.freeze(normalizeTemplates(body.templates, body.template_errors));
    this.templates = toTemplateList(this.#pairs);
    const byId: Record<string, TemplateEntry> = {};
    for (const [id, entry] of this.#pairs) if (!Object.hasOwn(byId, id)) Object.defineProperty(byId, id, { value: entry, enumerable: true });
    this.templatesById = Object.freeze(byId);
    this.createdAt = parseTimestamp(body.created_at);
    this.expiresAt = parseTimestamp(body.expires_at);
    this.completedAt = parseTimestamp(body.completed_at);
    this.expiredAt = parseTimestamp(body.expired_at);
    this.audioFilesReceived = optionalNumber(body.audio_files_received);
    this.audioFiles = Object.freeze(stringList(body.audio_files));
    this.audioFilesProcessed = optionalNumber(body.audio_files_processed);
    this.processingErrors = Object.freeze(normalizeProcessingErrors(body.processing_errors));
    this.error = normalizeWireError(body.error);
    this.additionalData = optionalObject(body.additional_data);
    this.patientDetails = optionalObject(body.patient_details);
    this.modelUsed = optionalString(body.model_used);
    this.languageDetected = optionalString(body.language_detected);
    this.message = optionalString(body.message);
    this.sessionMode = optionalString(body.session_mode);
    this.uploadType = optionalString(body.upload_type);
    Object.freeze(this);
  }

  /** The first document of a template, or undefined. */
  template(templateId: string): TemplateEntry | undefined {
    return this.#pairs.find(([id]) => id === templateId)?.[1];
  }

  /** Every document of a template, in wire order. */
  templatesFor(templateId: string): TemplateEntry[] {
    return this.#pairs.filter(([id]) => id === templateId).map(([, entry]) => entry);
  }

  /**
   * The wire-like snake_case shape: the received body with unknown fields, normalised `status`, `templates` (list
   * form; `template_errors` folded in), `processing_errors` and `error`, plus `http_status`. Parsing it again
   * yields an equal result.
   */
  toJSON(): WireObject {
    const { template_errors: _folded, ...rest } = this.raw;
    const json: WireObject = { ...rest, session_id: this.sessionId, status: this.status, templates: this.templates };
    if (this.raw.processing_errors !== undefined) json.processing_errors = this.processingErrors;
    if (this.error !== undefined) json.error = this.error;
    if (this.httpStatus !== undefined) json.http_status = this.httpStatus;
    return json;
  }
}

/**
 * Parses a session body (GET, PATCH, or the 410 expired body) leniently. Throws APIError when it is not a session
 * body (no `status`, or no `session_id` and no `options.sessionId`). A 410 without a status (the error envelope)
 * reads as `expired`. Without `httpStatus`, a numeric `http_status` field (from `toJSON`) is used.
 */
export function parseSessionResult(raw: unknown, httpStatus?: number, options: ParseSessionResultOptions = {}): SessionResult {
  const decoded = decodeIfText(raw);
  const status = httpStatus ?? optionalNumber(isWireObject(decoded) ? decoded.http_status : undefined);
  // A 410 may carry the error envelope instead of a session body (contract 10.3): both mean expired.
  const filled = isWireObject(decoded)
    ? { ...decoded, session_id: decoded.session_id ?? options.sessionId, status: decoded.status ?? (status === 410 ? 'expired' : undefined) }
    : decoded;
  const body = parseWire(sessionBodySchema, filled, 'session body');
  // The fill-ins only served validation: `raw` keeps what the server actually sent.
  return new SessionResult(isWireObject(decoded) ? decoded : body, body.session_id, body.status, status);
}

/** Parses the answer to `PATCH /v1/sessions/{id}` (eka), which is a session body as GET returns it (contract 2.7). */
export function parsePatchSessionResponse(raw: unknown, httpStatus?: number): SessionResult {
  return parseSessionResult(raw, httpStatus);
}
