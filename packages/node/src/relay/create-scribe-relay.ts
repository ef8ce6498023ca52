import type { TransportRequest } from '@scribe/core/internal';
import { forwardedContentType, isSafeFileName } from './audio-upload-checks';
import { pickCreateFields } from './create-session-fields';
import { readCappedBody } from './read-capped-body';
import { relayDiscoveryDocument } from './relay-discovery-document';
import { relayError, relayJson } from './relay-response';
import { ROUTE_METHODS, matchRelayRoute, type RelayRoute } from './relay-routes';
import { replaceUpstreamId } from './replace-upstream-id';
import { rewriteSessionBody } from './rewrite-session-body';
import { resolveRelayOptions, type ResolvedRelayOptions, type ScribeRelayOptions } from './scribe-relay-options';
import { callUpstream, type UpstreamAnswer } from './upstream-call';
import { noAnswerResponse, upstreamFailureResponse } from './upstream-failure-response';

/** A web-standard request handler: a Next.js route handler, a Hono handler, or Express/Fastify via `toNodeHandler`. */
export type ScribeRelayHandler = (request: Request) => Promise<Response>;

/** One request on its way through the relay. */
interface RelayCall {
  request: Request;
  url: URL;
  route: RelayRoute;
  /** `{origin}{mount}` or the configured public URL: where the browser reaches the relay. */
  relayUrl: string;
  userId: string;
}

/**
 * The server side of a browser app: serves the eka-dialect subset a browser client needs (discovery, templates,
 * create, get, upload chunk, end) under its mount path, and nothing else. Each call is authorized by the app
 * (`authorize(request)`), then sent to the service through the client's transport with the server's credentials.
 * Sessions reach the browser as signed handles bound to the user, so the relay keeps no state: any instance with the
 * same `secret` serves any request. See docs/relay.md.
 */
export function createScribeRelay(options: ScribeRelayOptions): ScribeRelayHandler {
  const relay = resolveRelayOptions(options);
  return async (request) => {
    let status = 0;
    const started = performance.now();
    try {
      const response = await serve(relay, request);
      status = response.status;
      return response;
    } catch (error) {
      // Only the error's kind and code: a message could quote the app's own data.
      relay.logger.error('relay: unexpected failure', { error: error instanceof Error ? error.name : typeof error, code: (error as { code?: unknown }).code });
      status = 500;
      return relayError(500, 'internal_error', 'The relay failed; see its log.');
    } finally {
      relay.logger.debug(`relay ${request.method} -> ${status}`, { method: request.method, status, durationMs: Math.round(performance.now() - started) });
    }
  };
}

async function serve(relay: ResolvedRelayOptions, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const route = matchRelayRoute(url.pathname, relay.basePath);
  const relayUrl = (mount: string) => relay.publicUrl ?? `${url.origin}${mount}`;
  if (route?.name === 'discovery' && request.method === 'GET') return discovery(relay, request, relayUrl(route.mount));
  let user: Awaited<ReturnType<typeof relay.authorize>>;
  try {
    user = await relay.authorize(request);
  } catch (error) {
    relay.logger.error('relay: authorize threw', { error: error instanceof Error ? error.name : typeof error });
    return relayError(500, 'internal_error', 'The relay failed to authorize the request; see its log.');
  }
  if (user === null || user === undefined) return relayError(401, 'unauthorized', 'Sign in to the application to use the scribe service.');
  if (typeof user.userId !== 'string' || user.userId === '' || /[\n\r]/.test(user.userId)) {
    relay.logger.error('relay: authorize returned no usable userId (a non-empty string without line breaks)');
    return relayError(500, 'internal_error', 'The relay failed to authorize the request; see its log.');
  }
  if (!route) return relayError(404, 'not_found', 'The relay serves no such route.');
  const methods = ROUTE_METHODS[route.name];
  if (!methods.includes(request.method)) {
    return relayError(405, 'method_not_allowed', `${request.method} is not allowed here.`, { headers: { Allow: methods.join(', ') } });
  }
  const call: RelayCall = { request, url, route, relayUrl: relayUrl(route.mount), userId: user.userId };
  switch (route.name) {
    case 'templates':
      return forward(relay, call, { method: 'GET', url: relay.endpoints.templates() });
    case 'create':
      return create(relay, call);
    default:
      return sessionCall(relay, call);
  }
}

async function discovery(relay: ResolvedRelayOptions, request: Request, relayUrl: string): Promise<Response> {
  const answer = await upstream(relay, { method: 'GET', url: `${relay.endpoints.apiBase}/.well-known/medscribealliance`, auth: false, signal: request.signal });
  if (answer instanceof Response) return answer;
  if (!answer.ok) return upstreamFailureResponse(answer, (value) => value);
  if (typeof answer.data !== 'object' || answer.data === null || Array.isArray(answer.data)) {
    return relayError(502, 'bad_gateway', 'The scribe service sent no discovery document.');
  }
  // Private: the document names the relay's URL as this caller reached it.
  return relayJson(200, relayDiscoveryDocument(answer.data as Record<string, unknown>, relayUrl), { ...answer.headers, 'Cache-Control': 'private, max-age=3600' });
}

async function create(relay: ResolvedRelayOptions, call: RelayCall): Promise<Response> {
  const body = await readJson(relay, call.request, false);
  if (body instanceof Response) return body;
  if ('session_id' in body) return relayError(400, 'invalid_request', 'session_id cannot be chosen through the relay; the service assigns it.', { details: { field: 'session_id' } });
  const answer = await upstream(relay, { method: 'POST', url: relay.endpoints.sessions(), body: pickCreateFields(body), idempotent: false, signal: call.request.signal });
  if (answer instanceof Response) return answer;
  if (!answer.ok) return upstreamFailureResponse(answer, (value) => value);
  const upstreamId = (answer.data as { session_id?: unknown } | undefined)?.session_id;
  if (typeof upstreamId !== 'string' || upstreamId === '') return relayError(502, 'bad_gateway', 'The scribe service created a session without a session_id.', { headers: answer.headers });
  const handle = relay.handles.sign(call.userId, upstreamId);
  return relayJson(answer.status, rewriteSessionBody(answer.data, upstreamId, handle, call.relayUrl), answer.headers);
}

/** Get, upload and end: the handle must open for this user, else 404 `session_not_found` (no existence oracle). */
async function sessionCall(relay: ResolvedRelayOptions, call: RelayCall): Promise<Response> {
  const handle = call.route.handle ?? '';
  const upstreamId = relay.handles.open(call.userId, handle);
  if (upstreamId === undefined) {
    return relayError(404, 'session_not_found', `No session ${handle} for this user.`, { details: { session_id: handle } });
  }
  const { request } = call;
  const rewrite = (value: unknown) => rewriteSessionBody(value, upstreamId, handle, call.relayUrl);
  const scrub = (value: unknown) => replaceUpstreamId(value, upstreamId, handle);
  if (call.route.name === 'session') {
    const templateId = call.url.searchParams.get('template_id');
    const query = templateId === null ? undefined : { template_id: templateId };
    return forward(relay, call, { method: 'GET', url: relay.endpoints.session(upstreamId), query, sessionPath: true, resultStatuses: [410] }, rewrite, scrub);
  }
  if (call.route.name === 'end') {
    const body = await readJson(relay, request, true);
    if (body instanceof Response) return body;
    const forwarded = body.audio_files_sent === undefined ? undefined : { audio_files_sent: body.audio_files_sent };
    // Not retried here: the browser's client retries an end and reconciles a lost answer itself (contract 3.6).
    return forward(relay, call, { method: 'POST', url: relay.endpoints.end(upstreamId), body: forwarded, sessionPath: true, idempotent: false }, rewrite, scrub);
  }
  const fileName = call.route.fileName ?? '';
  if (!isSafeFileName(fileName)) return relayError(400, 'invalid_request', 'The chunk file name must be 1-255 printable ASCII characters without "/", "\\" or "..".');
  const bytes = await readCappedBody(request, relay.limits.chunkBytes);
  if (bytes === 'too_large') return relayError(413, 'file_too_large', `An audio chunk may be at most ${relay.limits.chunkBytes} bytes through this relay.`, { details: { max_bytes: relay.limits.chunkBytes } });
  const headers = { 'Content-Type': forwardedContentType(request.headers.get('content-type')) };
  return forward(relay, call, { method: 'POST', url: relay.endpoints.audioFile(upstreamId, fileName), body: bytes, headers, idempotent: true, sessionPath: true }, rewrite, scrub);
}

/** Sends a call upstream and answers with the service's status and (rewritten) body, or its failure. */
async function forward(
  relay: ResolvedRelayOptions,
  call: RelayCall,
  request: TransportRequest,
  rewrite: (value: unknown) => unknown = (value) => value,
  scrub: (value: unknown) => unknown = (value) => value,
): Promise<Response> {
  const answer = await upstream(relay, { ...request, signal: call.request.signal });
  if (answer instanceof Response) return answer;
  if (!answer.ok) return upstreamFailureResponse(answer, scrub);
  return relayJson(answer.status, answer.data === undefined ? {} : rewrite(answer.data), answer.headers);
}

async function upstream(relay: ResolvedRelayOptions, request: TransportRequest): Promise<UpstreamAnswer | Response> {
  try {
    const answer = await callUpstream(relay.core.transport, request);
    if (answer.redirectHost) {
      // Never followed: the call carries the relay's own credentials.
      relay.logger.warn(`relay: the service redirected (HTTP ${answer.status}) to ${answer.redirectHost}; not followed`, { status: answer.status, redirectHost: answer.redirectHost });
    } else if (!answer.ok) {
      relay.logger.warn(`relay: the service answered ${answer.status}`, { status: answer.status, code: answer.error?.serverCode, requestId: answer.headers['x-request-id'] });
    }
    return answer;
  } catch (error) {
    relay.logger.warn('relay: no answer from the service', { code: (error as { code?: unknown }).code });
    return noAnswerResponse(error);
  }
}

/** A JSON object body within the JSON limit; an empty body is `{}` when `emptyAllowed`. Else the error answer. */
async function readJson(relay: ResolvedRelayOptions, request: Request, emptyAllowed: boolean): Promise<Record<string, unknown> | Response> {
  const bytes = await readCappedBody(request, relay.limits.jsonBytes);
  if (bytes === 'too_large') return relayError(413, 'payload_too_large', `JSON bodies may be at most ${relay.limits.jsonBytes} bytes.`, { details: { max_bytes: relay.limits.jsonBytes } });
  if (bytes.byteLength === 0 && emptyAllowed) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return relayError(400, 'invalid_request', 'The body must be a JSON object.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return relayError(400, 'invalid_request', 'The body must be a JSON object.');
  return value as Record<string, unknown>;
}
