import type { IncomingMessage } from 'node:http';
import { authenticate, type AuthenticateDependencies, type Principal } from '../auth/authenticate.js';
import { MULTIPART_SLACK_BYTES } from '../audio/upload-source.js';
import type { ResolvedOptions } from '../options.js';
import { rateLimitHeaders, type RateLimiter } from '../rate-limit.js';
import type { Handler, RequestContext, UploadNote } from './context.js';
import { checkMsaVersion } from './msa-version.js';
import { parseJsonBody, readBody } from './request-body.js';
import { spoolBody, type SpooledBody } from './spool-body.js';
import type { HttpResponse } from './responses.js';
import type { Router } from './router.js';

/** What routing a request needs. */
export interface DispatchDependencies {
  options: ResolvedOptions;
  router: Router<Handler>;
  auth: AuthenticateDependencies;
  rateLimiter: RateLimiter | undefined;
  /** Where audio bodies are spooled while they arrive (`{dataDir}/tmp`). */
  scratchDir: string;
}

/** Per-request facts gathered while dispatching, kept even when a step throws (headers, log fields). */
export interface DispatchState {
  requestId: string;
  url: URL;
  origin: string;
  signal: AbortSignal;
  /** Headers to add to whatever answer goes out (rate limit, deprecation). */
  headers: Record<string, string>;
  principal?: Principal;
  body?: unknown;
  bodyBytes: number;
  upload?: UploadNote;
}

/**
 * Routes one request: preflight, 404/405, then for authenticated routes the credential (1.4), the rate limit (8.3)
 * and `MSA-Version` (2.1), then the body, then the handler. Every failure is thrown as an `HttpError`.
 */
export async function dispatch(deps: DispatchDependencies, req: IncomingMessage, state: DispatchState): Promise<HttpResponse> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return { status: 204, headers: deps.options.cors.preflight(req.headers.origin) };
  const match = deps.router.match(method, state.url.pathname);
  const { route } = match;
  if (route.auth) {
    state.principal = authenticate(req.headers, deps.auth);
    if (deps.rateLimiter) Object.assign(state.headers, rateLimitHeaders(deps.rateLimiter.consume(state.principal.rateKey)));
    if (route.protocol) {
      const version = checkMsaVersion(req.headers['msa-version'], deps.options.supportedVersions, deps.options.deprecatedVersions);
      Object.assign(state.headers, version.headers);
    }
  }
  if (route.beforeBody && state.principal) await route.beforeBody(match.params, state.principal.businessId);
  let rawBody: SpooledBody | undefined;
  if (route.body === 'json') {
    const json = await readBody(req, deps.options.maxJsonBytes);
    state.bodyBytes = json.size;
    state.body = parseJsonBody(json, deps.options.maxJsonBytes);
  } else if (route.body === 'audio') {
    // Audio goes to disk as it arrives: eight parallel 100 MiB uploads must not cost 1 GB of memory (issue 11 item 10).
    rawBody = await spoolBody(req, deps.options.maxFileBytes + MULTIPART_SLACK_BYTES, deps.scratchDir);
    state.bodyBytes = rawBody.size;
  }
  const ctx: RequestContext = {
    req,
    method,
    url: state.url,
    params: match.params,
    prefix: match.prefix,
    requestId: state.requestId,
    principal: state.principal,
    body: state.body,
    rawBody,
    origin: state.origin,
    signal: state.signal,
    noteUpload: (note) => {
      state.upload = note;
    },
  };
  try {
    return await route.handler(ctx);
  } finally {
    await rawBody?.discard();
  }
}
