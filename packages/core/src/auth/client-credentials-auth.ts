import { AuthError, ConfigError, ScribeError } from '../errors';
import { createSystemClock } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import { parseTokenResponse, type TokenResponse } from '../protocol/token-response';
import { parseErrorBody } from '../transport/error-body';
import { createHttpTransport } from '../transport/http-transport';
import type { TransportResponse } from '../transport/transport';
import type { LoginAuthOptions } from './login-auth-options';
import type { AuthProvider } from './auth-provider';
import { authRequestTimeoutMs } from './auth-request-timeout';
import { postAuthRequest } from './post-auth-request';
import { createLoginTokenCache } from './login-token-cache';
import { tokenStateFrom, type TokenState } from './token-state';

/** Path of the login call under the auth host. */
export const LOGIN_PATH = '/connect-auth/v1/account/login';

/** Path of the refresh call under the auth host. */
export const REFRESH_PATH = '/connect-auth/v1/account/refresh-token';

export { AUTH_REQUEST_TIMEOUT_MS } from './auth-request-timeout';

/** Options of {@link createClientCredentialsAuth}: those of every login mode. */
export type ClientCredentialsAuthOptions = LoginAuthOptions;

/**
 * Client-credentials mode (contract 1.1 row 3, 1.2): logs in lazily, keeps the token on the monotonic clock, refreshes
 * it when stale (any refresh failure → fresh login), shares one login or refresh among concurrent callers, and after
 * a 401 drops the token so the retry logs in afresh.
 */
export function createClientCredentialsAuth(options: ClientCredentialsAuthOptions): AuthProvider {
  const { config } = options;
  const { clientId, clientSecret, apiKey } = config;
  if (!clientId || !clientSecret) {
    throw new ConfigError('Client-credentials auth needs both clientId and clientSecret: set SCRIBE_CLIENT_ID and SCRIBE_CLIENT_SECRET.', { secrets: [clientId ?? '', clientSecret ?? ''] });
  }
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger ?? silentLogger;
  const authBase = config.authBaseUrl.replace(/\/+$/, '');
  const timeoutMs = authRequestTimeoutMs(config);
  const cache = createLoginTokenCache(clock, renew);
  let transport = options.transport;

  const secrets = () => [clientId, clientSecret, ...(apiKey ? [apiKey] : []), ...cache.remembered];
  // With a host set by hand, naming the environment preset would contradict it: the advice names the host instead.
  const customHost = config.explicitUrls.authBaseUrl || config.explicitUrls.baseUrl || config.explicitUrls.discoveryUrl;
  const envAdvice = customHost
    ? `Check that the client id and secret were issued by the auth host \`${authBase}\` (set by your configuration, so \`env\` does not choose it).`
    : `Check that \`env\` (now \`${config.env}\`, auth host \`${authBase}\`) matches where the credentials were issued.`;

  async function post(path: string, body: Record<string, string>, signal: AbortSignal, idempotent: boolean): Promise<TransportResponse> {
    transport ??= createHttpTransport({ config, clock, logger, fetch: options.fetch, random: options.random, followRedirects: false });
    // Login may be repeated after a connection error (it only issues another token); refresh may not: it rotates.
    const call = path === LOGIN_PATH ? 'Login' : 'Token refresh';
    return postAuthRequest(transport, { url: `${authBase}${path}`, body, call, idempotent, timeoutMs, signal, advice: envAdvice, secrets: secrets() });
  }

  function accept(response: TransportResponse, previousRefreshToken: string | undefined): TokenState {
    let parsed: TokenResponse;
    try {
      parsed = parseTokenResponse(response.data);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'login response missing access_token';
      throw new AuthError(`${message} (HTTP ${response.status} from ${authBase}). ${envAdvice}`, {
        status: response.status,
        requestId: response.requestId,
        secrets: secrets(),
      });
    }
    return cache.keep(tokenStateFrom(parsed, clock.now(), previousRefreshToken));
  }

  async function login(signal: AbortSignal, previousRefreshToken: string | undefined): Promise<TokenState> {
    const body: Record<string, string> = { client_id: clientId!, client_secret: clientSecret!, ...(apiKey ? { api_key: apiKey } : {}) };
    const response = await post(LOGIN_PATH, body, signal, true);
    if (response.status >= 300) throw loginRejected(response);
    logger.debug('logged in', { authHost: authBase });
    return accept(response, previousRefreshToken);
  }

  function loginRejected(response: TransportResponse): AuthError {
    const bodyText = response.bodyText ?? '';
    const parsed = parseErrorBody(bodyText);
    // A JSON error body says it in its message; only a body that is not one is quoted (capped and redacted).
    const excerpt = (parsed.json && parsed.message ? parsed.message : bodyText.trim().slice(0, 200)) || '(empty body)';
    const outage = response.status >= 500 ? ' The auth service failed; if it persists, try again later.' : '';
    // A self-hosted EkaScribe has no client-credentials route: its gateway-less FastAPI answers this one 403 missing_token.
    const selfHosted =
      response.status === 403 && parsed.code === 'missing_token'
        ? ' This looks like a self-hosted EkaScribe, which has no client-credentials login: set SCRIBE_USERNAME and SCRIBE_PASSWORD to use its password login (docs/self-hosted-ekascribe.md).'
        : '';
    const sentence = /[.!?]$/.test(excerpt) ? excerpt : `${excerpt}.`;
    return new AuthError(`Login failed (HTTP ${response.status}${parsed.code ? `, ${parsed.code}` : ''}): ${sentence}${selfHosted || ` ${envAdvice}`}${outage}`, {
      status: response.status,
      serverCode: parsed.code,
      requestId: response.requestId,
      details: parsed.details,
      retryable: response.status >= 500,
      secrets: secrets(),
    });
  }

  async function refresh(current: TokenState & { refreshToken: string }, signal: AbortSignal): Promise<TokenState> {
    const body = { refresh_token: current.refreshToken, access_token: current.accessToken };
    const response = await post(REFRESH_PATH, body, signal, false);
    if (response.status >= 300) {
      throw new AuthError(`Token refresh failed (HTTP ${response.status}).`, { status: response.status, secrets: secrets() });
    }
    return accept(response, current.refreshToken);
  }

  async function renew(current: TokenState | undefined, signal: AbortSignal): Promise<TokenState> {
    if (current?.refreshToken) {
      try {
        return await refresh({ ...current, refreshToken: current.refreshToken }, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        // Contract 1.2: whatever went wrong (status, network, body), a fresh login is the fallback.
        logger.debug('token refresh failed; logging in again', { code: ScribeError.is(error) ? error.code : 'unknown', status: ScribeError.is(error) ? error.status : undefined });
      }
    }
    return login(signal, current?.refreshToken);
  }

  return {
    mode: 'client-credentials',
    headers: cache.headers,
    onUnauthorized: cache.onUnauthorized,
    businessId: cache.businessId,
    secrets,
    advice: () => `The service rejected the access token obtained with these client credentials. ${envAdvice}`,
  };
}
