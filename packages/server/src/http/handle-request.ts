import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResolvedOptions } from '../options.js';
import { injectedErrorCode, type FaultAction, type FaultInjector } from '../testing/faults.js';
import { queryObject, redactBody, redactHeaders, type RequestLog } from '../testing/request-log.js';
import { delay, formatTimestamp } from '../time.js';
import type { Handler } from './context.js';
import { dispatch, type DispatchDependencies, type DispatchState } from './dispatch.js';
import { ClientGoneError, readBody } from './request-body.js';
import { requestOrigin } from './request-origin.js';
import { resolveRequestId } from './request-id.js';
import { errorBody, errorResponse, HttpError, type HttpResponse } from './responses.js';
import type { Router } from './router.js';
import { writeResponse } from './write-response.js';

/** Everything the request listener needs. */
export interface ListenerDependencies extends DispatchDependencies {
  options: ResolvedOptions;
  /** `/__test__/*` routes, present only with test knobs. */
  testRouter: Router<Handler> | undefined;
  faults: FaultInjector | undefined;
  requestLog: RequestLog | undefined;
  /** Aborts when the server closes, ending long-polls. */
  closing: AbortSignal;
  boundAddress(): string;
}

/** The `node:http` request listener: faults, dispatch, error envelopes, response writing and the request log. */
export function createRequestListener(deps: ListenerDependencies): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handleRequest(deps, req, res).catch((error: unknown) => {
      deps.options.log(`unhandled error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) res.destroy();
    });
  };
}

async function handleRequest(deps: ListenerDependencies, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const timestamp = formatTimestamp(deps.options.now());
  const method = req.method ?? 'GET';
  const url = parseRequestTarget(req.url);
  const disconnected = new AbortController();
  res.on('close', () => disconnected.abort());
  const state: DispatchState = {
    requestId: resolveRequestId(req),
    url,
    origin: requestOrigin(req, deps.options.publicUrl, deps.boundAddress()),
    signal: AbortSignal.any([disconnected.signal, deps.closing]),
    headers: {},
    bodyBytes: 0,
  };
  const isTestRoute = deps.testRouter !== undefined && url.pathname.startsWith('/__test__/');
  const fault = isTestRoute ? undefined : deps.faults?.take(method, url.pathname);
  let status: number | null = null;
  try {
    const response = await respond(deps, req, state, fault, isTestRoute);
    if (response === 'dropped') {
      res.destroy();
    } else {
      writeResponse(res, response, state.requestId, state.headers, deps.options.cors.headers(req.headers.origin));
      status = response.status;
    }
  } catch (error) {
    if (!(error instanceof ClientGoneError)) throw error;
  }
  if (deps.requestLog && !isTestRoute) {
    deps.requestLog.record({
      requestId: state.requestId,
      method,
      path: url.pathname,
      query: queryObject(url.searchParams),
      headers: redactHeaders(req.headers),
      ...(state.body !== undefined ? { body: redactBody(state.body) } : {}),
      bodyBytes: state.bodyBytes,
      ...(state.upload ? { upload: state.upload } : {}),
      ...(state.principal ? { auth: { kind: state.principal.kind, businessId: state.principal.businessId, ...(state.principal.clientId ? { clientId: state.principal.clientId } : {}) } } : {}),
      status,
      ...(fault ? { fault: faultName(fault) } : {}),
      timestamp,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  }
}

async function respond(
  deps: ListenerDependencies,
  req: IncomingMessage,
  state: DispatchState,
  fault: FaultAction | undefined,
  isTestRoute: boolean,
): Promise<HttpResponse | 'dropped'> {
  if (fault?.kind === 'status' || fault?.kind === 'html') return faultResponse(fault);
  if (fault?.kind === 'drop' && fault.when === 'before') {
    await readBody(req, 0);
    return 'dropped';
  }
  if (fault?.kind === 'delay' && fault.when !== 'after') {
    await delay(fault.ms, state.signal);
    // A client that gave up during the delay timed out before the server acted: the request must have no effect.
    if (state.signal.aborted) throw new ClientGoneError();
  }
  const response = await safely(deps, async () => {
    if (state.url.hostname === MALFORMED_TARGET_HOST) throw new HttpError(400, 'invalid_request', 'Malformed request target.');
    return dispatch({ ...deps, router: isTestRoute ? (deps.testRouter as Router<Handler>) : deps.router }, req, state);
  });
  if (fault?.kind === 'drop') return 'dropped';
  if (fault?.kind === 'delay' && fault.when === 'after') await delay(fault.ms, deps.closing);
  return response;
}

/** Runs the dispatcher, turning `HttpError`s into envelopes and anything unexpected into a logged 500. */
async function safely(deps: ListenerDependencies, run: () => Promise<HttpResponse>): Promise<HttpResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error, deps.options.onPrem ? 'detail' : 'envelope');
    if (error instanceof ClientGoneError) throw error;
    deps.options.log(`internal error: ${(error as Error).stack ?? String(error)}`);
    return { status: 500, body: errorBody('internal_error', 'Internal server error.') };
  }
}

function faultResponse(fault: Extract<FaultAction, { kind: 'status' | 'html' }>): HttpResponse {
  if (fault.kind === 'html') {
    const html = fault.html ?? `<html><head><title>${fault.status}</title></head><body><h1>${fault.status} Injected fault</h1></body></html>`;
    return { status: fault.status, raw: { contentType: 'text/html; charset=utf-8', data: html } };
  }
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
  const body = fault.body !== undefined ? fault.body : errorBody(injectedErrorCode(fault.status), `Injected fault: HTTP ${fault.status}.`);
  return { status: fault.status, body, headers };
}

function faultName(fault: FaultAction): string {
  return fault.kind === 'drop' ? `drop-${fault.when}` : fault.kind;
}

/** Host of the URL standing in for a target that does not parse (`.invalid` can never be a real host). */
const MALFORMED_TARGET_HOST = 'malformed-target.invalid';

/**
 * The request target as a URL. Origin-form targets are appended to a fixed base rather than resolved against it,
 * so `//x/y` stays a path instead of becoming a host; unparsable targets get a sentinel host answered with 400.
 */
function parseRequestTarget(target: string | undefined): URL {
  try {
    if (target === undefined || target === '') return new URL('http://placeholder/');
    return target.startsWith('/') ? new URL(`http://placeholder${target}`) : new URL(target);
  } catch {
    return new URL(`http://${MALFORMED_TARGET_HOST}/`);
  }
}
