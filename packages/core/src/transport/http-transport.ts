import type { ScribeConfig } from '../config/scribe-config';
import { APIError, ConfigError, ScribeError, TimeoutError, redactText } from '../errors';
import { createSystemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { DEFAULT_MAX_RETRIES, isRetryable, retryDelayMs, type RetryCheck } from '../retry/retry-policy';
import { errorForAbort, throwIfAborted } from '../errors/abort';
import { mapErrorResponse } from './error-mapping';
import { describeNetworkError, rootCause } from './network-error';
import { decodeResponseBody, encodeRequestBody, withQuery } from './request-body';
import type { Transport, TransportRequest, TransportResponse } from './transport';
import type { TransportAuth } from './transport-auth';
import { isTokenRejection } from './error-body';
import { DEFAULT_USER_AGENT } from './user-agent';
import { BodyTooLarge } from './read-capped-bytes';
import { DEFAULT_MAX_RESPONSE_BYTES, readCappedText } from './read-capped-text';

/** Something the service said that the application should hear about without failing the call. */
export interface TransportWarning {
  /** Stable kind: the protocol version in use is deprecated (`X-MSA-Deprecated: true`). */
  code: 'deprecated_version';
  /** What happened and what to do. */
  message: string;
  /** The `MSA-Version` that was sent, if any. */
  version: string | undefined;
  /** `X-MSA-Sunset-Date`, verbatim, if sent. */
  sunsetDate: string | undefined;
}

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Resolved configuration: `dialect`, `requestTimeout` (seconds), `maxRetries` and the credentials to redact. */
  config: ScribeConfig;
  /**
   * Credentials for authenticated calls (an auth provider). Default none: such a transport sends only calls made with
   * `auth: false` (discovery, login), and an authenticated call fails with ConfigError.
   */
  auth?: TransportAuth | undefined;
  /**
   * Whether calls without credentials follow redirects (discovery may be served behind one). Calls with credentials
   * never do. Default true; a login transport sets false, because its body carries the credentials.
   */
  followRedirects?: boolean;
  /** Time for retry waits (request deadlines run on real timers: they bound real I/O). Default: the system clock. */
  clock?: Clock;
  /** Receives redacted one-line summaries of attempts and retries. Default: silent. */
  logger?: Logger;
  /** The fetch implementation, looked up per call. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Uniform random numbers in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** User-Agent header; an empty string sends none (browsers, where it would force a CORS preflight). Default `scribe-ts/<version>`. */
  userAgent?: string;
  /** Receives deprecation notices, once per distinct notice. Default: `logger.warn`. */
  onWarning?: (warning: TransportWarning) => void;
  /** Supplies the `MSA-Version` value in dialect `msa` (the discovery client negotiates it). Default: header not sent. */
  getVersionHeader?: () => string | undefined | Promise<string | undefined>;
  /** Called on every 401 of an authenticated call, before any renewal (the discovery cache drops itself here). Default none. */
  onUnauthorized?: () => void;
  /** The largest response body read; a larger one fails the call with a non-retryable APIError. Default 32 MiB. */
  maxResponseBytes?: number;
}

interface Call {
  request: TransportRequest;
  method: string;
  url: string;
  idempotent: boolean;
  useAuth: boolean;
  timeoutMs: number;
  maxRetries: number;
  headers: Headers;
  body: BodyInit | undefined;
  version: string | undefined;
}

type Outcome =
  | { kind: 'response'; status: number; headers: Headers; bodyText: string }
  | { kind: 'failure'; error: ScribeError; check: Pick<RetryCheck, 'networkError' | 'timedOut'> };

/**
 * The Transport over plain `fetch` (contract 2.1, 8): auth headers from the provider, a per-attempt timeout, cancellation
 * of requests and retry waits, retries of idempotent calls per the retry policy, one renewal and retry after a 401,
 * and every failure mapped to a redacted ScribeError.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { config } = options;
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger ?? silentLogger;
  const random = options.random ?? Math.random;
  const warned = new Set<string>();
  const { auth } = options;
  const followRedirects = options.followRedirects ?? true;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const provider = (): TransportAuth => auth ?? NO_CREDENTIALS;

  function secrets(): string[] {
    const fromConfig = [config.clientId, config.clientSecret, config.apiKey, config.accessToken, config.jwtPayload && JSON.stringify(config.jwtPayload)];
    return [...(auth?.secrets() ?? []), ...fromConfig].filter((value): value is string => typeof value === 'string' && value.length > 0);
  }

  async function prepare(request: TransportRequest): Promise<Call> {
    const useAuth = request.auth ?? true;
    const headers = new Headers({ Accept: 'application/json' });
    const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    if (userAgent) headers.set('User-Agent', userAgent);
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
    let version: string | undefined;
    if (config.dialect === 'msa' && (request.msaVersion ?? useAuth) && options.getVersionHeader) {
      version = await options.getVersionHeader();
      if (version) headers.set('MSA-Version', version);
    }
    const timeoutMs = request.timeoutMs ?? config.requestTimeout * 1000;
    return {
      request,
      method: request.method,
      url: withQuery(request.url, request.query),
      idempotent: request.idempotent ?? request.method === 'GET',
      useAuth,
      timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 0,
      maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
      body: encodeRequestBody(request.body, headers),
      headers,
      version,
    };
  }

  async function attempt(call: Call, authHeaders: Record<string, string>, retries: number): Promise<Outcome> {
    const { signal } = call.request;
    const controller = new AbortController();
    const forwardAbort = () => controller.abort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    let timedOut = false;
    const onTimeout = () => {
      timedOut = true;
      controller.abort();
    };
    const timer = call.timeoutMs > 0 ? setTimeout(onTimeout, call.timeoutMs) : undefined;
    const headers = new Headers(call.headers);
    for (const [name, value] of Object.entries(authHeaders)) headers.set(name, value);
    const started = clock.now();
    try {
      // Looked up per call, so a fetch installed after construction (a test's, a polyfill) is used.
      const response = await (options.fetch ?? globalThis.fetch)(call.url, {
        method: call.method,
        headers,
        body: call.body,
        signal: controller.signal,
        // Credentials must not follow a redirect to another host (fetch only strips Authorization); 3xx is an error.
        redirect: call.useAuth || !followRedirects ? 'manual' : 'follow',
      });
      // The body is read inside the deadline and the abort: a server that stalls mid-body times out like one that never answers.
      const bodyText = NULL_BODY_STATUSES.has(response.status) ? '' : await readCappedText(response, maxResponseBytes);
      log('debug', call, { status: response.status, requestId: response.headers.get('x-request-id') ?? undefined, attempt: retries + 1, durationMs: Math.round(clock.now() - started) });
      return { kind: 'response', status: response.status, headers: response.headers, bodyText };
    } catch (cause) {
      if (signal?.aborted) throw errorForAbort(signal);
      if (cause instanceof BodyTooLarge) return tooLargeFailure(call, cause);
      return timedOut ? timeoutFailure(call, cause, retries) : networkFailure(call, cause, retries);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  // Not retried: the same server would send the same oversized answer again.
  function tooLargeFailure(call: Call, cause: BodyTooLarge): Outcome {
    const what = cause.declared ? `declared a body over the ${cause.limit}-byte limit` : `sent more than ${cause.limit} bytes (reading stopped)`;
    const error = new APIError(
      `${call.method} ${pathOf(call.url)}: the answer from ${hostOf(call.url)} ${what}. A MedScribeAlliance service answers far less; check the configured URL, or raise \`maxResponseBytes\` if this service really sends such answers.`,
      { cause, retryable: false, secrets: secrets(), details: { max_response_bytes: cause.limit, received_bytes: cause.received } },
    );
    return { kind: 'failure', error, check: {} };
  }

  function timeoutFailure(call: Call, cause: unknown, retries: number): Outcome {
    const seconds = call.timeoutMs / 1000;
    const error = new TimeoutError(
      `${call.method} ${pathOf(call.url)} got no answer within ${seconds} s (${retriedText(retries, call.idempotent)}). Raise \`requestTimeout\` if the service is slow, or try again later.`,
      { cause: rootCause(cause), retryable: true, secrets: secrets() },
    );
    return { kind: 'failure', error, check: { timedOut: true } };
  }

  function networkFailure(call: Call, cause: unknown, retries: number): Outcome {
    const host = hostOf(call.url);
    const error = new APIError(
      `${call.method} ${pathOf(call.url)} could not reach ${host}: ${describeNetworkError(cause)} (${retriedText(retries, call.idempotent)}). Check the network and the configured URL, then try again.`,
      { cause: rootCause(cause), retryable: true, secrets: secrets() },
    );
    return { kind: 'failure', error, check: { networkError: true } };
  }

  function log(level: 'debug' | 'warn', call: Call, fields: Record<string, unknown>, message?: string): void {
    const url = redactText(call.url, secrets());
    logger[level](message ?? `${call.method} ${url} -> ${String(fields.status)}`, { method: call.method, url, ...fields });
  }

  function warnIfDeprecated(call: Call, headers: Headers): void {
    if (headers.get('x-msa-deprecated')?.trim().toLowerCase() !== 'true') return;
    const sunsetDate = headers.get('x-msa-sunset-date') ?? undefined;
    // Once per sunset date: every call of a deprecated version carries the headers, and one notice is enough.
    const key = sunsetDate ?? '';
    if (warned.has(key)) return;
    warned.add(key);
    const message = `The service marks protocol version ${call.version ?? '(default)'} as deprecated${sunsetDate ? `, to be removed on ${sunsetDate}` : ''}: upgrade the SDK before then.`;
    const warning: TransportWarning = { code: 'deprecated_version', message, version: call.version, sunsetDate };
    if (options.onWarning) options.onWarning(warning);
    else logger.warn(message, { sunsetDate, version: call.version });
  }

  function result<T>(outcome: Extract<Outcome, { kind: 'response' }>): TransportResponse<T> {
    return {
      status: outcome.status,
      headers: outcome.headers,
      data: decodeResponseBody(outcome.bodyText) as T,
      requestId: outcome.headers.get('x-request-id') ?? undefined,
      bodyText: outcome.bodyText,
    };
  }

  async function waitBeforeRetry(call: Call, error: ScribeError, retryAfter: string | null, retries: number): Promise<void> {
    const delayMs = retryDelayMs(retries, { retryAfterHeader: retryAfter, random, wallNow: clock.wallNow() });
    call.request.onRetry?.({ attempt: retries + 1, delayMs, error });
    log('warn', call, { status: error.status, code: error.code, requestId: error.requestId, delayMs, retry: retries + 1 },
      `retrying ${call.method} ${redactText(call.url, secrets())} in ${delayMs} ms (retry ${retries + 1} of ${call.maxRetries}) after ${error.code}`);
    try {
      await clock.sleep(delayMs, call.request.signal);
    } catch (sleepError) {
      throw call.request.signal?.aborted ? errorForAbort(call.request.signal) : sleepError;
    }
  }

  async function request<T>(request: TransportRequest): Promise<TransportResponse<T>> {
    throwIfAborted(request.signal);
    const call = await prepare(request);
    let retries = 0;
    let internalErrorRetried = false;
    let authRenewed = false;
    for (;;) {
      throwIfAborted(request.signal);
      const authHeaders = call.useAuth ? await provider().headers({ signal: request.signal }) : {};
      const outcome = await attempt(call, authHeaders, retries);
      let error: ScribeError;
      let check: Omit<RetryCheck, 'attempt' | 'idempotent'>;
      let retryAfter: string | null = null;
      if (outcome.kind === 'response') {
        warnIfDeprecated(call, outcome.headers);
        request.onResponse?.({ status: outcome.status, headers: outcome.headers, bodyText: redactText(outcome.bodyText, secrets()) });
        const { status } = outcome;
        if ((status >= 200 && status < 300) || request.resultStatuses?.includes(status)) return result<T>(outcome);
        if (status === 401 && call.useAuth) options.onUnauthorized?.();
        // FastAPI services answer 403 {"detail":"invalid_token"} where the contract says 401: renew for those too.
        const tokenRejected = status === 401 || (status === 403 && isTokenRejection(outcome.bodyText));
        if (tokenRejected && call.useAuth && !authRenewed) {
          authRenewed = true;
          if (await provider().onUnauthorized({ signal: request.signal, rejectedHeaders: authHeaders })) continue;
        }
        error = mapErrorResponse({
          ...outcome,
          url: call.url,
          method: call.method,
          sessionPath: request.sessionPath,
          advertisedAs: request.advertisedAs,
          retries,
          idempotent: call.idempotent,
          secrets: secrets(),
          authAdvice: call.useAuth ? provider().advice?.() : undefined,
          wallNow: clock.wallNow(),
        });
        check = { status, serverCode: error.serverCode };
        retryAfter = outcome.headers.get('retry-after');
      } else {
        ({ error, check } = outcome);
      }
      const retry = isRetryable({ ...check, attempt: retries, idempotent: call.idempotent, maxRetries: call.maxRetries, internalErrorRetried });
      if (!retry) throw error;
      if (check.status === 500) internalErrorRetried = true;
      await waitBeforeRetry(call, error, retryAfter, retries);
      retries += 1;
    }
  }

  return { request };
}

// Statuses that never carry a body: nothing to read.
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304]);

// Without a provider an authenticated call is a programming error of whoever built the transport, not a login failure.
const NO_CREDENTIALS: TransportAuth = {
  headers: () => Promise.reject(new ConfigError('This transport was built without credentials (`auth`) and cannot send an authenticated call.')),
  onUnauthorized: async () => false,
  secrets: () => [],
};

function retriedText(retries: number, idempotent: boolean): string {
  if (retries > 0) return `retried ${retries} time${retries === 1 ? '' : 's'}`;
  return idempotent ? 'not retried' : 'not retried: repeating it may not be safe';
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

function hostOf(url: string): string {
  return new URL(url).origin;
}
