import type { ScribeConfig, SessionMode } from '../config/scribe-config';
import type { ServiceDescription } from '../discovery/service-description';
import { ConfigError, ValidationError } from '../errors';

/** How audio reaches the service. */
export type UploadType = 'chunked' | 'single' | 'stream';

/** Transport of the audio (`websocket` goes with `stream`). */
export type CommunicationProtocol = 'http' | 'websocket' | 'rpc';

/** Language value meaning "detect it": sent as `["auto_detect"]` in `eka`, sent as nothing in `msa`. */
export const AUTO_DETECT = 'auto_detect';

/** Options of `createSession`: per-call overrides of the configuration (contract 2.4). */
export interface CreateSessionOptions {
  /** Template ids. Default: the configured `defaultTemplates`; neither → ConfigError, no request. */
  templates?: readonly string[];
  /** Model id. Default: the configured `defaultModel` (`lite`); in `msa` only sent when discovery lists it. */
  model?: string;
  /** `eka` session mode. Default: the configured `defaultSessionMode` (`dictation`); `msa` sends it only when given here. */
  sessionMode?: SessionMode;
  /** Language hint; a string is wrapped in a list. Default: the configured `defaultLanguageHint`. */
  languageHint?: string | readonly string[];
  /** Transcript language. Default: the configured `transcriptLanguage`. */
  transcriptLanguage?: string;
  /** Upload type. Default `chunked`. */
  uploadType?: UploadType;
  /** Communication protocol. Default `websocket` for `stream`, else `http`. */
  communicationProtocol?: CommunicationProtocol;
  /** Opaque data echoed in every session body. Default: not sent. */
  additionalData?: Record<string, unknown>;
  /** Patient details (extension). Default: not sent. */
  patientDetails?: Record<string, unknown>;
  /** A client-chosen session id (extension; 16–64 chars `[A-Za-z0-9_-]`). Default: the server picks one. */
  sessionId?: string;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** The configuration a create body depends on. */
export type CreateBodyConfig = Pick<ScribeConfig, 'dialect' | 'defaultTemplates' | 'defaultModel' | 'defaultSessionMode' | 'defaultLanguageHint' | 'transcriptLanguage'>;

/**
 * The JSON body of create session with exactly the keys of contract 2.4's client columns. In `msa`, with a
 * description from discovery, an unlisted model or upload type is refused locally (ValidationError).
 */
export function buildCreateSessionBody(options: CreateSessionOptions, config: CreateBodyConfig, description?: ServiceDescription): Record<string, unknown> {
  const templates = resolveTemplates(options.templates, config.defaultTemplates);
  const uploadType = options.uploadType ?? 'chunked';
  const communicationProtocol = options.communicationProtocol ?? (uploadType === 'stream' ? 'websocket' : 'http');
  const body: Record<string, unknown> = { templates };
  const hint = languageHint(options.languageHint ?? config.defaultLanguageHint, config.dialect);

  if (config.dialect === 'eka') {
    body.model = options.model ?? config.defaultModel;
    body.session_mode = options.sessionMode ?? config.defaultSessionMode;
  } else {
    const model = msaModel(options.model, config.defaultModel, description);
    if (model !== undefined) body.model = model;
    if (options.sessionMode !== undefined) body.session_mode = options.sessionMode;
    if (description && !description.uploadMethods.includes(uploadType)) {
      throw new ValidationError(`Upload type "${uploadType}" is not offered by this service (upload_methods: ${description.uploadMethods.join(', ')}).`, {
        details: { upload_type: uploadType, upload_methods: [...description.uploadMethods] },
      });
    }
  }
  if (hint !== undefined) body.language_hint = hint;
  const transcriptLanguage = options.transcriptLanguage ?? config.transcriptLanguage;
  if (transcriptLanguage !== undefined) body.transcript_language = transcriptLanguage;
  body.upload_type = uploadType;
  body.communication_protocol = communicationProtocol;
  if (options.additionalData !== undefined) body.additional_data = options.additionalData;
  if (options.patientDetails !== undefined) body.patient_details = options.patientDetails;
  if (options.sessionId !== undefined) body.session_id = options.sessionId;
  return body;
}

/** The templates to request: the call's, else the configured defaults; neither → ConfigError (contract 2.4). */
export function resolveTemplates(templates: readonly string[] | undefined, defaultTemplates: readonly string[]): string[] {
  const chosen = templates && templates.length > 0 ? [...templates] : [...defaultTemplates];
  if (chosen.length === 0) {
    throw new ConfigError(
      'No templates specified and no default_templates configured. Pass templates to createSession, or set default_templates (SCRIBE_DEFAULT_TEMPLATES=clinical_notes_template).',
    );
  }
  return chosen;
}

/** `language_hint` as sent: a list; in `msa`, `auto_detect` is dropped because an absent hint already means detection. */
export function languageHint(value: string | readonly string[] | undefined, dialect: ScribeConfig['dialect']): string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : [...value];
  const sent = dialect === 'msa' ? list.filter((code) => code !== AUTO_DETECT) : list;
  return sent.length > 0 ? sent : undefined;
}

// msa: an explicit model must be listed; the configured default is sent only when listed (else the server picks).
function msaModel(explicit: string | undefined, configured: string, description: ServiceDescription | undefined): string | undefined {
  if (explicit !== undefined) {
    if (description && !description.models.includes(explicit)) {
      throw new ValidationError(`Model "${explicit}" is not offered by this service (models: ${description.models.join(', ')}).`, {
        details: { model: explicit, models: [...description.models] },
      });
    }
    return explicit;
  }
  if (description === undefined) return undefined;
  return description.models.includes(configured) ? configured : undefined;
}
