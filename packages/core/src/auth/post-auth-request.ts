import { AuthError } from '../errors';
import { redirectHost } from '../transport/redirect-host';
import type { Transport, TransportResponse } from '../transport/transport';

// Every non-2xx status comes back as a result: login failures need the raw body and their own advice.
const EVERY_FAILURE_STATUS: readonly number[] = Array.from({ length: 300 }, (_, index) => 300 + index);

/** One login or refresh call, as {@link postAuthRequest} sends it. */
export interface AuthRequest {
  /** Full URL of the call. */
  url: string;
  /** JSON body; holds credentials, so it is never sent on to a redirect target. */
  body: Record<string, string>;
  /** `Login` or `Token refresh`: names the call in errors. */
  call: string;
  /** Whether a connection error may repeat it (a login may; a rotating refresh may not). */
  idempotent: boolean;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: number;
  /** Cancels the call. */
  signal: AbortSignal;
  /** What to say after the redirect sentence (the mode's configuration advice). */
  advice: string;
  /** Credentials to redact from the error. */
  secrets: string[];
}

/**
 * Posts a login or refresh body through a transport that follows no redirect and returns every non-2xx answer
 * except a redirect, which is an AuthError naming the target host: the credentials are never re-posted there.
 */
export async function postAuthRequest(transport: Transport, request: AuthRequest): Promise<TransportResponse> {
  const response = await transport.request({
    method: 'POST',
    url: request.url,
    body: request.body,
    auth: false,
    msaVersion: false,
    idempotent: request.idempotent,
    timeoutMs: request.timeoutMs,
    resultStatuses: EVERY_FAILURE_STATUS,
    signal: request.signal,
  });
  if (response.status >= 300 && response.status < 400) throw redirectedError(request, response);
  return response;
}

/** The AuthError for a login or refresh answered with a redirect; `details.redirect_host` names the target host. */
export function redirectedError(request: Pick<AuthRequest, 'url' | 'call' | 'advice' | 'secrets'>, response: Pick<TransportResponse, 'status' | 'headers' | 'requestId'>): AuthError {
  const target = redirectHost(response.headers.get('location'), request.url);
  return new AuthError(`${request.call} was redirected (HTTP ${response.status}) to ${target}; the credentials were not sent on. ${request.advice}`, {
    status: response.status,
    requestId: response.requestId,
    details: { redirect_host: target },
    secrets: request.secrets,
  });
}
