import { APIError, ScribeError, SessionExpiredError, ValidationError } from '../errors';
import { silentLogger, type Logger } from '../ports/logger';
import {
  isTerminalStatus,
  parseCreateSessionResponse,
  parseEndSessionResponse,
  parsePatchSessionResponse,
  parseProcessTemplateResponse,
  parseSessionResult,
  parseTemplatesList,
  type CreatedSession,
  type EndSessionResponse,
  type ProcessTemplateResponse,
  type SessionResult,
  type TemplateInfo,
} from '../protocol';
import type { ScribeConfig } from '../config/scribe-config';
import type { DiscoveryClient } from '../discovery/discovery-client';
import type { Transport, TransportRequest } from '../transport/transport';
import { buildCreateSessionBody, resolveTemplates, type CreateSessionOptions } from './create-session-body';
import { buildPatchSessionBody, type PatchSessionFields } from './patch-session-body';
import { createSessionRegistry, type SessionRegistry } from './session-registry';
import { createServiceContext, type ServiceContext } from './service-context';

/** Options of `sessions.get`. */
export interface GetSessionOptions {
  /** Keep only this template's documents (`?template_id=`). Default: all templates. */
  templateId?: string;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** Options of `sessions.end`. */
export interface EndSessionOptions {
  /**
   * Distinct audio files the server holds, sent as `audio_files_sent` (contract 5.6). Default: the number of distinct
   * chunk names this client saw acknowledged for the session (0 when none).
   */
  audioFilesSent?: number;
  /**
   * Stream sessions on a service with the resume extension (6.6): the PCM bytes this client streamed, sent as
   * `stream_bytes_sent` so that a stream the service holds less of ends `partial`, not `completed`. Default: not sent.
   */
  streamBytesSent?: number;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** Options of calls that only take a signal. */
export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** Options of `processTemplate`. */
export interface ProcessTemplateOptions extends CallOptions {
  /** Rerun only this template. Default: every template of the session. */
  templateId?: string;
}

/** Session calls of the protocol (contract 2.3–2.8). */
export interface SessionsApi {
  /** Creates a session (`POST /sessions`). Not retried unless it carries a client-chosen `sessionId`. */
  create(options?: CreateSessionOptions): Promise<CreatedSession>;
  /** Reads a session. 200/202/206 and the 410 expired body are results, never errors; `httpStatus` is recorded. */
  get(sessionId: string, options?: GetSessionOptions): Promise<SessionResult>;
  /** Ends a session, always sending `audio_files_sent`; afterwards uploads to it are refused locally. */
  end(sessionId: string, options?: EndSessionOptions): Promise<EndSessionResponse>;
  /** Changes fields of an open session (`eka` extension); unknown keys → ValidationError, no request. */
  patch(sessionId: string, fields: PatchSessionFields, options?: CallOptions): Promise<SessionResult>;
  /** Reruns extraction for every template, or for `templateId` (`eka` extension). */
  processTemplate(sessionId: string, options?: ProcessTemplateOptions): Promise<ProcessTemplateResponse>;
}

/** The session calls a client exposes under `sessions`: creating and ending have one name each, `createSession` and `endSession`. */
export type SessionCalls = Pick<SessionsApi, 'get' | 'patch' | 'processTemplate'>;

/** Template calls. */
export interface TemplatesApi {
  /** Lists the templates the service offers (`GET /templates`). */
  list(options?: CallOptions): Promise<TemplateInfo[]>;
}

/** Options of `createSessionsApi`. */
export interface SessionsApiOptions {
  /** Resolved configuration. */
  config: ScribeConfig;
  /** Transport (auth, retries, error mapping). */
  transport: Transport;
  /** Discovery client: read before every `msa` call (cached), told about `msa` 401s. */
  discovery: DiscoveryClient;
  /** Local session state shared with the uploader. Default: a new registry. */
  registry?: SessionRegistry;
  /** Logger. Default: silent. */
  logger?: Logger;
}

/** Creates the sessions and templates APIs. */
export function createSessionsApi(options: SessionsApiOptions): SessionsApi & { templates: TemplatesApi } {
  const context = createServiceContext(options);
  const registry = options.registry ?? createSessionRegistry();
  const logger = options.logger ?? silentLogger;

  async function send(build: (service: Awaited<ReturnType<ServiceContext['resolve']>>) => TransportRequest, signal?: AbortSignal) {
    const service = await context.resolve(signal);
    const request = build(service);
    return context.request({ ...request, headers: { ...service.headers, ...request.headers }, signal });
  }

  async function create(createOptions: CreateSessionOptions = {}): Promise<CreatedSession> {
    const { signal, sessionId } = createOptions;
    // Checked before discovery so a missing template never costs a request.
    resolveTemplates(createOptions.templates, context.config.defaultTemplates);
    let ambiguousRetry = false;
    try {
      const response = await send(
        (service) => ({
          method: 'POST',
          url: service.endpoints.sessions(),
          body: buildCreateSessionBody(createOptions, context.config, service.description),
          // Only a client-chosen id makes a repeated create detectable (409), so only then is it safe to retry.
          idempotent: sessionId !== undefined,
          onRetry: (info) => (ambiguousRetry ||= isAmbiguous(info.error)),
        }),
        signal,
      );
      return remember(parseCreateSessionResponse(response.data), createOptions);
    } catch (error) {
      if (!(sessionId !== undefined && ambiguousRetry && hasServerCode(error, 'session_already_exists'))) throw error;
      // An earlier attempt did create it; the 409 came from our own retry.
      logger.info('create retry found the session already created; reading it', { sessionId });
      const existing = await getRaw(sessionId, { signal });
      return remember(parseCreateSessionResponse(existing.data), createOptions);
    }
  }

  function remember(created: CreatedSession, createOptions: CreateSessionOptions): CreatedSession {
    if (createOptions.uploadType === 'stream' && created.uploadUrl === undefined) {
      throw new APIError(`The service created stream session ${created.sessionId} without an upload_url to stream to.`, { details: { session_id: created.sessionId } });
    }
    const record = registry.get(created.sessionId);
    record.uploadUrl = created.uploadUrl ?? record.uploadUrl;
    record.uploadType = createOptions.uploadType ?? 'chunked';
    return created;
  }

  function getRaw(sessionId: string, getOptions: GetSessionOptions = {}) {
    return send(
      (service) => ({
        method: 'GET',
        url: service.endpoints.session(sessionId),
        query: getOptions.templateId === undefined ? undefined : { template_id: getOptions.templateId },
        sessionPath: true,
        resultStatuses: [410],
      }),
      getOptions.signal,
    );
  }

  async function get(sessionId: string, getOptions: GetSessionOptions = {}): Promise<SessionResult> {
    const response = await getRaw(sessionId, getOptions);
    return parseSessionResult(response.data, response.status, { sessionId });
  }

  async function end(sessionId: string, endOptions: EndSessionOptions = {}): Promise<EndSessionResponse> {
    const record = registry.get(sessionId);
    const sent = endOptions.audioFilesSent ?? record.acknowledged.size;
    if (!Number.isSafeInteger(sent) || sent < 0) throw new ValidationError(`audioFilesSent must be a non-negative integer, got ${String(sent)}.`);
    const { streamBytesSent } = endOptions;
    if (streamBytesSent !== undefined && (!Number.isSafeInteger(streamBytesSent) || streamBytesSent < 0)) {
      throw new ValidationError(`streamBytesSent must be a non-negative integer, got ${String(streamBytesSent)}.`);
    }
    let ambiguousRetry = false;
    try {
      const response = await send(
        (service) => ({
          method: 'POST',
          url: service.endpoints.end(sessionId),
          body: streamBytesSent === undefined ? { audio_files_sent: sent } : { audio_files_sent: sent, stream_bytes_sent: streamBytesSent },
          sessionPath: true,
          // Retried on network errors and 5xx; a retry that meets `session_ended` is reconciled below (contract 3.6).
          idempotent: true,
          onRetry: (info) => (ambiguousRetry ||= isAmbiguous(info.error)),
        }),
        endOptions.signal,
      );
      record.ended = true;
      return parseEndSessionResponse(response.data);
    } catch (error) {
      if (hasServerCode(error, 'session_ended') || hasServerCode(error, 'session_expired')) record.ended = true;
      if (hasServerCode(error, 'session_expired')) record.expired = true;
      if (!(ambiguousRetry && hasServerCode(error, 'session_ended'))) throw error;
      return reconcileEnd(sessionId, error, endOptions.signal);
    }
  }

  // The first attempt may have ended the session before its answer was lost: the session's state decides.
  async function reconcileEnd(sessionId: string, original: unknown, signal?: AbortSignal): Promise<EndSessionResponse> {
    const response = await getRaw(sessionId, { signal });
    const result = parseSessionResult(response.data, response.status, { sessionId });
    if (result.status === 'expired') throw new SessionExpiredError(`Session ${sessionId} expired before it was ended; create a new session.`, { status: response.status, requestId: response.requestId });
    if (result.status !== 'processing' && !isTerminalStatus(result.status)) throw original;
    logger.info('end reconciled: an earlier attempt had ended the session', { sessionId, status: result.status });
    return parseEndSessionResponse({
      session_id: result.sessionId,
      status: result.status,
      message: 'Session ended (an earlier attempt whose answer was lost had already ended it).',
      audio_files_received: result.audioFilesReceived,
      audio_files: result.audioFiles,
    });
  }

  async function patch(sessionId: string, fields: PatchSessionFields, callOptions: CallOptions = {}): Promise<SessionResult> {
    const body = buildPatchSessionBody(fields);
    const response = await send((service) => ({ method: 'PATCH', url: service.endpoints.session(sessionId), body, sessionPath: true }), callOptions.signal);
    return parsePatchSessionResponse(response.data, response.status);
  }

  async function processTemplate(sessionId: string, callOptions: ProcessTemplateOptions = {}): Promise<ProcessTemplateResponse> {
    const { templateId } = callOptions;
    const response = await send(
      (service) => ({ method: 'POST', url: service.endpoints.processTemplate(sessionId, templateId), sessionPath: true }),
      callOptions.signal,
    );
    return parseProcessTemplateResponse(response.data);
  }

  async function listTemplates(callOptions: CallOptions = {}): Promise<TemplateInfo[]> {
    const response = await send((service) => ({ method: 'GET', url: service.endpoints.templates() }), callOptions.signal);
    return parseTemplatesList(response.data);
  }

  return { create, get, end, patch, processTemplate, templates: { list: listTemplates } };
}

// A failure that says nothing about whether the server acted: no response at all, a timeout, or a 5xx.
function isAmbiguous(error: ScribeError): boolean {
  if (error.code === 'aborted') return false;
  return error.status === undefined || error.status >= 500 || error.code === 'timeout';
}

function hasServerCode(error: unknown, code: string): boolean {
  return ScribeError.is(error) && error.serverCode === code;
}
