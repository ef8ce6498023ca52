import type { ScribeConfig } from '../config/scribe-config';
import { AuthError, ConfigError } from '../errors';
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

/** Path of a self-hosted EkaScribe's username/password login under the auth host. */
export const PASSWORD_LOGIN_PATH = '/connect-auth/v1/login';

/** Options of {@link createPasswordAuth}: those of every login mode. */
export type PasswordAuthOptions = LoginAuthOptions;

/**
 * Password mode for a self-hosted EkaScribe: `POST {auth}/connect-auth/v1/login {username, password}`, the token kept
 * on the monotonic clock and renewed before expiry by logging in again, one login shared by concurrent callers, and
 * after a rejection a fresh login and one retry. The service's `refresh_token` is not used: no refresh route of the
 * self-hosted service is known (its `/account/*` routes sit behind the gateway it lacks), and a login costs the same
 * one request a refresh would.
 */
export function createPasswordAuth(options: PasswordAuthOptions): AuthProvider {
  const { config } = options;
  const { username, password } = config;
  if (!username || !password) {
    throw new ConfigError(`Password login needs both a username and a password.${missingPart(config)} ${PASSWORD_ADVICE}`, { secrets: [password ?? ''] });
  }
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger ?? silentLogger;
  const loginUrl = `${config.authBaseUrl.replace(/\/+$/, '')}${PASSWORD_LOGIN_PATH}`;
  const timeoutMs = authRequestTimeoutMs(config);
  // No refresh route is known (see above): renewing is logging in again.
  const cache = createLoginTokenCache(clock, (_current, signal) => login(signal));
  let transport = options.transport;

  const secrets = () => [password, ...cache.remembered];
  const advice = `Check that SCRIBE_USERNAME / SCRIBE_PASSWORD belong to the service at \`${loginUrl}\`.`;

  async function login(signal: AbortSignal): Promise<TokenState> {
    transport ??= createHttpTransport({ config, clock, logger, fetch: options.fetch, random: options.random, followRedirects: false });
    const response = await postAuthRequest(transport, {
      url: loginUrl,
      body: { username: username!, password: password! },
      call: 'Login',
      idempotent: true,
      timeoutMs,
      signal,
      advice,
      secrets: secrets(),
    });
    if (response.status >= 300) throw loginRejected(response);
    let parsed: TokenResponse;
    try {
      parsed = parseTokenResponse(response.data);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'login response missing access_token';
      throw new AuthError(`${message} (HTTP ${response.status} from ${loginUrl}). ${advice}`, { status: response.status, requestId: response.requestId, secrets: secrets() });
    }
    logger.debug('logged in with username and password', { loginUrl });
    return cache.keep(tokenStateFrom(parsed, clock.now(), undefined));
  }

  function loginRejected(response: TransportResponse): AuthError {
    const bodyText = response.bodyText ?? '';
    const parsed = parseErrorBody(bodyText);
    const said = (parsed.message ?? bodyText.trim().slice(0, 200)) || '(empty body)';
    const status = response.status;
    const meaning =
      status === 401 || status === 403
        ? `the service rejected the username or password (it said: ${said}). Check SCRIBE_PASSWORD (and SCRIBE_USERNAME, now \`${username}\`).`
        : status === 404 || status === 405
          ? `${loginUrl} has no password login (it said: ${said}). Password login is for a self-hosted EkaScribe: check \`baseUrl\` / \`authBaseUrl\`; the hosted service uses client credentials.`
          : status >= 500
            ? `the auth service failed (it said: ${said}). If it persists, try again later.`
            : `${said}. ${advice}`;
    return new AuthError(`Login failed (HTTP ${status}${parsed.code ? `, ${parsed.code}` : ''}): ${meaning}`, {
      status,
      serverCode: parsed.code,
      requestId: response.requestId,
      details: parsed.details,
      retryable: status >= 500,
      secrets: secrets(),
    });
  }

  return {
    mode: 'password',
    headers: cache.headers,
    onUnauthorized: cache.onUnauthorized,
    businessId: cache.businessId,
    secrets,
    advice: () => `The service rejected the access token obtained by password login. ${advice}`,
  };
}

/** How to configure password login, for "missing" errors. */
export const PASSWORD_ADVICE =
  'Set SCRIBE_USERNAME (or `username` in the config file or options) and SCRIBE_PASSWORD (environment or the `password` option only; never a config file).';

function missingPart(config: Pick<ScribeConfig, 'username' | 'password'>): string {
  if (config.username && !config.password) return ' SCRIBE_USERNAME is set but SCRIBE_PASSWORD is not.';
  if (config.password && !config.username) return ' SCRIBE_PASSWORD is set but SCRIBE_USERNAME is not.';
  return '';
}
