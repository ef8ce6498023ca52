import { redirectHost, ScribeError, type ObservedResponse, type Transport, type TransportRequest } from '@scribe/core/internal';

/** Upstream headers a relay answer carries on, success or failure; every other upstream header is dropped. */
export const PASSED_HEADERS = ['retry-after', 'x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'] as const;

/** What the service answered: a success, or an HTTP failure the transport gave up on (after its retries and renewal). */
export interface UpstreamAnswer {
  /** Whether the transport accepted it (2xx, or a listed result status such as the expired session's 410). */
  ok: boolean;
  /** HTTP status. */
  status: number;
  /** Parsed JSON body (credentials redacted on failures), the text when not JSON, undefined when empty. */
  data: unknown;
  /** The {@link PASSED_HEADERS} the service sent. */
  headers: Record<string, string>;
  /** The ScribeError the transport raised, on failure. */
  error?: ScribeError;
  /** On a 3xx (never followed: the call carries the relay's credentials), the host its `Location` names. */
  redirectHost?: string;
}

/**
 * Sends one call through the client's core transport (credentials, renewal, retries, redirect refusal) and returns
 * the service's answer. Rejects only when there is no HTTP answer to pass on: network failure, timeout, abort,
 * missing configuration.
 */
export async function callUpstream(transport: Transport, request: TransportRequest): Promise<UpstreamAnswer> {
  let last: ObservedResponse | undefined;
  try {
    const response = await transport.request({ ...request, onResponse: (observed) => (last = observed) });
    return { ok: true, status: response.status, data: response.data, headers: passedHeaders(response.headers) };
  } catch (error) {
    if (!ScribeError.is(error) || error.status === undefined || last?.status !== error.status) throw error;
    const redirectedTo = error.status >= 300 && error.status < 400 ? redirectHost(last.headers.get('location'), request.url) : undefined;
    return { ok: false, status: error.status, data: parseBody(last.bodyText), headers: passedHeaders(last.headers), error, ...(redirectedTo ? { redirectHost: redirectedTo } : {}) };
  }
}

function passedHeaders(headers: Headers): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) passed[name] = value;
  }
  return passed;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
